import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CommandSpec, UsageError, parseCommandArgs } from '../../src/cli/args.js';

// A jti is `token_urlsafe(16)`, an authorization code `token_urlsafe(32)`; one in 64 starts with "-".
const dashed = (bytes: number) => `-${randomBytes(bytes).toString('base64url').slice(1)}`;

const deleteToken: CommandSpec = { summary: 'delete one token', args: ['JTI'], options: { note: { type: 'string', description: 'a note' } } };
const complete: CommandSpec = { summary: 'finish a flow', args: ['CODE'] };
const deleteClient: CommandSpec = { summary: 'delete one client', args: ['CLIENT_ID'] };

describe('a gateway id that starts with "-"', () => {
  it('is the argument where the command takes a jti or a code of exactly that shape', () => {
    const jti = dashed(16);
    expect(jti).toHaveLength(22);
    expect(parseCommandArgs('delete-token', deleteToken, [jti]).args).toEqual([jti]);
    expect(parseCommandArgs('delete-token', deleteToken, ['--json', jti]).args).toEqual([jti]);
    expect(parseCommandArgs('delete-token', deleteToken, [jti, '--json']).flags.has('json')).toBe(true);
    const code = dashed(32);
    expect(code).toHaveLength(43);
    expect(parseCommandArgs('complete', complete, [code]).args).toEqual([code]);
    expect(parseCommandArgs('complete', complete, ['--', code]).args).toEqual([code]);
  });

  it('is still a usage error in any other shape or place: a misspelt option never becomes an argument', () => {
    expect(() => parseCommandArgs('delete-token', deleteToken, ['-dry-run'])).toThrow(UsageError);
    expect(() => parseCommandArgs('delete-token', deleteToken, ['a1', '--dryrun'])).toThrow(/unknown option --dryrun/);
    expect(() => parseCommandArgs('complete', complete, [dashed(16)])).toThrow(/unknown option/);
    expect(() => parseCommandArgs('delete-client', deleteClient, [dashed(16)])).toThrow(/unknown option/);
    // The value of a string option is not taken for the jti.
    expect(() => parseCommandArgs('delete-token', deleteToken, ['a1', '--note', dashed(16)])).toThrow(/--note needs a value/);
    // Two of them are one too many, as two plain ones are.
    expect(() => parseCommandArgs('delete-token', deleteToken, [dashed(16), dashed(16)])).toThrow(/unexpected argument/);
  });
});
