/**
 * Lua for the derived indexes (services/indexer.ts). Every index key lives under our admin hash
 * tag, so one script may update several of them atomically, on a single server or a cluster.
 * Each sync script takes what the primary key holds now and applies the difference from what
 * the index last recorded for it: calling it twice, or out of order, converges to the same state.
 */

/** Shared helpers: counter and histogram updates that drop fields reaching zero. */
const HELPERS = `
local P = ARGV[1]
local function incr(key, field, by)
  -- Redis refuses '-0' as an integer: skip no-op increments.
  if by == 0 then return tonumber(redis.call('HGET', key, field) or '0') end
  local v = redis.call('HINCRBY', key, field, by)
  if v == 0 then redis.call('HDEL', key, field) end
  return v
end
-- Times are counted at three grains (hours, then the minutes of each hour, then the seconds of
-- each minute), so "how many after t" reads one small hash per grain, however far back they go.
local function hist(name, epoch, by)
  local hour = math.floor(epoch / 3600)
  local minute = math.floor(epoch / 60)
  incr(P .. name .. 'h', tostring(hour), by)
  incr(P .. name .. 'm:' .. hour, tostring(minute), by)
  incr(P .. name .. 's:' .. minute, tostring(epoch), by)
  incr(P .. 'n', name .. '_total', by)
end
local function split(m)
  local out = {}
  for part in string.gmatch(m .. '|', '([^|]*)|') do out[#out + 1] = part end
  return out
end
`;

/**
 * Token: KEYS[1] its meta bucket. ARGV: prefix, jti, present, exp, clientId, username, corrupt.
 * Meta: `exp|clientId|username|corrupt`.
 */
export const SYNC_TOKEN = `${HELPERS}
local jti = ARGV[2]
local old = redis.call('HGET', KEYS[1], jti)
local new = false
if ARGV[3] == '1' then new = ARGV[4] .. '|' .. ARGV[5] .. '|' .. ARGV[6] .. '|' .. ARGV[7] end
if old == new then return 0 end
local function userMaxAfterRemoval(user, exp)
  local umax = redis.call('ZSCORE', P .. 'umax', user)
  if umax and tonumber(umax) <= exp then
    local top = redis.call('ZREVRANGE', P .. 'u:' .. user, 0, 0, 'WITHSCORES')
    if top[2] then redis.call('ZADD', P .. 'umax', top[2], user) else redis.call('ZREM', P .. 'umax', user) end
  end
end
local function apply(m, sign)
  local f = split(m)
  local exp, client, user, corrupt = f[1], f[2], f[3], f[4]
  incr(P .. 'n', 'tokens', sign)
  if corrupt == '1' then incr(P .. 'n', 'corruptTokens', sign) return end
  local e = tonumber(exp)
  if e then hist('th', e, sign) else incr(P .. 'n', 'noExpTokens', sign) end
  if client ~= '' then
    -- A sorted set (not a set): Redis keeps small ones compact, sets of strings never.
    if sign > 0 then redis.call('ZADD', P .. 'c:' .. client, e or 0, jti) else redis.call('ZREM', P .. 'c:' .. client, jti) end
  end
  if client == '' or redis.call('HEXISTS', P .. 'clients', client) == 0 then incr(P .. 'n', 'orphanTokens', sign) end
  if user ~= '' then
    incr(P .. 'users', user, sign)
    if sign > 0 then
      redis.call('ZADD', P .. 'u:' .. user, e or 0, jti)
      if e then redis.call('ZADD', P .. 'umax', 'GT', e, user) end
    else
      redis.call('ZREM', P .. 'u:' .. user, jti)
      if e then userMaxAfterRemoval(user, e) end
    end
  end
end
if old then apply(old, -1) end
if new then
  apply(new, 1)
  redis.call('HSET', KEYS[1], jti, new)
else
  redis.call('HDEL', KEYS[1], jti)
end
return 1
`;

/** Refresh token: KEYS[1] its meta bucket. ARGV: prefix, fingerprint, present, createdAt, clientId, username, corrupt. */
export const SYNC_REFRESH = `${HELPERS}
local id = ARGV[2]
local old = redis.call('HGET', KEYS[1], id)
local new = false
if ARGV[3] == '1' then new = ARGV[4] .. '|' .. ARGV[5] .. '|' .. ARGV[6] .. '|' .. ARGV[7] end
if old == new then return 0 end
local function apply(m, sign)
  local f = split(m)
  local created, user, corrupt = f[1], f[3], f[4]
  incr(P .. 'n', 'refresh', sign)
  if corrupt == '1' then return end
  local c = tonumber(created)
  if c then hist('rh', c, sign) end
  if user ~= '' then incr(P .. 'users', user, sign) end
end
if old then apply(old, -1) end
if new then apply(new, 1) redis.call('HSET', KEYS[1], id, new) else redis.call('HDEL', KEYS[1], id) end
return 1
`;

