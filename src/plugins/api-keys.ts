import { timingSafeEqual } from 'node:crypto';
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Logger } from '../logger.js';
import type { Principal } from '../principal.js';
import { type ApiKeyEntry, KeyFileError, parseKeyFile, readKeyFile } from './api-key-file.js';

/** How often the service looks at the key file (one `stat`); a change is in effect within this and one read. */
export const API_KEYS_POLL_MS = 500;

interface Known {
  digest: Buffer;
  principal: Principal;
}

/**
 * The service keys, by the SHA-256 digest of the key. Looking a digest up in a map tells an
 * attacker nothing about any stored key (they cannot choose a digest), and the time it takes does
 * not grow with the number of keys; a hit is then confirmed with `timingSafeEqual`.
 */
export class ApiKeyRing {
  private readonly byDigest = new Map<string, Known>();

  constructor(entries: readonly ApiKeyEntry[]) {
    for (const entry of entries) {
      const hex = entry.hash.slice('sha256:'.length);
      this.byDigest.set(hex, { digest: Buffer.from(hex, 'hex'), principal: { role: entry.role, name: `key:${entry.name}` } });
    }
  }

  get size(): number {
    return this.byDigest.size;
  }

  /** Whose key has this SHA-256 digest; null for none. */
  lookup(digest: Buffer): Principal | null {
    const known = this.byDigest.get(digest.toString('hex'));
    return known && timingSafeEqual(known.digest, digest) ? known.principal : null;
  }
}

/** The key file as the service follows it: the last good set of keys, and a stop for shutdown. */
export interface ApiKeyWatcher {
  lookup(digest: Buffer): Principal | null;
  /** The keys in effect now. */
  readonly ring: ApiKeyRing;
  stop(): void;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

/** What changes whenever the file is replaced (a rename gives a new inode) or written in place. */
const signature = (s: BigIntStats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
const failedSignature = (error: unknown) => (errno(error) === 'ENOENT' ? 'missing' : `error:${errno(error) ?? 'unknown'}`);

function signatureNow(path: string): string {
  try {
    return signature(statSync(path, { bigint: true }));
  } catch (error) {
    return failedSignature(error);
  }
}

const signatureOf = (path: string): Promise<string> => stat(path, { bigint: true }).then(signature, failedSignature);

function loadNow(path: string): ApiKeyEntry[] {
  try {
    return parseKeyFile(readFileSync(path, 'utf8'));
  } catch (error) {
    if (errno(error) === 'ENOENT') return [];
    if (error instanceof KeyFileError) throw error;
    throw new KeyFileError(`cannot read it (${errno(error) ?? 'error'})`);
  }
}

/**
 * Loads `path` now and then checks it every `intervalMs` (a `stat`; the file is read only when it
 * changed), so `api-key-create` and `api-key-revoke` take effect in a running service without a
 * restart. A file that cannot be read or parsed is logged (never its content) and the last good set
 * stays; a missing file means no keys (deleting the file revokes them all).
 */
export function watchApiKeys(path: string, logger: Logger, intervalMs = API_KEYS_POLL_MS): ApiKeyWatcher {
  let ring = new ApiKeyRing([]);
  let seen = '';
  const refuse = (error: unknown) =>
    logger.error('service key file not loaded: keeping the keys loaded before', {
      file: path,
      reason: error instanceof KeyFileError ? error.message : String(error),
      keys: ring.size,
    });
  const accept = (entries: ApiKeyEntry[], signature: string) => {
    ring = new ApiKeyRing(entries);
    logger.info(signature === 'missing' ? 'service key file missing: no service keys' : 'service keys loaded', { file: path, keys: ring.size });
  };
  // One check at a time: a tick that finds the previous one still running is skipped.
  let busy = false;
  const check = async () => {
    const now = await signatureOf(path);
    if (now === seen) return;
    try {
      accept(now === 'missing' ? [] : await readKeyFile(path), now);
    } catch (error) {
      refuse(error);
    }
    seen = now;
  };
  // The first load is synchronous: the service knows its keys before it takes a request.
  seen = signatureNow(path);
  try {
    accept(loadNow(path), seen);
  } catch (error) {
    refuse(error);
  }
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void check().finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return {
    lookup: (digest) => ring.lookup(digest),
    get ring() {
      return ring;
    },
    stop: () => clearInterval(timer),
  };
}
