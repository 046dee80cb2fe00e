import { createHash } from 'node:crypto';

/**
 * A stable public handle for a record whose key is itself a secret (refresh tokens, codes): it
 * names the record in listings, cursors and audit entries without revealing the value.
 */
export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url').slice(0, 22);
}
