/**
 * Lua for the derived indexes (indexes/indexer.ts). Every index key lives under our admin hash
 * tag, so one script may update several of them atomically, on a single server or a cluster.
 * Each sync script takes what the primary key holds now and applies the difference from what
 * the index last recorded for it: calling it twice, or out of order, converges to the same state.
 * With `dry` set, a sync script changes nothing and returns whether it would have. The scripts
 * that only read the indexes are in index-read-scripts.ts.
 *
 * Layout (P = the index prefix). Client ids and usernames are interned to small numbers so the
 * per-token records stay short (and every hash stays in Redis's compact encoding):
 *   m:<bucket>   hash: jti → `cid|uid` ('!' corrupt; the expiry is the token's score in c:<cid>);
 *                '#' fingerprint → `created|uid|noTtl|gen` ('!|gen' corrupt)
 *                (a jti that starts with '#' or '!' is stored as '!' jti, see IndexStore.tokenField)
 *   c:<cid>      sorted set: the client's jtis by expiry (+inf without one); cid 0 = no client
 *   u:<uid>      sorted set: the user's jtis by expiry; uid 0 = no user
 *   ci, cn       clientId → cid; cid → `flag|clientId` (flag ok, test, corrupt; empty: no record)
 *   ui, un       username → uid; uid → `count|username` (tokens, refresh tokens and index key)
 *   umax         latest expiry per user (finite expiries only)
 *   ro           refresh tokens whose key has no TTL: fingerprint → `created|token` (the key name, a
 *                secret the gateway's own key already holds in this Redis; never output). Only these
 *                can become leftovers: a key with a TTL is honoured by the gateway until Redis drops it.
 *   gen          (a field of n) the reconcile generation: refresh, state and code entries record the
 *                generation of their last sync, so a reconcile drops only what it did not see and
 *                nothing synced while it ran (their keys are secrets, so there is no key to re-read)
 *   uidx         gateway user index → `stale count|JSON list of stale jtis`
 *   st, cd       states and codes (fingerprints) → `leftover|gen` (leftover '1': no TTL, else '0')
 *   <h>h, <h>m:<hour>, <h>s:<10 minutes>   expiry (th) and created-at of refresh tokens without a
 *                TTL (rh) histograms
 *   n            counters
 */

/** Shared helpers: counters, histograms and the interned ids. */
export const HELPERS = `
local P = ARGV[1]
local function incr(key, field, by)
  -- Redis refuses '-0' as an integer: skip no-op increments.
  if by == 0 then return tonumber(redis.call('HGET', key, field) or '0') end
  local v = redis.call('HINCRBY', key, field, by)
  if v == 0 then redis.call('HDEL', key, field) end
  return v
end
-- Times are counted at three grains (hours, the minutes of each hour, the seconds of each ten
-- minutes), so "how many after t" reads one small hash per grain, however far back they go.
local function hist(name, epoch, by)
  local hour = math.floor(epoch / 3600)
  local window = math.floor(epoch / 600)
  incr(P .. name .. 'h', tostring(hour), by)
  incr(P .. name .. 'm:' .. hour, tostring(math.floor(epoch / 60)), by)
  incr(P .. name .. 's:' .. window, tostring(epoch - window * 600), by)
  incr(P .. 'n', name .. '_total', by)
end
local function split(m)
  local out = {}
  for part in string.gmatch(m .. '|', '([^|]*)|') do out[#out + 1] = part end
  return out
end
-- 'a|b' -> 'a', 'b' (b may hold '|').
local function head(v)
  local bar = string.find(v, '|', 1, true)
  return string.sub(v, 1, bar - 1), string.sub(v, bar + 1)
end
-- The reconcile generation entries are stamped with, and an entry's value without its stamp.
local function gen() return redis.call('HGET', P .. 'n', 'gen') or '0' end
local function unstamped(v)
  if not v then return v end
  return (string.gsub(v, '|[^|]*$', ''))
end
local function stampOf(v)
  return tonumber(string.match(v, '|([^|]*)$')) or 0
end
local function newId()
  return tostring(redis.call('HINCRBY', P .. 'n', 'nextId', 1))
end
-- A name's number in a names -> numbers hash pair, the number recording 'initial|name'; nil when
-- the name has none yet and create is false.
local function intern(names, numbers, name, create, initial)
  local id = redis.call('HGET', P .. names, name)
  if id or not create then return id end
  id = newId()
  redis.call('HSET', P .. names, name, id)
  redis.call('HSET', P .. numbers, id, initial .. '|' .. name)
  return id
end
-- A client's number ('0' for none).
local function internClient(client, create)
  if client == '' then return '0' end
  return intern('ci', 'cn', client, create, '')
end
-- The client's record flag, '' when it has no record.
local function clientFlag(cid)
  local v = redis.call('HGET', P .. 'cn', cid)
  if not v then return '' end
  return (head(v))
end
local function freeClientIfUnused(cid)
  local v = redis.call('HGET', P .. 'cn', cid)
  if not v then return end
  local flag, client = head(v)
  if flag ~= '' or redis.call('EXISTS', P .. 'c:' .. cid) == 1 then return end
  redis.call('HDEL', P .. 'ci', client)
  redis.call('HDEL', P .. 'cn', cid)
end
local function internUser(user, create)
  return intern('ui', 'un', user, create, '0')
end
local function countUser(uid, by)
  local count, user = head(redis.call('HGET', P .. 'un', uid))
  redis.call('HSET', P .. 'un', uid, tostring(tonumber(count) + by) .. '|' .. user)
end
local function freeUserIfUnused(uid)
  local v = redis.call('HGET', P .. 'un', uid)
  if not v then return end
  local count, user = head(v)
  if tonumber(count) > 0 then return end
  redis.call('HDEL', P .. 'ui', user)
  redis.call('HDEL', P .. 'un', uid)
  redis.call('ZREM', P .. 'umax', uid)
end
`;

