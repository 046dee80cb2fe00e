/**
 * Writing a backup's entries back, a batch per Lua script (one round trip per ~1000 keys). For
 * each key the script compares what is stored with the backup (restored / overwritten /
 * unchanged), skips an entry whose absolute expiry has passed by the Redis server's clock, and
 * writes value and expiry together: `SET key value PXAT ms` in one command for strings; for sets,
 * lists and hashes DEL + SADD/RPUSH/HSET + PEXPIREAT inside the same script, which Redis runs
 * atomically. So no key is ever left without its expiry, whatever happens to the connection or
 * the server in between. A dry run runs the same comparison and writes nothing.
 */
import { inBatches } from '../../redis/batch.js';
import type { RedisClient } from '../../redis/connection.js';
import type { Keys } from '../../redis/keys.js';
import { decodeRefreshToken } from '../../redis/codecs.js';
import type { CategoryCounts } from '../jobs.js';
import { type Lifetimes, isLeftoverRefresh } from '../status.js';
import { CATEGORIES, type Category, type EntryType, type Manifest } from './format.js';
import type { ReadEntry } from './reader.js';

const RESTORE_SCRIPT = `local write = ARGV[1] == '1'
local t = redis.call('TIME')
local nowms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
local a = 2
for i, key in ipairs(KEYS) do
  local typ = ARGV[a]
  local pxat = tonumber(ARGV[a + 1])
  local n = tonumber(ARGV[a + 2])
  local first = a + 3
  local last = a + 2 + n
  a = last + 1
  if pxat > 0 and pxat <= nowms then
    out[i] = 3
  else
    local status = 0
    local cur = redis.call('TYPE', key).ok
    if cur ~= 'none' then
      status = 1
      if cur == typ then
        local same = false
        if typ == 'string' then
          same = redis.call('GET', key) == ARGV[first]
        elseif typ == 'set' then
          if redis.call('SCARD', key) == n then
            same = true
            for j = first, last do
              if redis.call('SISMEMBER', key, ARGV[j]) == 0 then same = false; break end
            end
          end
        elseif typ == 'list' then
          if redis.call('LLEN', key) == n then
            local items = redis.call('LRANGE', key, 0, -1)
            same = true
            for j = 1, n do
              if items[j] ~= ARGV[first + j - 1] then same = false; break end
            end
          end
        elseif typ == 'hash' then
          if redis.call('HLEN', key) * 2 == n then
            same = true
            for j = first, last, 2 do
              if redis.call('HGET', key, ARGV[j]) ~= ARGV[j + 1] then same = false; break end
            end
          end
        end
        if same then status = 2 end
      end
    end
    out[i] = status
    if write then
      if typ == 'string' then
        if pxat > 0 then redis.call('SET', key, ARGV[first], 'PXAT', pxat) else redis.call('SET', key, ARGV[first]) end
      else
        redis.call('DEL', key)
        local cmd = 'HSET'
        if typ == 'set' then cmd = 'SADD' elseif typ == 'list' then cmd = 'RPUSH' end
        for s = first, last, 1000 do
          redis.call(cmd, key, unpack(ARGV, s, math.min(s + 999, last)))
        end
        if pxat > 0 and n > 0 then redis.call('PEXPIREAT', key, pxat) end
      end
    end
  end
end
return out`;

export const STATUS = ['restored', 'overwritten', 'unchanged', 'skippedExpired'] as const;

export function emptyCategoryCounts(): CategoryCounts[] {
  return CATEGORIES.map((category) => ({ category, restored: 0, overwritten: 0, unchanged: 0, skippedExpired: 0 }));
}

/**
 * The Redis key an entry restores to. Always under our prefixes: registrations -> `{prefix}client:{id}`,
 * ..., `other` -> `{prefix}{id}`, `sessions` -> the session prefix + the name (ours store the full
 * name, the gateway's the name without `redis:session:`; a file from another prefix is moved to ours).
 */
export function restoreKey(keys: Keys, category: Category, id: string, manifest: Manifest | null): string {
  switch (category) {
    case 'registrations':
      return keys.client(id);
    case 'tokens':
      return keys.token(id);
    case 'refresh_tokens':
      return keys.refresh(id);
    case 'user_tokens':
      return keys.userTokens(id);
    case 'states':
      return keys.state(id);
    case 'codes':
      return keys.code(id);
    case 'other':
      return `${keys.prefixes.oauth}${id}`;
    case 'sessions': {
      const session = keys.prefixes.session;
      if (manifest && id.startsWith(manifest.session_prefix)) return session + id.slice(manifest.session_prefix.length);
      if (id.startsWith(session)) return id;
      return session + id;
    }
  }
}

