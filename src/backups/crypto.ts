/**
 * Encryption at rest for backups (opt-in with BACKUP_ENCRYPTION_KEY).
 *
 * - Key: scrypt(BACKUP_ENCRYPTION_KEY, random 16-byte salt, N=2^15, r=8, p=1) -> 32 bytes; the salt
 *   and parameters are in the manifest, so every file has its own key.
 * - `key_check` = HMAC-SHA256(key, label), so a wrong key is told apart from a damaged file.
 * - The categories (the exact bytes a clear file holds for them) are cut into 1 MiB chunks, each
 *   sealed with AES-256-GCM: nonce = 4 zero bytes + the chunk index (64-bit big-endian; unique
 *   since the key is unique per file); AAD = SHA-256 of the clear header (manifest, metadata,
 *   timestamp) + chunk index + a last-chunk flag. So the manifest is authenticated, chunks cannot
 *   be reordered, dropped or cut off at the end, and each chunk is checked before it is used.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { EncryptionInfo } from './format.js';

export const CHUNK_BYTES = 1024 * 1024;
const TAG_BYTES = 16;
const KDF = { n: 2 ** 15, r: 8, p: 1 } as const;
const KEY_CHECK_LABEL = 'oauth-admin backup key check v1';

export class BackupKeyError extends Error {}

/**
 * What a file may ask of scrypt: a file names its own parameters, and whoever can write
 * BACKUP_DIR could otherwise make every read of it cost seconds of CPU (p=200: 17 s) or a
 * gigabyte. Ours use N=2^15, r=8, p=1 (about 100 ms, 32 MiB); at most 4x that work and 128 MiB.
 */
export const KDF_BOUNDS = { minN: 2 ** 10, maxN: 2 ** 17, maxR: 16, maxP: 4, maxWork: 2 ** 15 * 8 * 4, maxMemoryBytes: 128 * 1024 * 1024 } as const;

/** Refuses parameters beyond KDF_BOUNDS (BackupKeyError), before any work is done. */
export function checkKdf(kdf: { n: number; r: number; p: number }): void {
  const b = KDF_BOUNDS;
  const powerOfTwo = Number.isInteger(kdf.n) && kdf.n > 1 && (kdf.n & (kdf.n - 1)) === 0;
  if (
    !powerOfTwo ||
    kdf.n < b.minN ||
    kdf.n > b.maxN ||
    kdf.r < 1 ||
    kdf.r > b.maxR ||
    kdf.p < 1 ||
    kdf.p > b.maxP ||
    kdf.n * kdf.r * kdf.p > b.maxWork ||
    128 * kdf.n * kdf.r > b.maxMemoryBytes
  ) {
    throw new BackupKeyError(
      `the file asks for scrypt parameters this service does not accept (N=${kdf.n}, r=${kdf.r}, p=${kdf.p}; N a power of two from 2^10 to 2^17, r at most ${b.maxR}, p at most ${b.maxP}, N*r*p at most 2^20): it was not written by this service, or was altered`,
    );
  }
}

/** Keys derived for existing files, by passphrase and parameters: every read of a file would pay for scrypt again. */
const derived = new Map<string, Buffer>();
const DERIVED_KEPT = 64;

export function deriveKey(passphrase: string, kdf: { salt: string; n: number; r: number; p: number }): Promise<Buffer> {
  checkKdf(kdf);
  return new Promise((resolve, reject) => {
    scrypt(passphrase, Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.n, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.n * kdf.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

async function cachedKey(passphrase: string, kdf: { salt: string; n: number; r: number; p: number }): Promise<Buffer> {
  checkKdf(kdf);
  const id = createHash('sha256')
    .update(JSON.stringify([passphrase, kdf.salt, kdf.n, kdf.r, kdf.p]))
    .digest('base64');
  const known = derived.get(id);
  if (known) return known;
  const key = await deriveKey(passphrase, kdf);
  if (derived.size >= DERIVED_KEPT) derived.delete(derived.keys().next().value as string);
  derived.set(id, key);
  return key;
}

function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_LABEL).digest('base64');
}

/** A fresh key for a new file, with the salt, parameters and key check its manifest records. */
export async function newFileKey(passphrase: string): Promise<{ key: Buffer; info: EncryptionInfo }> {
  const kdf = { name: 'scrypt' as const, salt: randomBytes(16).toString('base64'), ...KDF };
  const key = await deriveKey(passphrase, kdf);
  return { key, info: { algorithm: 'aes-256-gcm', kdf, key_check: keyCheck(key), chunk_bytes: CHUNK_BYTES } };
}

/** The key of an existing file; BackupKeyError when the passphrase is not the one it was made with. */
export async function openFileKey(passphrase: string, info: EncryptionInfo): Promise<Buffer> {
  const key = await cachedKey(passphrase, info.kdf);
  const expected = Buffer.from(info.key_check, 'base64');
  const actual = Buffer.from(keyCheck(key), 'base64');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new BackupKeyError('BACKUP_ENCRYPTION_KEY is not the key this backup was encrypted with');
  }
  return key;
}

/** SHA-256 of the clear header, bound into every chunk. */
export function headerDigest(headerJson: string): Buffer {
  return createHash('sha256').update(headerJson, 'utf8').digest();
}

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 4);
  return iv;
}

function aad(header: Buffer, index: number, last: boolean): Buffer {
  const out = Buffer.alloc(header.length + 9);
  header.copy(out, 0);
  out.writeBigUInt64BE(BigInt(index), header.length);
  out[header.length + 8] = last ? 1 : 0;
  return out;
}

export function sealChunk(key: Buffer, header: Buffer, index: number, last: boolean, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(aad(header, index, last));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]);
}

/** Opens one chunk; throws when it was altered, moved, or is not the last one it claims to be. */
export function openChunk(key: Buffer, header: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new Error(`encrypted chunk ${index} is too short`);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
  decipher.setAAD(aad(header, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new Error(`encrypted chunk ${index} failed authentication: the file was altered, reordered or cut short`);
  }
}

/**
 * A throwaway stream cipher for the temporary files a backup sorts through: their key lives
 * only in memory, so what is left on disk after a crash is unreadable.
 */
export function ephemeralCipher(): { key: Buffer; iv: Buffer } {
  return { key: randomBytes(32), iv: randomBytes(16) };
}

export function ctrStream(secret: { key: Buffer; iv: Buffer }) {
  return createCipheriv('aes-256-ctr', secret.key, secret.iv);
}
