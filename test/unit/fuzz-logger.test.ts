import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, clearRegisteredSecrets, createLogger, redactText, registerSecret } from '../../src/logger.js';

/** Token-like secrets: what bearer tokens, client secrets, refresh tokens and confirm tokens look like. */
const secret = fc.stringMatching(/^[A-Za-z0-9_-]{12,64}$/);

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level, sink: (line) => lines.push(line) }) };
}

describe('log redaction', () => {
  afterEach(() => clearRegisteredSecrets());

  it('keeps secrets out of every line, by field name and by shape, however they are nested', () => {
    fc.assert(
      fc.property(secret, fc.string({ maxLength: 20 }), (s, noise) => {
        const { lines, logger } = capture();
        logger.info(`request failed for Bearer ${s} ${noise}`, {
          authorization: `Bearer ${s}`,
          headers: { Authorization: `Bearer ${s}`, cookie: `session=${s}` },
          client_secret: s,
          clientSecret: s,
          registration_access_token: s,
          refreshToken: s,
          refresh_token: s,
          confirmToken: s,
          nested: { deeper: [{ password: s }, { token: s }] },
          redis: `redis://default:${s}@10.0.0.5:6379/0`,
          redisNoUser: `rediss://:${s}@cache:6380`,
          query: `confirmToken=${s}&x=1`,
          err: new Error(`connect failed: redis://user:${s}@host (Bearer ${s})`),
          activeTokens: 5,
        });
        logger.error('boom', { err: Object.assign(new Error('x'), { cause: new Error(`client_secret=${s}`) }) });
        for (const line of lines) {
          expect(line).not.toContain(s);
          expect(() => JSON.parse(line)).not.toThrow();
        }
        expect(JSON.parse(lines[0] as string).activeTokens).toBe(5);
      }),
      { numRuns: 300 },
    );
  });

  it('replaces registered secrets wherever they appear, whatever the field', () => {
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), (s, before, after) => {
        registerSecret(s);
        const { lines, logger } = capture();
        logger.warn(`${before}${s}${after}`, { note: `${before}${s}${after}`, list: [s], map: { [`k${before}`]: s } });
        expect(lines.join('\n')).not.toContain(s);
        clearRegisteredSecrets();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever it is given (cycles, errors, symbols, bigints, deep nesting)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
        (value) => {
          const { lines, logger } = capture();
          const cyclic: Record<string, unknown> = { value };
          cyclic.self = cyclic;
          logger.info('anything', { value, cyclic });
          expect(lines).toHaveLength(1);
          expect(() => JSON.parse(lines[0] as string)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { deep };
    const { lines, logger } = capture();
    logger.info('deep', { deep, sym: Symbol('s'), fn: () => 1, big: 10n ** 30n });
    expect(JSON.parse(lines[0] as string).big).toBe('1000000000000000000000000000000');
  });

  it('drops lines below its level, and shows redacted URLs with their host', () => {
    const { lines, logger } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
    expect(redactText('redis://:pa55word@127.0.0.1:6379')).toBe(`redis://:${REDACTED}@127.0.0.1:6379`);
    expect(redactText('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/graphql');
  });
});