/**
 * Token: KEYS[1] its meta bucket. ARGV: prefix, field, present, exp, clientId, username, corrupt, dry, jti.
 * Interned ids that end up unused are freed after both sides are applied.
 */
export const SYNC_TOKEN = `${HELPERS}
local field, dry, jti = ARGV[2], ARGV[8] == '1', ARGV[9]
-- A finite expiry from a score or an argument (the sorted sets hold +inf for none).
local function finite(v)
  local n = tonumber(v)
  if n and n == n and n ~= math.huge and n ~= -math.huge then return n end
  return nil
end
local old = redis.call('HGET', KEYS[1], field)
local oldExp = nil
if old and old ~= '!' then oldExp = finite(redis.call('ZSCORE', P .. 'c:' .. (head(old)), jti)) end
local new, newExp = false, nil
if ARGV[3] == '1' then
  if ARGV[7] == '1' then
    new = '!'
  else
    local cid = internClient(ARGV[5], not dry)
    local uid = '0'
    if ARGV[6] ~= '' then uid = internUser(ARGV[6], not dry) end
    -- A dry run meeting a client or user the index does not know: that is a change.
    if not cid or not uid then return 1 end
    new, newExp = cid .. '|' .. uid, finite(ARGV[4])
  end
end
if old == new and oldExp == newExp then return 0 end
if dry then return 1 end
local freeC, freeU = {}, {}
local function apply(m, e, sign)
  incr(P .. 'n', 'tokens', sign)
  if m == '!' then incr(P .. 'n', 'corruptTokens', sign) return end
  local cid, uid = head(m)
  if e then hist('th', e, sign) else incr(P .. 'n', 'noExpTokens', sign) end
  if sign > 0 then
    redis.call('ZADD', P .. 'c:' .. cid, e or '+inf', jti)
  else
    redis.call('ZREM', P .. 'c:' .. cid, jti)
    if cid ~= '0' then freeC[#freeC + 1] = cid end
  end
  if clientFlag(cid) == '' then incr(P .. 'n', 'orphanTokens', sign) end
  local ukey = P .. 'u:' .. uid
  -- uid 0 holds the tokens without a user: every token with a record is in exactly one u set.
  if uid == '0' then
    if sign > 0 then redis.call('ZADD', ukey, e or '+inf', jti) else redis.call('ZREM', ukey, jti) end
    return
  end
  countUser(uid, sign)
  if sign > 0 then
    redis.call('ZADD', ukey, e or '+inf', jti)
    if e then redis.call('ZADD', P .. 'umax', 'GT', e, uid) end
  else
    redis.call('ZREM', ukey, jti)
    local high = redis.call('ZSCORE', P .. 'umax', uid)
    if e and high and tonumber(high) <= e then
      local last = redis.call('ZREVRANGEBYSCORE', ukey, '(+inf', '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
      if last[2] then redis.call('ZADD', P .. 'umax', last[2], uid) else redis.call('ZREM', P .. 'umax', uid) end
    end
    freeU[#freeU + 1] = uid
  end
end
if old then apply(old, oldExp, -1) end
if new then
  apply(new, newExp, 1)
  redis.call('HSET', KEYS[1], field, new)
else
  redis.call('HDEL', KEYS[1], field)
end
for _, cid in ipairs(freeC) do freeClientIfUnused(cid) end
for _, uid in ipairs(freeU) do freeUserIfUnused(uid) end
return 1
`;

/**
 * Refresh token: KEYS[1] its meta bucket. ARGV: prefix, fingerprint, present, createdAt, username,
 * corrupt, dry, token, olderThan. `token` is given only for one whose key has no TTL: those are
 * listed in `ro` and counted by created_at in the rh histogram (a leftover once created_at +
 * lifetime has passed); a key with a TTL is the gateway's until Redis drops it. With `olderThan`
 * (a reconcile's drop), an absent entry is removed only if its last sync was before that generation.
 */
