import { describe, expect, it } from 'vitest';
import { gatewayEvent, matches } from '../../src/gateway-events/event.js';
import { OwnerMemory } from '../../src/gateway-events/owners.js';
import { EventSubscriber } from '../../src/gateway-events/subscriber.js';
import { fingerprint } from '../../src/redis/fingerprint.js';
import { accessTokenValue, clientValue, codeValue } from '../../src/redis/gateway-format.js';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const S = NOW / 1000;

describe('OwnerMemory', () => {
  it('names a deleted or expired record from what it saw written, and forgets it then', () => {
    const m = new OwnerMemory(10, () => NOW);
    const raw = accessTokenValue({ clientId: 'c1', username: 'alice', createdAt: S, expiresAt: S + 60 });
    expect(m.eventOf({ kind: 'token', id: 'j1', op: 'set', at: NOW }, raw)).toMatchObject({
      kind: 'ACCESS_TOKEN_ISSUED',
      clientId: 'c1',
      username: 'alice',
      jti: 'j1',
      expiresAt: S + 60,
    });
    expect(m.eventOf({ kind: 'token', id: 'j1', op: 'del', at: NOW })).toMatchObject({ kind: 'ACCESS_TOKEN_REVOKED', clientId: 'c1', username: 'alice' });
    // Forgotten: a second removal (or one of a record never seen) names nobody.
    expect(m.eventOf({ kind: 'token', id: 'j1', op: 'expired', at: NOW })).toMatchObject({ kind: 'ACCESS_TOKEN_EXPIRED', clientId: null, username: null });
    expect(m.size).toBe(0);
  });

  it('calls a deletion after the expiry an expiry (a purge), not a revocation', () => {
    const m = new OwnerMemory(10, () => NOW);
    m.eventOf({ kind: 'token', id: 'old', op: 'set', at: NOW }, accessTokenValue({ clientId: 'c', username: 'u', createdAt: S - 120, expiresAt: S - 60 }));
    expect(m.eventOf({ kind: 'token', id: 'old', op: 'del', at: NOW }).kind).toBe('ACCESS_TOKEN_EXPIRED');
  });

  it('tells a registration from an update, and keeps secrets out: codes by fingerprint', () => {
    const m = new OwnerMemory(10, () => NOW);
    const fresh = clientValue({ clientId: 'cn', createdAt: S - 10 });
    const old = clientValue({ clientId: 'co', createdAt: S - 86400 });
    expect(m.eventOf({ kind: 'client', id: 'cn', op: 'set', at: NOW }, fresh).kind).toBe('CLIENT_REGISTERED');
    expect(m.eventOf({ kind: 'client', id: 'cn', op: 'set', at: NOW }, fresh).kind).toBe('CLIENT_UPDATED');
    expect(m.eventOf({ kind: 'client', id: 'co', op: 'set', at: NOW }, old).kind).toBe('CLIENT_UPDATED');
    expect(m.eventOf({ kind: 'client', id: 'co', op: 'del', at: NOW }).kind).toBe('CLIENT_DELETED');
    // Written again after its deletion: registered again, whatever its record says.
    expect(m.eventOf({ kind: 'client', id: 'co', op: 'set', at: NOW }, old).kind).toBe('CLIENT_REGISTERED');
    const code = 'the-code-value-is-a-secret-0123456789abcdef';
    const issued = m.eventOf({ kind: 'code', id: code, op: 'set', at: NOW }, codeValue({ clientId: 'cn', username: 'bob' }));
    const redeemed = m.eventOf({ kind: 'code', id: code, op: 'del', at: NOW });
    expect(redeemed).toMatchObject({ kind: 'CODE_REDEEMED', clientId: 'cn', username: 'bob', fingerprint: fingerprint(code) });
    expect(JSON.stringify([issued, redeemed])).not.toContain(code);
  });

  it('stays within its bound, least recently used out', () => {
    const m = new OwnerMemory(3, () => NOW);
    for (const id of ['a', 'b', 'c', 'd'])
      m.eventOf({ kind: 'token', id, op: 'set', at: NOW }, accessTokenValue({ clientId: id, username: id, createdAt: S, expiresAt: S + 60 }));
    expect(m.size).toBe(3);
    expect(m.eventOf({ kind: 'token', id: 'a', op: 'del', at: NOW }).clientId).toBeNull();
    expect(m.eventOf({ kind: 'token', id: 'd', op: 'del', at: NOW }).clientId).toBe('d');
  });
});

describe('EventSubscriber', () => {
  const issued = (jti: string) => gatewayEvent('ACCESS_TOKEN_ISSUED', NOW, { jti, clientId: 'c', username: 'u' });

  it('puts one LAGGED with the count where the events it could not hold were, then goes on', async () => {
    const s = new EventSubscriber({}, 2, () => NOW);
    const events = s.events(() => {});
    for (const j of ['1', '2', '3', '4', '5']) s.push(issued(j));
    s.push(issued('6'));
    const first = [(await events.next()).value, (await events.next()).value, (await events.next()).value];
    expect(first.map((e) => e?.jti ?? `${e?.kind}:${e?.missed}`)).toEqual(['1', '2', 'LAGGED:4']);
    s.push(issued('7'));
    expect((await events.next()).value?.jti).toBe('7');
    s.end();
    expect((await events.next()).done).toBe(true);
  });

  it('applies the filter before the buffer: what a filter drops never counts as missed', async () => {
    const s = new EventSubscriber({ username: 'x' }, 1, () => NOW);
    const events = s.events(() => {});
    for (let i = 0; i < 10; i++) s.push(issued(String(i)));
    s.push(gatewayEvent('ACCESS_TOKEN_REVOKED', NOW, { jti: 'mine', username: 'x' }));
    expect((await events.next()).value).toMatchObject({ jti: 'mine' });
  });

  it('lets WATCHING and LAGGED through every filter; an unknown owner matches no owner filter', () => {
    expect(matches({ kinds: ['CODE_ISSUED'], clientId: 'c' }, gatewayEvent('LAGGED', NOW))).toBe(true);
    expect(matches({ clientId: 'c' }, gatewayEvent('ACCESS_TOKEN_EXPIRED', NOW))).toBe(false);
    expect(matches({ kinds: [] }, gatewayEvent('CODE_ISSUED', NOW))).toBe(true);
  });
});