/**
 * Entries nothing should use once restored: a leftover refresh token (no expiry, past created_at +
 * REFRESH_TOKEN_LIFETIME: the gateway would honour it forever). It is skipped and counted as
 * skippedExpired. (A refresh token with an expiry comes back with it, and the gateway honours it
 * until then, whatever its created_at.)
 */
export function deadOnArrival(lifetimes: Lifetimes, nowMs: number): (e: ReadEntry) => boolean {
  return (e) => {
    if (e.category !== 'refresh_tokens' || e.entry.type !== 'string' || e.expiresAtMs !== null) return false;
    const value = e.items[0];
    if (value === undefined) return false;
    const text = typeof value === 'string' ? value : value.toString('utf8');
    return isLeftoverRefresh(decodeRefreshToken(text).record, null, lifetimes, nowMs);
  };
}

interface Target {
  category: Category;
  id: string;
  key: string;
  type: EntryType;
  expiresAtMs: number | null;
  items: (string | Buffer)[];
}

/** Sends entries to Redis in batches and tallies the outcome per category. */
export class RestoreBatcher {
  readonly counts = emptyCategoryCounts();
  private targets: Target[] = [];
  private bytes = 0;
  private readonly inFlight: Promise<void>[] = [];
  private readonly depth = 3;
  /** Keys written (or, in a dry run, that would be). */
  written = 0;
  processed = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly manifest: Manifest | null,
    private readonly write: boolean,
    private readonly onStatus?: (t: { category: Category; id: string; key: string }, status: (typeof STATUS)[number]) => void,
    /** Entries to skip as expired though their key would live (deadOnArrival). */
    private readonly dead: ((e: ReadEntry) => boolean) | null = null,
    private readonly maxKeys = 1000,
    private readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  async add(entries: ReadEntry[]): Promise<void> {
    for (const e of entries) {
      // An expiry in the past (1 ms after the epoch) makes the script skip it as expired.
      const expiresAtMs = this.dead?.(e) ? 1 : e.expiresAtMs;
      this.targets.push({ category: e.category, id: e.id, key: restoreKey(this.keys, e.category, e.id, this.manifest), type: e.entry.type, expiresAtMs, items: e.items });
      for (const item of e.items) this.bytes += item.length + 16;
      if (this.targets.length >= this.maxKeys || this.bytes >= this.maxBytes) await this.flush(false);
    }
  }

  /**
   * Sends what is buffered. Up to `depth` batches are in flight at once, so Redis writes while the
   * next entries are read; `flush()` at the end waits for all of them.
   */
  async flush(final = true): Promise<void> {
    if (this.targets.length > 0) {
      const targets = this.targets;
      this.targets = [];
      this.bytes = 0;
      const sent = this.send(targets);
      sent.catch(() => {});
      this.inFlight.push(sent);
    }
    while (this.inFlight.length > (final ? 0 : this.depth - 1)) await this.inFlight.shift();
  }

  private async send(targets: Target[]): Promise<void> {
    // One script per batch (per hash slot on a cluster: inBatches groups the keys).
    const statuses = await inBatches(this.redis, targets.map((t) => t.key), async (group, positions) => {
      const args: (string | Buffer | number)[] = [RESTORE_SCRIPT, group.length, ...group, this.write ? '1' : '0'];
      for (const i of positions) {
        const t = targets[i]!;
        args.push(t.type, t.expiresAtMs ?? 0, t.items.length);
        for (const item of t.items) args.push(item);
      }
      return ((await this.redis.call('EVAL', args)) as number[]).map(Number);
    });
    targets.forEach((t, i) => {
      const status = STATUS[Number(statuses[i])] ?? 'overwritten';
      const row = this.counts.find((c) => c.category === t.category)!;
      row[status] += 1;
      this.onStatus?.(t, status);
      if (status !== 'skippedExpired') this.written += 1;
    });
    this.processed += targets.length;
  }
}

/** Only the categories a backup has anything in (plus the gateway's seven), for reports. */
export function reportedCounts(counts: CategoryCounts[]): CategoryCounts[] {
  return counts.filter((c) => c.category !== 'other' || c.restored + c.overwritten + c.unchanged + c.skippedExpired > 0);
}
