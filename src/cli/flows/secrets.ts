import { randomBytes } from 'node:crypto';
import { readEnvFile, setEnvVars } from './env-file.js';

/** Same alphabet and length as Python `secrets.token_urlsafe(bytes)`: unpadded base64url. */
export function tokenUrlSafe(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new `GATEWAY_JWT_SECRET`: 32 random bytes, 43 base64url characters. */
export function generateJwtSecret(): string {
  return tokenUrlSafe(32);
}

export type JwtSecretResult = { written: true; replaced: boolean; secret: string } | { written: false; replaced: false };

/**
 * `generate-jwt-secret`: stores a fresh secret in `GATEWAY_JWT_SECRET` (no `.env.bak` left behind).
 * An existing secret is kept unless `force`: replacing it invalidates every token signed with it.
 */
export async function writeJwtSecret(envPath: string, options: { force?: boolean } = {}): Promise<JwtSecretResult> {
  const existing = (await readEnvFile(envPath)).GATEWAY_JWT_SECRET?.trim();
  if (existing && !options.force) return { written: false, replaced: false };
  const secret = generateJwtSecret();
  await setEnvVars(envPath, { GATEWAY_JWT_SECRET: secret });
  return { written: true, replaced: Boolean(existing), secret };
}
