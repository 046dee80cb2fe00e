/**
 * The restore's Lua scripts (registered in scripts.ts; backups/restore.ts runs them). Both judge
 * every entry by the server's clock and answer one status per key: 0 restored (the key was
 * missing), 1 overwritten, 2 unchanged, 3 skipped as expired.
 */

/**
 * Any entry type, and every entry of a dry run or a diff: compares (TYPE and the value) and, when
 * ARGV[1] is '1', writes DEL + SADD/RPUSH/HSET + PEXPIREAT, atomically. ARGV after the flag, per
 * key: type, absolute expiry in ms (0: none), item count, the items.
 */
export const RESTORE_ENTRIES = `local write = ARGV[1] == '1'
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

/**
 * An executed restore's string entries: one `SET key value [PXAT ms] GET` per key (ARGV: expiry
 * and value per key, expiry `0` for none); a key holding another type gets a plain SET and counts
 * as overwritten.
 */
export const RESTORE_STRINGS = `local t = redis.call('TIME')
local nowms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {}
for i, key in ipairs(KEYS) do
  local at = ARGV[2 * i - 1]
  local value = ARGV[2 * i]
  local pxat = tonumber(at)
  if pxat > 0 and pxat <= nowms then
    out[i] = 3
  else
    local old
    if pxat > 0 then old = redis.pcall('SET', key, value, 'PXAT', at, 'GET') else old = redis.pcall('SET', key, value, 'GET') end
    if type(old) == 'table' and old.err then
      if string.sub(old.err, 1, 9) ~= 'WRONGTYPE' then return redis.error_reply(old.err) end
      if pxat > 0 then redis.call('SET', key, value, 'PXAT', at) else redis.call('SET', key, value) end
      out[i] = 1
    elseif old == false then
      out[i] = 0
    elseif old == value then
      out[i] = 2
    else
      out[i] = 1
    end
  end
end
return out`;