/**
 * Client: KEYS[1] the clients hash. ARGV: prefix, clientId, present, flag (`ok`, `test`, `corrupt`).
 * A client that appears takes its tokens out of the orphans; one that goes puts them back.
 */
export const SYNC_CLIENT = `${HELPERS}
local id = ARGV[2]
local old = redis.call('HGET', KEYS[1], id)
local new = false
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then return 0 end
if old then incr(P .. 'n', 'clients_' .. old, -1) end
if new then incr(P .. 'n', 'clients_' .. new, 1) end
local tokens = redis.call('ZCARD', P .. 'c:' .. id)
if not old and new then incr(P .. 'n', 'orphanTokens', -tokens) end
if old and not new then incr(P .. 'n', 'orphanTokens', tokens) end
if new then redis.call('HSET', KEYS[1], id, new) else redis.call('HDEL', KEYS[1], id) end
return 1
`;

/** State or code: KEYS[1] the kind's hash. ARGV: prefix, id, present, leftover ('1' no TTL, '0'), counter name. */
export const SYNC_FLOW = `${HELPERS}
local id = ARGV[2]
local old = redis.call('HGET', KEYS[1], id)
local new = false
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then return 0 end
if old == '1' then incr(P .. 'n', ARGV[5], -1) end
if new == '1' then incr(P .. 'n', ARGV[5], 1) end
if new then redis.call('HSET', KEYS[1], id, new) else redis.call('HDEL', KEYS[1], id) end
return 1
`;

/** User index: KEYS[1] the uidx hash. ARGV: prefix, username, present, stale entries. */
export const SYNC_USER_INDEX = `${HELPERS}
local user = ARGV[2]
local old = redis.call('HGET', KEYS[1], user)
local new = false
if ARGV[3] == '1' then new = ARGV[4] end
if old == new then return 0 end
if not old and new then incr(P .. 'users', user, 1) end
if old and not new then incr(P .. 'users', user, -1) end
incr(P .. 'n', 'staleEntries', (tonumber(new) or 0) - (tonumber(old) or 0))
if new then redis.call('HSET', KEYS[1], user, new) else redis.call('HDEL', KEYS[1], user) end
return 1
`;

/**
 * Statistics from the indexes in one call. ARGV: prefix, now (s), refresh lifetime (s).
 * Returns a flat list of name, value pairs.
 */
export const READ_STATS = `${HELPERS}
local now = tonumber(ARGV[2])
local function hget(k, f) return tonumber(redis.call('HGET', k, f) or '0') or 0 end
local function sumOver(key, after)
  local total = 0
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    if tonumber(fields[i]) > after then total = total + tonumber(fields[i + 1]) end
  end
  return total
end
-- How many counted times are later than t: whole hours after t's hour, then the minutes of that
-- hour after t's minute, then the seconds of that minute after t.
local function sumAfter(name, t)
  local hour = math.floor(t / 3600)
  local minute = math.floor(t / 60)
  return sumOver(P .. name .. 'h', hour) + sumOver(P .. name .. 'm:' .. hour, minute) + sumOver(P .. name .. 's:' .. minute, t)
end
local n = P .. 'n'
local tokens = hget(n, 'tokens')
local active = sumAfter('th', now)
local withExp = hget(n, 'th_total')
local refreshWithCreated = hget(n, 'rh_total')
-- created_at + lifetime > now  <=>  created_at > now - lifetime
local refreshValid = sumAfter('rh', now - tonumber(ARGV[3]))
local ok, test, corrupt = hget(n, 'clients_ok'), hget(n, 'clients_test'), hget(n, 'clients_corrupt')
return {
  'registrations', ok + test + corrupt,
  'corruptRegistrations', corrupt,
  'testRegistrations', test,
  'activeTokens', active,
  'expiredTokens', withExp - active,
  'corruptTokens', hget(n, 'corruptTokens'),
  'refreshTokens', hget(n, 'refresh'),
  'expiredRefreshTokens', refreshWithCreated - refreshValid,
  'authStates', redis.call('HLEN', P .. 'st'),
  'authCodes', redis.call('HLEN', P .. 'cd'),
  'leftoverStates', hget(n, 'leftoverStates'),
  'leftoverCodes', hget(n, 'leftoverCodes'),
  'userIndexes', redis.call('HLEN', P .. 'uidx'),
  'staleIndexEntries', hget(n, 'staleEntries'),
  'userCount', redis.call('HLEN', P .. 'users'),
  'usersWithActiveTokens', redis.call('ZCOUNT', P .. 'umax', '(' .. now, '+inf'),
  'orphanTokens', hget(n, 'orphanTokens'),
}
`;

/** Members of several per-client (`c`) or per-user (`u`) sorted sets. ARGV: prefix, kind, ids... */
export const MEMBERS_OF = `
local out = {}
for i = 3, #ARGV do
  local key = ARGV[1] .. ARGV[2] .. ':' .. ARGV[i]
  out[#out + 1] = redis.call('ZRANGE', key, 0, -1)
end
return out
`;
