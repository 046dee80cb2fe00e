/**
 * Lua that reads the derived indexes (statistics, relations, purge candidates); the layout is
 * described in index-scripts.ts, whose sync scripts write it.
 */
import { HELPERS } from './index-scripts.js';

/**
 * Statistics from the indexes in one call. ARGV: prefix, now (s), refresh lifetime (s).
 * Returns a flat list of name, value pairs.
 */
export const READ_STATS = `${HELPERS}
local now = tonumber(ARGV[2])
local function hget(k, f) return tonumber(redis.call('HGET', k, f) or '0') or 0 end
-- Sum of the counts whose field lies strictly between low and high.
local function sumBetween(key, low, high)
  local total = 0
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    local at = tonumber(fields[i])
    if at > low and at < high then total = total + tonumber(fields[i + 1]) end
  end
  return total
end
-- How many counted times are later than t: whole hours after t's hour, then the minutes of that
-- hour after t's minute, then the seconds of t's minute after t (kept per ten minutes).
local function sumAfter(name, t)
  local hour = math.floor(t / 3600)
  local minute = math.floor(t / 60)
  local window = math.floor(t / 600)
  return sumBetween(P .. name .. 'h', hour, math.huge)
    + sumBetween(P .. name .. 'm:' .. hour, minute, math.huge)
    + sumBetween(P .. name .. 's:' .. window, t - window * 600, (minute + 1) * 60 - window * 600)
end
local n = P .. 'n'
local active = sumAfter('th', now)
-- created_at + lifetime > now  <=>  created_at > now - lifetime
local refreshValid = sumAfter('rh', now - tonumber(ARGV[3]))
local ok, test, corrupt = hget(n, 'clients_ok'), hget(n, 'clients_test'), hget(n, 'clients_corrupt')
return {
  'registrations', ok + test + corrupt,
  'corruptRegistrations', corrupt,
  'testRegistrations', test,
  'activeTokens', active,
  'expiredTokens', hget(n, 'th_total') - active,
  'corruptTokens', hget(n, 'corruptTokens'),
  'refreshTokens', hget(n, 'refresh'),
  'expiredRefreshTokens', hget(n, 'rh_total') - refreshValid,
  'authStates', redis.call('HLEN', P .. 'st'),
  'authCodes', redis.call('HLEN', P .. 'cd'),
  'leftoverStates', hget(n, 'leftoverStates'),
  'leftoverCodes', hget(n, 'leftoverCodes'),
  'userIndexes', redis.call('HLEN', P .. 'uidx'),
  'staleIndexEntries', hget(n, 'staleEntries'),
  'userCount', redis.call('HLEN', P .. 'ui'),
  'usersWithActiveTokens', redis.call('ZCOUNT', P .. 'umax', '(' .. now, '+inf'),
  'orphanTokens', hget(n, 'orphanTokens'),
}
`;

/** Jtis of several clients (`c`) or users (`u`), by clientId or username. ARGV: prefix, kind, ids... */
export const MEMBERS_OF = `
local P, kind = ARGV[1], ARGV[2]
local names = P .. (kind == 'c' and 'ci' or 'ui')
local out = {}
for i = 3, #ARGV do
  local id = redis.call('HGET', names, ARGV[i])
  if id then out[#out + 1] = redis.call('ZRANGE', P .. kind .. ':' .. id, 0, -1) else out[#out + 1] = {} end
end
return out
`;

/**
 * Token counts per client or user, from their sorted sets by expiry. ARGV: prefix, kind ('c' or
 * 'u'), now in epoch seconds, then the names. Returns per name: all, active (expiry after now),
 * expired (expiry at or before now); tokens without an expiry count in all only.
 */
export const COUNTS_OF = `
local P, kind, now = ARGV[1], ARGV[2], ARGV[3]
local names = P .. (kind == 'c' and 'ci' or 'ui')
local out = {}
for i = 4, #ARGV do
  local id = redis.call('HGET', names, ARGV[i])
  if id then
    local key = P .. kind .. ':' .. id
    local all = redis.call('ZCARD', key)
    local expired = redis.call('ZCOUNT', key, '-inf', now)
    local noExpiry = redis.call('ZCOUNT', key, '+inf', '+inf')
    out[#out + 1] = { all, all - expired - noExpiry, expired }
  else
    out[#out + 1] = { 0, 0, 0 }
  end
end
return out
`;

/** Usernames recorded for tokens. ARGV: prefix, then bucket, field pairs. Returns one username (or false) per pair. */
export const TOKEN_OWNERS = `
local P = ARGV[1]
local out = {}
for i = 2, #ARGV, 2 do
  local m = redis.call('HGET', P .. 'm:' .. ARGV[i], ARGV[i + 1])
  local user = false
  local uid = m and m ~= '!' and string.match(m, '|([^|]*)$')
  if uid and uid ~= '0' then
    local v = redis.call('HGET', P .. 'un', uid)
    if v then user = string.sub(v, string.find(v, '|', 1, true) + 1) end
  end
  out[#out + 1] = user
end
return out
`;

/** Jtis of these users (by uid, 0: no user) whose recorded expiry is at or before now. ARGV: prefix, now (s), uids... */
export const EXPIRED_OF = `
local out = {}
for i = 3, #ARGV do
  local jtis = redis.call('ZRANGEBYSCORE', ARGV[1] .. 'u:' .. ARGV[i], '-inf', ARGV[2])
  for _, jti in ipairs(jtis) do out[#out + 1] = jti end
end
return out
`;

/**
 * Who the index says these tokens and refresh tokens concern: for each meta field (a jti, or
 * '#' fingerprint), its client id, username and expiry (false when unknown; refresh tokens record
 * no client and no expiry). ARGV: prefix, then bucket and field pairs. Returns triples.
 */
export const RECORD_OWNERS = `
local P = ARGV[1]
local function name(hash, id)
  if not id or id == '0' then return false end
  local v = redis.call('HGET', P .. hash, id)
  if not v then return false end
  local bar = string.find(v, '|', 1, true)
  local text = string.sub(v, bar + 1)
  if text == '' then return false end
  return text
end
local out = {}
for i = 2, #ARGV, 2 do
  local m = redis.call('HGET', P .. 'm:' .. ARGV[i], ARGV[i + 1])
  local field = ARGV[i + 1]
  local cid, uid, exp = nil, nil, false
  if m and string.sub(m, 1, 1) ~= '!' then
    if string.sub(field, 1, 1) == '#' then
      uid = string.match(m, '^[^|]*|([^|]*)')
    else
      cid, uid = string.match(m, '^([^|]*)|([^|]*)$')
      local jti = field
      if string.sub(jti, 1, 1) == '!' then jti = string.sub(jti, 2) end
      if cid then exp = redis.call('ZSCORE', P .. 'c:' .. cid, jti) or false end
    end
  end
  out[#out + 1] = name('cn', cid)
  out[#out + 1] = name('un', uid)
  out[#out + 1] = exp
end
return out
`;