export const SYNC_REFRESH = `${HELPERS}
local id, dry, token = '#' .. ARGV[2], ARGV[7] == '1', ARGV[8]
local stamped = redis.call('HGET', KEYS[1], id)
if ARGV[9] ~= '' and stamped and stampOf(stamped) >= tonumber(ARGV[9]) then return 0 end
local old = unstamped(stamped)
local new = false
if ARGV[3] == '1' then
  if ARGV[6] == '1' then
    new = '!'
  else
    local uid = ''
    if ARGV[5] ~= '' then uid = internUser(ARGV[5], not dry) end
    if not uid then return 1 end
    new = ARGV[4] .. '|' .. uid .. '|' .. (token ~= '' and '1' or '')
  end
end
if old == new then
  if new and not dry and stampOf(stamped) ~= tonumber(gen()) then redis.call('HSET', KEYS[1], id, new .. '|' .. gen()) end
  return 0
end
if dry then return 1 end
local freeU = {}
local function apply(m, sign)
  incr(P .. 'n', 'refresh', sign)
  if m == '!' then return end
  local f = split(m)
  local c, uid, noTtl = tonumber(f[1]), f[2], f[3] == '1'
  if noTtl then
    if c then hist('rh', c, sign) end
    if sign > 0 then redis.call('HSET', P .. 'ro', ARGV[2], f[1] .. '|' .. token) else redis.call('HDEL', P .. 'ro', ARGV[2]) end
  end
  if uid ~= '' then
    countUser(uid, sign)
    if sign < 0 then freeU[#freeU + 1] = uid end
  end
end
if old then apply(old, -1) end
if new then apply(new, 1) redis.call('HSET', KEYS[1], id, new .. '|' .. gen()) else redis.call('HDEL', KEYS[1], id) end
for _, uid in ipairs(freeU) do freeUserIfUnused(uid) end
return 1
`;

/**
 * Client: KEYS[1] the cn hash. ARGV: prefix, clientId, present, flag (ok, test, corrupt), dry.
 * A client that appears takes its tokens out of the orphans; one that goes puts them back.
 */
export const SYNC_CLIENT = `${HELPERS}
local client, dry = ARGV[2], ARGV[5] == '1'
local cid = internClient(client, ARGV[3] == '1' and not dry)
local old, new = '', ''
if cid then old = clientFlag(cid) end
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then return 0 end
if dry then return 1 end
if old ~= '' then incr(P .. 'n', 'clients_' .. old, -1) end
if new ~= '' then incr(P .. 'n', 'clients_' .. new, 1) end
local tokens = redis.call('ZCARD', P .. 'c:' .. cid)
if old == '' then incr(P .. 'n', 'orphanTokens', -tokens) end
if new == '' then incr(P .. 'n', 'orphanTokens', tokens) end
redis.call('HSET', KEYS[1], cid, new .. '|' .. client)
freeClientIfUnused(cid)
return 1
`;

/**
 * State or code: KEYS[1] the kind's hash. ARGV: prefix, id, present, leftover ('1' no TTL, '0'),
 * counter name, dry, olderThan (as for refresh tokens).
 */
export const SYNC_FLOW = `${HELPERS}
local id = ARGV[2]
local stamped = redis.call('HGET', KEYS[1], id)
if ARGV[7] ~= '' and stamped and stampOf(stamped) >= tonumber(ARGV[7]) then return 0 end
local old = unstamped(stamped)
local new = false
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then
  if new and ARGV[6] ~= '1' and stampOf(stamped) ~= tonumber(gen()) then redis.call('HSET', KEYS[1], id, new .. '|' .. gen()) end
  return 0
end
if ARGV[6] == '1' then return 1 end
if old == '1' then incr(P .. 'n', ARGV[5], -1) end
if new == '1' then incr(P .. 'n', ARGV[5], 1) end
if new then redis.call('HSET', KEYS[1], id, new .. '|' .. gen()) else redis.call('HDEL', KEYS[1], id) end
return 1
`;

/** User index: KEYS[1] the uidx hash. ARGV: prefix, username, present, `stale count|JSON stale jtis`, dry. */
export const SYNC_USER_INDEX = `${HELPERS}
local user = ARGV[2]
local old = redis.call('HGET', KEYS[1], user)
local new = false
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then return 0 end
if ARGV[5] == '1' then return 1 end
local function stale(v) if not v then return 0 end return tonumber((head(v))) end
if not old and new then countUser(internUser(user, true), 1) end
if old and not new then
  local uid = internUser(user, false)
  countUser(uid, -1)
  freeUserIfUnused(uid)
end
incr(P .. 'n', 'staleEntries', stale(new) - stale(old))
if new then redis.call('HSET', KEYS[1], user, new) else redis.call('HDEL', KEYS[1], user) end
return 1
`;
