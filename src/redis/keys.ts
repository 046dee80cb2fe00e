/** The record kinds the gateway writes under its prefix. */
export const RECORD_KINDS = ['client', 'token', 'refresh', 'state', 'code', 'user_tokens'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface KeyPrefixes {
  /** The gateway's prefix, `oauth:` by default. */
  oauth: string;
  /** Session keys the gateway's backup script also copies (`redis:session:`). */
  session: string;
  /** Our own keys (jobs, audit, confirmations, locks), never under the gateway's prefix. */
  admin: string;
}

/** The only place key strings are glued together or taken apart. */
export class Keys {
  constructor(readonly prefixes: KeyPrefixes) {}

  record(kind: RecordKind, id: string): string {
    return `${this.prefixes.oauth}${kind}:${id}`;
  }
  client(clientId: string): string {
    return this.record('client', clientId);
  }
  token(jti: string): string {
    return this.record('token', jti);
  }
  refresh(token: string): string {
    return this.record('refresh', token);
  }
  state(state: string): string {
    return this.record('state', state);
  }
  code(code: string): string {
    return this.record('code', code);
  }
  userTokens(username: string): string {
    return this.record('user_tokens', username);
  }

  /** A key under the gateway's prefix that is no record kind of ours (a backup's `other` category). */
  underOAuth(rest: string): string {
    return `${this.prefixes.oauth}${rest}`;
  }
  /** A session key from its name without the session prefix. */
  session(name: string): string {
    return `${this.prefixes.session}${name}`;
  }

  /** A SCAN MATCH pattern for one kind; glob characters in the prefix are escaped. */
  pattern(kind: RecordKind): string {
    return prefixPattern(`${this.prefixes.oauth}${kind}:`);
  }
  /** Every key under the gateway's prefix. */
  allOAuthPattern(): string {
    return prefixPattern(this.prefixes.oauth);
  }
  sessionPattern(): string {
    return prefixPattern(this.prefixes.session);
  }

  /**
   * One SCAN MATCH pattern for both the gateway's and the session prefix: their common beginning
   * (every key when they share none), so one pass over the keyspace finds both.
   */
  oauthAndSessionPattern(): string {
    const { oauth, session } = this.prefixes;
    let common = 0;
    while (common < oauth.length && common < session.length && oauth[common] === session[common]) common++;
    return prefixPattern(oauth.slice(0, common));
  }

  /** The id part of a key of the given kind, or null when the key is not of that kind. */
  idOf(kind: RecordKind, key: string): string | null {
    const head = `${this.prefixes.oauth}${kind}:`;
    return key.startsWith(head) ? key.slice(head.length) : null;
  }

  /** Which kind a key under the prefix is, or null for keys we do not recognise. */
  classify(key: string): { kind: RecordKind; id: string } | null {
    for (const kind of RECORD_KINDS) {
      const id = this.idOf(kind, key);
      if (id !== null) return { kind, id };
    }
    return null;
  }

  /**
   * Our own keys. They share one hash tag so a cluster keeps them in one slot: a job's state and
   * the job list change together in one MULTI, and scripts may touch several of them.
   */
  admin(...parts: string[]): string {
    return `${this.prefixes.admin}{admin}:${parts.join(':')}`;
  }

  /**
   * The derived indexes' key prefix (indexes/store.ts; the layout in redis/index-scripts.ts, whose
   * Lua builds the keys under it). The layout's version is in the name: a new layout starts empty
   * and is built by reconcile.
   */
  indexPrefix(): string {
    return `${this.admin('ix4')}:`;
  }
  /** One derived index key (`name` as index-scripts.ts lays them out, e.g. `cn`, `m:17`). */
  index(name: string): string {
    return `${this.indexPrefix()}${name}`;
  }

  /**
   * An index barrier's key (indexes/gate.ts): `tag` picks the cluster node it lands on (the
   * barrier must travel with that node's keyspace notifications), so it has no `{admin}` tag.
   */
  barrier(tag: string, id: string): string {
    return `${this.prefixes.admin}barrier:{${tag}}:${id}`;
  }
  /** The keyspace-notification pattern of every barrier key. */
  barrierPattern(): string {
    return prefixPattern(`${this.prefixes.admin}barrier:`);
  }
}

/** A SCAN MATCH / PSUBSCRIBE pattern for every key that begins with `prefix` (its glob characters escaped). */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
}
