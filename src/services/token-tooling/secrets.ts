import { randomBytes } from 'node:crypto';
import { setEnvVars } from './env-file.js';

/** Same alphabet and length as Python `secrets.token_urlsafe(bytes)`: unpadded base64url. */
export function tokenUrlSafe(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** A new `GATEWAY_JWT_SECRET`: 32 random bytes, 43 base64url characters. */
export function generateJwtSecret(): string {
  return tokenUrlSafe(32);
}

/** `generate-jwt-secret`: stores a fresh secret in `GATEWAY_JWT_SECRET` (no `.env.bak` left behind). */
export async function writeJwtSecret(envPath: string): Promise<{ secret: string }> {
  const secret = generateJwtSecret();
  await setEnvVars(envPath, { GATEWAY_JWT_SECRET: secret });
  return { secret };
}
