import { decodeAccessToken, decodeAuthCode, decodeClient, decodeRefreshToken } from '../redis/codecs.js';
import { fingerprint } from '../redis/fingerprint.js';
import { type GatewayEvent, type GatewayEventKind, gatewayEvent } from './event.js';

/** The record kinds that make events (states and the user indexes do not: see the README). */
export type WatchedKind = 'client' | 'token' | 'refresh' | 'code';
/** The keyspace events that make gateway events; the rest (expire, sadd, srem, ...) say nothing new. */
export type WatchedOp = 'set' | 'del' | 'expired';

export interface Notification {
  kind: WatchedKind;
  /** The key's id part: for refresh tokens and codes a secret, which never leaves this module. */
  id: string;
  op: WatchedOp;
  at: number;
}

interface Owner {
  clientId: string | null;
  username: string | null;
  expiresAt: number | null;
  /** False: a tombstone (the key was removed), kept so that a client written again counts as registered. */
  present: boolean;
}

/** A client written whose record says it was issued this recently, and not seen before, counts as registered. */
const REGISTERED_WITHIN_S = 300;

const KINDS: Record<WatchedKind, Record<WatchedOp, GatewayEventKind>> = {
  client: { set: 'CLIENT_UPDATED', del: 'CLIENT_DELETED', expired: 'CLIENT_EXPIRED' },
  token: { set: 'ACCESS_TOKEN_ISSUED', del: 'ACCESS_TOKEN_REVOKED', expired: 'ACCESS_TOKEN_EXPIRED' },
  refresh: { set: 'REFRESH_TOKEN_ISSUED', del: 'REFRESH_TOKEN_DELETED', expired: 'REFRESH_TOKEN_EXPIRED' },
  code: { set: 'CODE_ISSUED', del: 'CODE_REDEEMED', expired: 'CODE_EXPIRED' },
};

/** Who a record concerns, read from its value as the gateway wrote it (null when corrupt or gone). */
function ownerOf(kind: WatchedKind, id: string, raw: string | null): Owner {
  const none: Owner = { clientId: kind === 'client' ? id : null, username: null, expiresAt: null, present: true };
  if (raw === null) return none;
  if (kind === 'client') return none;
  if (kind === 'token') {
    const { record } = decodeAccessToken(raw);
    return record ? { clientId: record.clientId, username: record.username, expiresAt: record.expiresAt, present: true } : none;
  }
  const { record } = kind === 'refresh' ? decodeRefreshToken(raw) : decodeAuthCode(raw);
  return record ? { clientId: record.clientId, username: record.username, expiresAt: null, present: true } : none;
}

function slotOf(n: Notification): string {
  return `${n.kind}:${n.kind === 'refresh' || n.kind === 'code' ? fingerprint(n.id) : n.id}`;
}

/**
 * Turns notifications into events. It remembers who each record it saw written concerns (a bounded
 * memory, least recently used first out), because once a key is deleted or expired its record is
 * gone. A removal of a record it does not remember (written before this process watched, or pushed
 * out of the memory) is named from the derived indexes when they still hold it (tokens, refresh
 * tokens), else names no client or user.
 */
export class OwnerMemory {
  private readonly owners = new Map<string, Owner>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.owners.size;
  }

  clear(): void {
    this.owners.clear();
  }

  /** Whether it knows who the record of this notification concerns. */
  knows(n: Notification): boolean {
    return this.owners.has(slotOf(n));
  }

  /**
   * The event a notification means; `raw` is the value read after a `set` (null when gone by
   * then); `indexed`, for a removal, what the derived indexes said of the record when it was not
   * remembered.
   */
  eventOf(n: Notification, raw: string | null = null, indexed: Omit<Owner, 'present'> | null = null): GatewayEvent {
    const secret = n.kind === 'refresh' || n.kind === 'code';
    const handle = secret ? fingerprint(n.id) : n.id;
    const slot = slotOf(n);
    const prior = this.owners.get(slot) ?? (indexed && n.op !== 'set' ? { ...indexed, present: true } : null);
    let kind = KINDS[n.kind][n.op];
    let owner: Owner;
    if (n.op === 'set') {
      owner = ownerOf(n.kind, n.id, raw);
      if (n.kind === 'client' && this.registered(prior, raw)) kind = 'CLIENT_REGISTERED';
      this.remember(slot, owner);
    } else {
      owner = prior ?? { clientId: n.kind === 'client' ? n.id : null, username: null, expiresAt: null, present: false };
      // Deleted once its expiry had passed (a purge): it expired, nobody revoked it.
      if (kind === 'ACCESS_TOKEN_REVOKED' && owner.expiresAt !== null && owner.expiresAt * 1000 <= n.at) kind = 'ACCESS_TOKEN_EXPIRED';
      if (n.kind === 'client') this.remember(slot, { ...owner, present: false });
      else this.owners.delete(slot);
    }
    return gatewayEvent(kind, n.at, {
      clientId: owner.clientId,
      username: owner.username,
      jti: n.kind === 'token' ? n.id : null,
      fingerprint: secret ? handle : null,
      expiresAt: n.kind === 'token' ? owner.expiresAt : null,
    });
  }

  private registered(prior: Owner | null, raw: string | null): boolean {
    if (prior) return !prior.present;
    const createdAt = raw === null ? null : (decodeClient(raw).record?.createdAt ?? null);
    return createdAt !== null && createdAt * 1000 >= this.now() - REGISTERED_WITHIN_S * 1000;
  }

  private remember(slot: string, owner: Owner): void {
    this.owners.delete(slot);
    this.owners.set(slot, owner);
    if (this.owners.size > this.capacity) {
      const oldest = this.owners.keys().next();
      if (!oldest.done) this.owners.delete(oldest.value);
    }
  }
}
