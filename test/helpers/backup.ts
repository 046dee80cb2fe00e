import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { scanKeys } from '../../src/redis/batch.js';
import type { RedisClient } from '../../src/redis/connection.js';
import { type Keys, prefixPattern } from '../../src/redis/keys.js';
import type { TestStore } from './store.js';

/** A key as Redis holds it: type, exact bytes (base64) or members, and absolute expiry (PEXPIRETIME). */
export interface KeyState {
  type: string;
  data: string;
  expiresAtMs: number;
}

/** Every key under the OAuth and session prefixes, exactly (values as bytes, expiry absolute). */
export async function prefixState(redis: RedisClient, keys: Keys): Promise<Map<string, KeyState>> {
  const out = new Map<string, KeyState>();
  for (const prefix of [keys.prefixes.oauth, keys.prefixes.session]) {
    for await (const batch of scanKeys(redis, prefixPattern(prefix))) {
      for (const key of batch) {
        if (key.startsWith(keys.prefixes.admin)) continue;
        const type = await redis.type(key);
        let data: string;
        if (type === 'string') data = ((await redis.getBuffer(key)) ?? Buffer.alloc(0)).toString('base64');
        else if (type === 'set') data = JSON.stringify((await redis.smembers(key)).sort());
        else if (type === 'list') data = JSON.stringify(await redis.lrange(key, 0, -1));
        else if (type === 'hash') data = JSON.stringify(Object.entries(await redis.hgetall(key)).sort());
        else data = type;
        const expiresAtMs = Number(await redis.call('PEXPIRETIME', key));
        out.set(key, { type, data, expiresAtMs });
      }
    }
  }
  return out;
}

export function sampleFile(): Buffer {
  return readFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url));
}

/**
 * A store holding every kind of thing a backup must keep: the gateway sample's records (with
 * their TTLs), a corrupt value, bytes that are not UTF-8, a JSON value Python and JavaScript
 * number differently, a hash and a list under the prefix, a session key, an unknown kind, and a
 * key outside the prefixes (never backed up, never touched).
 */
export async function seedVariety(store: TestStore): Promise<{ outside: string }> {
  const sample = JSON.parse(sampleFile().toString('utf8')) as Record<string, Record<string, { value: string; ttl: number }>>;
  const kinds = { registrations: 'client', tokens: 'token', refresh_tokens: 'refresh', states: 'state', codes: 'code' } as const;
  const { redis, keys } = store;
  for (const [category, kind] of Object.entries(kinds)) {
    for (const [id, entry] of Object.entries(sample[category] ?? {})) {
      // States get a longer life here than the sample's 300 s, so they survive the test.
      const ttl = kind === 'state' ? 3600 : entry.ttl;
      if (ttl > 0) await redis.set(keys.record(kind, id), entry.value, 'EX', ttl);
      else await redis.set(keys.record(kind, id), entry.value);
    }
  }
  for (const [username, entry] of Object.entries(sample.user_tokens ?? {})) {
    await redis.sadd(keys.userTokens(username), ...(JSON.parse(entry.value) as string[]));
  }
  await redis.set(keys.token('corrupt-not-json'), 'this is {not json');
  await redis.set(keys.token('corrupt-number'), '123');
  await redis.set(keys.client('binary'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]), 'PX', 7_200_000);
  await redis.set(keys.token('floaty'), '{"expires_at": 1.0e3, "big": 12345678901234567890, "x": NaN}');
  await redis.hset(`${keys.prefixes.oauth}hashy`, 'b', '2', 'a', '\u00e9');
  await redis.rpush(`${keys.prefixes.oauth}listy`, 'z', 'a', 'z');
  await redis.expire(`${keys.prefixes.oauth}listy`, 5000);
  await redis.set(`${keys.prefixes.session}sess1:state`, '{"x": 1}');
  await redis.set(`${keys.prefixes.oauth}weird:kind`, 'kept as it is', 'EX', 999);
  const outside = `${store.namespace}unrelated:key`;
  await redis.set(outside, 'not ours');
  return { outside };
}

/** python3, when this machine has it (the checks that use it are skipped otherwise). */
export const PYTHON = (() => {
  const probe = spawnSync('python3', ['-c', 'import json; print(1)'], { encoding: 'utf8' });
  return probe.status === 0 ? 'python3' : null;
})();

/** Runs a Python snippet with the file path as argv[1]; returns stdout. */
export function python(code: string, path: string): string {
  const run = spawnSync(PYTHON as string, ['-c', code, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return run.stdout;
}

/**
 * What the gateway's restore_oauth_data.py does with a file (reference/gateway-data.md §3.2),
 * as the commands it would send: for each of its seven categories, the key is `oauth:<kind>:`
 * + the name (sessions: the name as it is), `type` defaults to string, a set/list/hash value is
 * `json.loads`ed, and a ttl > 0 becomes EXPIRE. `list_backups` reads metadata and timestamp.
 */
export const GATEWAY_RESTORE_READER = `
import json, sys
with open(sys.argv[1]) as f:
    data = json.load(f)
listing = {"metadata": data["metadata"], "timestamp": data["timestamp"]}
prefixes = {"registrations": "oauth:client:", "tokens": "oauth:token:", "refresh_tokens": "oauth:refresh:",
            "user_tokens": "oauth:user_tokens:", "states": "oauth:state:", "codes": "oauth:code:", "sessions": ""}
commands = []
for category in ["registrations", "tokens", "refresh_tokens", "user_tokens", "states", "codes", "sessions"]:
    for key, entry in data.get(category, {}).items():
        full = prefixes[category] + key
        kind = entry.get("type", "string")
        value = entry["value"]
        if kind == "string":
            commands.append(["SET", full, value])
        elif kind == "set":
            commands.append(["SADD", full] + list(json.loads(value)))
        elif kind == "list":
            commands.append(["RPUSH", full] + list(json.loads(value)))
        elif kind == "hash":
            commands.append(["HSET", full] + [x for kv in json.loads(value).items() for x in kv])
        if entry.get("ttl", -1) > 0:
            commands.append(["EXPIRE", full, entry["ttl"]])
print(json.dumps({"listing": listing, "commands": commands}))
`;
