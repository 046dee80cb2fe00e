import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Decoded,
  decodeAccessToken,
  decodeAuthCode,
  decodeAuthState,
  decodeClient,
  decodeRefreshToken,
  isTestClientName,
  parseJsonObject,
} from '../../src/redis/codecs.js';
import { pyJsonDumps } from '../../src/redis/python-json.js';

type Decoder = (raw: string) => Decoded<object>;

/** Every codec, with the type each field of its record must have. */
const CODECS: Record<string, { decode: Decoder; strings: string[]; numbers: string[]; lists: string[]; fields: string[] }> = {
  client: {
    decode: decodeClient,
    strings: ['clientId', 'clientSecret', 'clientName', 'scope', 'registrationAccessToken', 'clientUri', 'logoUri', 'tosUri', 'policyUri'],
    numbers: ['clientSecretExpiresAt', 'createdAt'],
    lists: ['redirectUris', 'grantTypes', 'responseTypes', 'contacts'],
    fields: [
      'client_id',
      'client_secret',
      'client_secret_expires_at',
      'client_name',
      'scope',
      'redirect_uris',
      'grant_types',
      'response_types',
      'client_id_issued_at',
      'created_at',
      'registration_access_token',
      'client_uri',
      'logo_uri',
      'tos_uri',
      'policy_uri',
      'contacts',
    ],
  },
  accessToken: {
    decode: decodeAccessToken,
    strings: ['sub', 'username', 'email', 'name', 'scope', 'clientId'],
    numbers: ['issuedAt', 'expiresAt'],
    lists: [],
    fields: ['sub', 'username', 'email', 'name', 'scope', 'client_id', 'iat', 'created_at', 'exp', 'expires_at', 'resources', 'token_type'],
  },
  refreshToken: {
    decode: decodeRefreshToken,
    strings: ['userId', 'username', 'clientId', 'scope'],
    numbers: ['createdAt'],
    lists: ['resources'],
    fields: ['user_id', 'sub', 'username', 'client_id', 'scope', 'created_at', 'iat', 'resources'],
  },
  authState: {
    decode: decodeAuthState,
    strings: ['clientId', 'redirectUri', 'scope', 'clientState', 'codeChallenge', 'codeChallengeMethod'],
    numbers: [],
    lists: ['resources'],
    fields: ['client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'resources'],
  },
  authCode: {
    decode: decodeAuthCode,
    strings: ['clientId', 'redirectUri', 'scope', 'clientState', 'codeChallenge', 'codeChallengeMethod', 'userId', 'username', 'email', 'name'],
    numbers: [],
    lists: ['resources'],
    fields: [
      'client_id',
      'redirect_uri',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
      'resources',
      'user_id',
      'sub',
      'username',
      'email',
      'name',
    ],
  },
};

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Values that have broken parsers before: NaN-ish numbers as text, huge numbers, odd unicode, nesting. */
const nastyScalar = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e400',
    '-0',
    '0x10',
    '1_000',
    ' 12 ',
    '',
    ' ',
    '9'.repeat(400),
    '2026-13-45T99:99:99Z',
    'null',
    'true',
    '[]',
    '{}',
    '["a",1,null]',
    '"x"',
    '\u0000',
    '\uFFFD\uD800',
    '\u202E',
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((b) => Number(b)),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...POLLUTION_KEYS)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A record of one kind, with its real field names (and prototype-pollution keys) set to hostile values. */
function hostileRecord(fields: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...fields, ...POLLUTION_KEYS), nastyValue, { maxKeys: fields.length + 3 }), fc.boolean())
    .map(([obj, python]) => {
      // Build with own "__proto__" keys, as JSON.parse would; and in the gateway's spacing half the time.
      const text = `{${Object.entries(obj)
        .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v === undefined ? null : v) ?? 'null'}`)
        .join(', ')}}`;
      return python ? pyJsonDumps(JSON.parse(text) as Parameters<typeof pyJsonDumps>[0]) : text;
    });
}

/** Random bytes read as UTF-8 and as Latin-1, the way a broken writer might have stored them. */
const invalidUtf8 = fc
  .uint8Array({ maxLength: 200 })
  .chain((bytes) =>
    fc.constantFrom(Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('latin1'), `{"client_id": "${Buffer.from(bytes).toString('utf8')}"}`),
  );

const jwtLike = fc
  .tuple(
    fc.base64String({ maxLength: 40 }),
    fc.oneof(
      nastyValue.map((v) => JSON.stringify(v) ?? ''),
      fc.string(),
    ),
    fc.base64String({ maxLength: 40 }),
  )
  .map(([h, payload, sig]) => `${h.replace(/=/g, '') || 'e30'}.${Buffer.from(payload, 'utf8').toString('base64url') || 'e30'}.${sig.replace(/[=+/]/g, '')}`);

const anyRaw = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  invalidUtf8,
  jwtLike,
  nastyValue.map((v) => JSON.stringify(v) ?? 'undefined'),
);

function checkShape(name: string, decoded: Decoded<object>, raw: string): void {
  const spec = CODECS[name];
  if (!spec) throw new Error(name);
  expect(decoded === null || typeof decoded !== 'object').toBe(false);
  if (decoded.record === null) {
    // Corrupt: flagged with a reason that never echoes the stored value (it may be a secret).
    expect(typeof decoded.parseError).toBe('string');
    expect((decoded.parseError as string).length).toBeGreaterThan(0);
    expect((decoded.parseError as string).length).toBeLessThan(200);
    if (raw.length >= 12) expect(decoded.parseError).not.toContain(raw);
    return;
  }
  expect(decoded.parseError).toBeNull();
  const record = decoded.record as Record<string, unknown>;
  expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  for (const f of spec.strings) expect(record[f] === null || typeof record[f] === 'string', `${name}.${f}: ${String(record[f])}`).toBe(true);
  for (const f of spec.numbers)
    expect(record[f] === null || (typeof record[f] === 'number' && Number.isFinite(record[f])), `${name}.${f}: ${String(record[f])}`).toBe(true);
  for (const f of spec.lists) {
    const v = record[f];
    expect(v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string')), `${name}.${f}`).toBe(true);
  }
}

function neverPolluted(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as { client_id?: unknown }).client_id).toBeUndefined();
}

describe('record codecs under random and adversarial values', () => {
  for (const [name, spec] of Object.entries(CODECS)) {
    it(`${name}: never throws; every value is either decoded with sane types or flagged corrupt`, () => {
      fc.assert(
        fc.property(fc.oneof(anyRaw, hostileRecord(spec.fields)), (raw) => {
          let decoded: Decoded<object> | undefined;
          expect(() => {
            decoded = spec.decode(raw);
          }).not.toThrow();
          checkShape(name, decoded as Decoded<object>, raw);
          neverPolluted();
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('prototype-pollution keys stay data: no record, no object prototype changes', () => {
    const raw = '{"__proto__": {"polluted": "yes", "client_id": "evil"}, "constructor": {"prototype": {"polluted": "yes"}}, "client_name": "TEST x"}';
    for (const spec of Object.values(CODECS)) {
      const decoded = spec.decode(raw);
      expect(decoded.parseError).toBeNull();
      neverPolluted();
    }
    expect(decodeClient(raw).record?.clientId).toBeNull();
    expect(decodeClient('{"__proto__": "TEST x"}').record?.clientName).toBeNull();
  });

  it('huge and deeply nested values are decoded or flagged within bounds', () => {
    const huge = 'x'.repeat(5_000_000);
    const hugeClient = decodeClient(
      `{"client_id": "c", "client_name": "${huge}", "redirect_uris": ${JSON.stringify(JSON.stringify(Array.from({ length: 50_000 }, (_, i) => `https://h/${i}`)))}}`,
    );
    expect(hugeClient.record?.clientName?.length).toBe(5_000_000);
    expect(hugeClient.record?.redirectUris).toHaveLength(50_000);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const spec of Object.values(CODECS)) {
      expect(spec.decode(deep).parseError).toMatch(/not an object/);
      expect(spec.decode(`{"scope": ${deep}, "resources": ${deep}}`).parseError).toBeNull();
      expect(spec.decode(huge).parseError).toBe('not JSON (5000000 characters)');
    }
    expect(decodeAccessToken(`a.${Buffer.from(deep).toString('base64url')}.b`).parseError).toMatch(/^JWT payload is JSON an array/);
  });

  it('numbers as strings, NaN-ish and out-of-range times become a finite number or null', () => {
    // The stored JSON text of `exp`, and what it must decode to.
    const cases: [string, number | null][] = [
      ['"1700000000"', 1700000000],
      ['" 1700000000 "', 1700000000],
      ['"NaN"', null],
      ['"Infinity"', null],
      ['"1e400"', null],
      ['1e400', null],
      ['-1e400', null],
      ['"2026-11-26T15:34:29Z"', 1795707269],
      ['"not a date"', null],
      ['true', null],
      ['[1]', null],
      ['{}', null],
      ['""', null],
    ];
    for (const [text, expected] of cases) {
      expect(decodeAccessToken(`{"exp": ${text}}`).record?.expiresAt ?? null, text).toBe(expected);
    }
    expect(parseJsonObject('1e400')).toEqual({ ok: false, error: 'JSON a number, not an object' });
  });

  it('test-client names are decided on the exact prefix only, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        expect(isTestClientName(name)).toBe(name.startsWith('TEST '));
        expect(isTestClientName(`TEST ${name}`)).toBe(true);
        expect(isTestClientName(`test ${name}`)).toBe(false);
      }),
    );
  });
});
