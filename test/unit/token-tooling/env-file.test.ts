import { chmodSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, statSync, symlinkSync, writeFileSync, closeSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv, readEnvFile, setEnvVars } from '../../../src/cli/flows/index.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'token-tooling-env-'));
}

function envFile(content: string | Buffer): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, '.env');
  writeFileSync(path, content);
  return { dir, path };
}

describe('setEnvVars', () => {
  it('replaces KEY= and export KEY= lines and keeps every other byte', async () => {
    const original = [
      '# Gateway settings',
      '',
      'BASE_DOMAIN=example.com   # inline comment',
      'GATEWAY_JWT_SECRET=old-secret',
      '  export JWT_PRIVATE_KEY_B64="old"',
      "QUOTED='keep me'",
      '#GATEWAY_JWT_SECRET=commented-out',
      'GATEWAY_JWT_SECRET_OLD=not-this-one',
      '',
    ].join('\n');
    const { path } = envFile(original);

    const result = await setEnvVars(path, { GATEWAY_JWT_SECRET: 'new-secret', JWT_PRIVATE_KEY_B64: 'QUJD' });

    expect(result).toEqual({ replaced: ['GATEWAY_JWT_SECRET', 'JWT_PRIVATE_KEY_B64'], appended: [] });
    expect(readFileSync(path, 'utf8')).toBe(
      original
        .replace('GATEWAY_JWT_SECRET=old-secret', 'GATEWAY_JWT_SECRET=new-secret')
        .replace('  export JWT_PRIVATE_KEY_B64="old"', '  export JWT_PRIVATE_KEY_B64=QUJD'),
    );
  });

  it('appends after a last line that has no newline without merging lines (B22)', async () => {
    const { path } = envFile('A=1\n# last comment');
    await setEnvVars(path, { B: '2', C: '3' });
    expect(readFileSync(path, 'utf8')).toBe('A=1\n# last comment\nB=2\nC=3\n');
    expect(await readEnvFile(path)).toEqual({ A: '1', B: '2', C: '3' });
  });

  it('appends directly when the file ends with a newline and keeps CRLF files CRLF', async () => {
    const lf = envFile('A=1\n');
    await setEnvVars(lf.path, { B: '2' });
    expect(readFileSync(lf.path, 'utf8')).toBe('A=1\nB=2\n');

    const crlf = envFile('A=1\r\nB=old\r\n');
    await setEnvVars(crlf.path, { B: 'new', C: '3' });
    expect(readFileSync(crlf.path, 'utf8')).toBe('A=1\r\nB=new\r\nC=3\r\n');
  });

  it('leaves bytes that are not UTF-8 untouched', async () => {
    const original = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nA=1\n')]);
    const { path } = envFile(original);
    await setEnvVars(path, { A: '2' });
    expect(readFileSync(path)).toEqual(Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nA=2\n')]));
  });

  it('creates a missing file with mode 0600', async () => {
    const dir = tempDir();
    const path = join(dir, '.env');
    await setEnvVars(path, { GATEWAY_JWT_SECRET: 'abc' });
    expect(readFileSync(path, 'utf8')).toBe('GATEWAY_JWT_SECRET=abc\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the file mode, leaves no .env.bak or temp file, and replaces the file by rename', async () => {
    const { dir, path } = envFile('A=1\n');
    chmodSync(path, 0o640);
    const before = statSync(path).ino;
    // A reader that opened the file before the update still sees the complete old content.
    const fd = openSync(path, 'r');
    try {
      await setEnvVars(path, { A: '2' });
      const buffer = Buffer.alloc(16);
      const n = readSync(fd, buffer, 0, 16, 0);
      expect(buffer.subarray(0, n).toString()).toBe('A=1\n');
    } finally {
      closeSync(fd);
    }
    expect(statSync(path).ino).not.toBe(before);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('writes through a symlink to its target', async () => {
    const { dir, path } = envFile('A=1\n');
    const link = join(dir, 'link.env');
    symlinkSync(path, link);
    await setEnvVars(link, { A: '2' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('A=2\n');
  });

  it('refuses values with line breaks and leaves the file as it was', async () => {
    const { dir, path } = envFile('A=1\n');
    await expect(setEnvVars(path, { A: 'x', B: 'line1\nline2' })).rejects.toThrow(/B.*line break/);
    await expect(setEnvVars(path, { B: 'x\ry' })).rejects.toThrow(/line break/);
    expect(readFileSync(path, 'utf8')).toBe('A=1\n');
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('refuses invalid keys and multi-line existing values', async () => {
    const { path } = envFile('PEM="-----BEGIN\nabc\n-----END"\n');
    await expect(setEnvVars(path, { 'BAD KEY': 'x' })).rejects.toThrow(/Invalid .env key/);
    await expect(setEnvVars(path, { PEM: 'x' })).rejects.toThrow(/several lines/);
  });

  it('quotes values that dotenv readers would otherwise change, and reads them back unchanged', async () => {
    const { path } = envFile('');
    const values = { SPACE: 'a b', HASH: 'a #b', DOLLAR: 'pa$$word', PLAIN: 'abc-_.+/=:' };
    await setEnvVars(path, values);
    expect(readFileSync(path, 'utf8')).toBe("SPACE='a b'\nHASH='a #b'\nDOLLAR='pa$$word'\nPLAIN=abc-_.+/=:\n");
    expect(await readEnvFile(path)).toEqual(values);
    await expect(setEnvVars(path, { BAD: "it's $x" })).rejects.toThrow(/single quote/);
  });
});

describe('readEnvFile / parseEnv', () => {
  it('handles comments, export, quotes, inline comments, multi-line values, a BOM and a stray line', () => {
    const text = [
      '\uFEFF# comment',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = padded  ',
      'INLINE=value # comment',
      'HASH_IN_VALUE=abc#def',
      'DOUBLE="a # not a comment"  # comment',
      "SINGLE='single \\n literal'",
      'ESCAPED="line\\nnext"',
      'PEM="-----BEGIN',
      'abc',
      '-----END"',
      'EMPTY=',
      'NOT AN ASSIGNMENT',
      'DUP=first',
      'DUP=second',
    ].join('\r\n');
    expect(parseEnv(text)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'padded',
      INLINE: 'value',
      // node:util parseEnv: an unquoted value ends at '#' (values we write with '#' are quoted).
      HASH_IN_VALUE: 'abc',
      DOUBLE: 'a # not a comment',
      SINGLE: 'single \\n literal',
      ESCAPED: 'line\nnext',
      PEM: '-----BEGIN\nabc\n-----END',
      EMPTY: '',
      DUP: 'second',
    });
  });

  it('reads a missing file as empty', async () => {
    expect(await readEnvFile(join(tempDir(), 'missing.env'))).toEqual({});
  });
});
