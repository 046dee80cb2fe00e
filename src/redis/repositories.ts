import type { RedisClient } from './connection.js';
import type { Keys, RecordKind } from './keys.js';
import {
  type AccessTokenRecord,
  type AuthCodeRecord,
  type AuthStateRecord,
  type ClientRecord,
  type Decoded,
  type RefreshTokenRecord,
  decodeAccessToken,
  decodeAuthCode,
  decodeAuthState,
  decodeClient,
  decodeRefreshToken,
} from './codecs.js';
import { BATCH_SIZE, collectKeys, existMany, readPttls, readSets, readStrings, readTypes, scanKeys } from './batch.js';

/** A key as found in Redis: its id, the exact stored string and what the codec made of it. */
export interface StoredRecord<T> {
  id: string;
  key: string;
  raw: string;
  record: T | null;
  parseError: string | null;
}

/** Reads one kind of string record; every read is batched (SCAN, MGET, pipelines). */
export class RecordRepository<T> {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly kind: RecordKind,
    private readonly decode: (raw: string) => Decoded<T>,
  ) {}

  keyOf(id: string): string {
    return this.keys.record(this.kind, id);
  }

  /** One record (also a DataLoader batch of one, the common read): one GET, nothing to split or gather. */
  async get(id: string): Promise<StoredRecord<T> | null> {
    const key = this.keyOf(id);
    const [raw] = await readStrings(this.redis, [key]);
    if (typeof raw === 'string') return this.toStored(id, key, raw);
    return this.absent(id, key, (await this.wrongTypes([key])).get(key));
  }

  /** A key read as null: missing, or holding another type (then a corrupt record, so listings show it). */
  private absent(id: string, key: string, wrongType: string | undefined): StoredRecord<T> | null {
    return wrongType ? { id, key, raw: '', record: null, parseError: `Redis ${wrongType}, expected a string` } : null;
  }

  async getMany(ids: readonly string[]): Promise<(StoredRecord<T> | null)[]> {
    if (ids.length === 1) return [await this.get(ids[0] as string)];
    const keys = ids.map((id) => this.keyOf(id));
    const values = await readStrings(this.redis, keys);
    const missing = keys.filter((_, i) => values[i] === null);
    const wrongTypes = missing.length > 0 ? await this.wrongTypes(missing) : new Map<string, string>();
    return ids.map((id, i) => {
      const key = keys[i] as string;
      const raw = values[i];
      if (typeof raw === 'string') return this.toStored(id, key, raw);
      return this.absent(id, key, wrongTypes.get(key));
    });
  }

  /**
   * Every record of this kind, in batches; keys that vanish between SCAN and read are left out.
   * Ids are read in full batches (BATCH_SIZE), however SCAN happened to split them, so the reads
   * follow the number of records, not the shape of the keyspace.
   */
  async *scan(): AsyncGenerator<StoredRecord<T>[]> {
    let ids: string[] = [];
    const read = async () => {
      const found = await this.getMany(ids);
      ids = [];
      return found.filter((r): r is StoredRecord<T> => r !== null);
    };
    for await (const keys of scanKeys(this.redis, this.keys.pattern(this.kind))) {
      for (const key of keys) ids.push(this.keys.idOf(this.kind, key) as string);
      if (ids.length >= BATCH_SIZE) yield await read();
    }
    if (ids.length > 0) yield await read();
  }

  /** Every id of this kind in SCAN batches (a key may come twice), no value read. */
  async *idBatches(): AsyncGenerator<string[]> {
    for await (const keys of scanKeys(this.redis, this.keys.pattern(this.kind))) yield keys.map((key) => this.keys.idOf(this.kind, key) as string);
  }

  /** Every id of this kind, deduplicated, unsorted. */
  async ids(): Promise<string[]> {
    const keys = await collectKeys(this.redis, this.keys.pattern(this.kind));
    return keys.map((key) => this.keys.idOf(this.kind, key) as string);
  }

  /** Whether each id's key exists (one script per batch, no values read). */
  exist(ids: readonly string[]): Promise<boolean[]> {
    return existMany(
      this.redis,
      ids.map((id) => this.keyOf(id)),
    );
  }

  /** Remaining lifetime of each key in ms: null for a key without expiry or a missing key. */
  async ttls(ids: readonly string[]): Promise<(number | null)[]> {
    const pttls = await readPttls(
      this.redis,
      ids.map((id) => this.keyOf(id)),
    );
    return pttls.map((ms) => (ms >= 0 ? ms : null));
  }

  private async wrongTypes(keys: string[]): Promise<Map<string, string>> {
    const types = await readTypes(this.redis, keys);
    const out = new Map<string, string>();
    types.forEach((type, i) => {
      if (type !== 'none' && type !== 'string') out.set(keys[i] as string, type);
    });
    return out;
  }

  private toStored(id: string, key: string, raw: string): StoredRecord<T> {
    const decoded = this.decode(raw);
    return { id, key, raw, record: decoded.record, parseError: decoded.parseError };
  }
}

