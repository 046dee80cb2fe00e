import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { runScript } from '../redis/scripts.js';
import { IndexStore, bucketOfOrder, tokenOrder } from './store.js';

export interface IndexedOwner {
  clientId: string | null;
  username: string | null;
  /** An access token's recorded expiry (epoch seconds); null when none or unknown. */
  expiresAt: number | null;
}

/**
 * Who the derived indexes say an access token (by jti) or a refresh token (by fingerprint)
 * concerns; nulls where they do not know (not indexed, already removed, no leader following).
 * Refresh tokens record no client. One command.
 */
export async function indexedOwner(redis: RedisClient, keys: Keys, record: { jti: string } | { fingerprint: string }): Promise<IndexedOwner> {
  const [id, field] = 'jti' in record ? [record.jti, IndexStore.tokenField(record.jti)] : [record.fingerprint, `#${record.fingerprint}`];
  const reply = (await runScript(redis, 'ixRecordOwners', [keys.index('n')], [keys.indexPrefix(), bucketOfOrder(tokenOrder(id)), field])) as (string | null)[];
  const exp = typeof reply[2] === 'string' ? Number(reply[2]) : Number.NaN;
  return {
    clientId: typeof reply[0] === 'string' ? reply[0] : null,
    username: typeof reply[1] === 'string' ? reply[1] : null,
    expiresAt: Number.isFinite(exp) ? exp : null,
  };
}
