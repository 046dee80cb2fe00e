"""The gateway's admin scripts' Redis work, for bench/cli.ts: the same access pattern as
scripts/manage_oauth_data.py, purge_expired_tokens.py and backup_oauth_data.py (redis.asyncio,
decode_responses, KEYS or SCAN COUNT 100, then one awaited round trip per key, no pipelining),
on the same Python and redis-py the gateway's scripts were checked with (Debian 12: python3-redis
4.3.4, `apt-get install python3-redis`, run with /usr/bin/python3).

Left out, so the baseline is never slower than the real scripts: their table output (tabulate),
purge's O(users x tokens) orphan step, and the backup's sort_keys JSON of every parsed value.

    /usr/bin/python3 bench/gateway-baseline.py RECIPE REDIS_URL BUDGET_SECONDS

Prints one line of JSON: the seconds spent on per-key work, the keys done and the keys found
(done < found when the budget ran out; bench/cli.ts then extrapolates the per-key part).
"""
import asyncio
import json
import sys
import time

import redis.asyncio as aioredis

PATTERNS = ["oauth:client:*", "oauth:token:*", "oauth:refresh:*", "oauth:state:*", "oauth:code:*", "oauth:user_tokens:*"]


class Budget:
    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds
        self.work = 0.0
        self.done = 0
        self.found = 0

    async def each(self, keys, work):
        self.found += len(keys)
        started = time.monotonic()
        for key in keys:
            if time.monotonic() > self.deadline:
                break
            await work(key)
            self.done += 1
        self.work += time.monotonic() - started


async def stats(r, budget):
    for pattern in PATTERNS:
        len(await r.keys(pattern))
    await r.keys("oauth:user_tokens:*")


async def list_registrations(r, budget):
    async def one(key):
        json.loads(await r.get(key) or "{}")

    await budget.each(await r.keys("oauth:client:*"), one)


async def list_tokens(r, budget):
    async def one(key):
        data = json.loads(await r.get(key) or "{}")
        await r.ttl(key)
        if data.get("client_id"):
            await r.get(f"oauth:client:{data['client_id']}")

    await budget.each(await r.keys("oauth:token:*"), one)
    len(await r.keys("oauth:refresh:*"))


async def show_all(r, budget):
    await stats(r, budget)
    await list_registrations(r, budget)
    await list_tokens(r, budget)


async def purge_dry(r, budget):
    now = int(time.time())

    async def token(key):
        data = json.loads(await r.get(key) or "{}")
        (data.get("exp") or data.get("expires_at") or 0) < now

    await budget.each(await r.keys("oauth:token:*"), token)
    for pattern in ["oauth:refresh:*", "oauth:code:*", "oauth:state:*"]:
        async def ttl(key):
            (await r.ttl(key)) <= 0

        await budget.each(await r.keys(pattern), ttl)


async def backup(r, budget):
    data = {}
    for pattern in PATTERNS + ["redis:session:*"]:
        keys, cursor = [], 0
        while True:
            cursor, batch = await r.scan(cursor, match=pattern, count=100)
            keys.extend(batch)
            if cursor == 0:
                break

        async def one(key):
            kind = await r.type(key)
            ttl = await r.ttl(key)
            value = await r.get(key) if kind == "string" else json.dumps(list(await r.smembers(key)))
            data[key] = {"type": kind, "ttl": ttl if ttl > 0 else -1, "value": value}

        await budget.each(keys, one)
    json.dumps(data, indent=2, sort_keys=True)


RECIPES = {
    "oauth-stats": stats,
    "oauth-list-registrations": list_registrations,
    "oauth-list-tokens": list_tokens,
    "oauth-show-all": show_all,
    "oauth-purge-expired-dry": purge_dry,
    "oauth-backup": backup,
}


async def main(recipe, url, seconds):
    r = aioredis.from_url(url, decode_responses=True)
    budget = Budget(seconds)
    try:
        await RECIPES[recipe](r, budget)
    finally:
        await r.close()
    print(json.dumps({"work": budget.work, "done": budget.done, "found": budget.found}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