export interface UserIndex {
  username: string;
  key: string;
  jtis: string[];
}

/** `oauth:user_tokens:{username}` sets. */
export class UserIndexRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async getMany(usernames: readonly string[]): Promise<(UserIndex | null)[]> {
    const keys = usernames.map((u) => this.keys.userTokens(u));
    const members = await readSets(this.redis, keys);
    const exists = members.map((m) => m.length > 0);
    return usernames.map((username, i) => (exists[i] ? { username, key: keys[i] as string, jtis: members[i] ?? [] } : null));
  }

  async *scan(): AsyncGenerator<UserIndex[]> {
    for await (const keys of scanKeys(this.redis, this.keys.pattern('user_tokens'))) {
      const usernames = keys.map((key) => this.keys.idOf('user_tokens', key) as string);
      const found = await this.getMany(usernames);
      yield found.filter((u): u is UserIndex => u !== null);
    }
  }

  async usernames(): Promise<string[]> {
    const keys = await collectKeys(this.redis, this.keys.pattern('user_tokens'));
    return keys.map((key) => this.keys.idOf('user_tokens', key) as string);
  }
}

/** A SCAN of the whole prefix asks for more keys per call: it walks every kind's keys at once. */
const CENSUS_SCAN_COUNT = 5 * BATCH_SIZE;

/**
 * The ids of each kind asked for, in one pass over the gateway's keys (one SCAN of the prefix instead
 * of one per kind), each id once. Keys of other kinds, and keys we do not recognise, are passed over.
 */
export async function idsByKind<K extends RecordKind>(redis: RedisClient, keys: Keys, kinds: readonly K[]): Promise<Record<K, Set<string>>> {
  const found = new Map<RecordKind, Set<string>>(kinds.map((kind) => [kind, new Set<string>()]));
  for await (const batch of scanKeys(redis, keys.allOAuthPattern(), CENSUS_SCAN_COUNT)) {
    for (const key of batch) {
      const known = keys.classify(key);
      if (known) found.get(known.kind)?.add(known.id);
    }
  }
  return Object.fromEntries(kinds.map((kind) => [kind, found.get(kind)])) as Record<K, Set<string>>;
}

export interface Repositories {
  clients: RecordRepository<ClientRecord>;
  tokens: RecordRepository<AccessTokenRecord>;
  refreshTokens: RecordRepository<RefreshTokenRecord>;
  states: RecordRepository<AuthStateRecord>;
  codes: RecordRepository<AuthCodeRecord>;
  userIndexes: UserIndexRepository;
  /** The ids of several kinds in one pass over the keyspace (idsByKind). */
  idsByKind<K extends RecordKind>(kinds: readonly K[]): Promise<Record<K, Set<string>>>;
}

export function createRepositories(redis: RedisClient, keys: Keys): Repositories {
  return {
    clients: new RecordRepository(redis, keys, 'client', decodeClient),
    tokens: new RecordRepository(redis, keys, 'token', decodeAccessToken),
    refreshTokens: new RecordRepository(redis, keys, 'refresh', decodeRefreshToken),
    states: new RecordRepository(redis, keys, 'state', decodeAuthState),
    codes: new RecordRepository(redis, keys, 'code', decodeAuthCode),
    userIndexes: new UserIndexRepository(redis, keys),
    idsByKind: (kinds) => idsByKind(redis, keys, kinds),
  };
}
