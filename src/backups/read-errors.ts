/** How the reader refuses a file: BackupFormatError with a message an operator can act on. */
import { fingerprint } from '../redis/fingerprint.js';
import type { Category } from './format.js';
import { parseLenient } from './pyjson.js';

export class BackupFormatError extends Error {}

/** Categories whose names are not secrets (client ids, jtis, usernames): errors may quote them. */
const PUBLIC_NAMES: ReadonlySet<Category> = new Set<Category>(['registrations', 'tokens', 'user_tokens']);

/**
 * How an error names an entry. For refresh tokens, codes, states, sessions and unknown keys the
 * name is the secret itself (or may be): those are named by the API's fingerprint (the same
 * handle `RefreshToken.fingerprint`, `AuthorizationCode.fingerprint` and the diff show), never
 * quoted.
 */
export function entryLabel(category: Category, id: string): string {
  return PUBLIC_NAMES.has(category) ? `entry ${category}.${JSON.stringify(id)}` : `entry of ${category} with fingerprint ${fingerprint(id)}`;
}

export function fail(message: string): never {
  throw new BackupFormatError(message);
}

export function parseJson(raw: Buffer, what: string): unknown {
  try {
    return parseLenient(raw.toString('utf8'));
  } catch {
    return fail(`${what} is not valid JSON`);
  }
}
