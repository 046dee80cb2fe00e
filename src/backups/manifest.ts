/**
 * The manifest a backup ends with (format.ts `ManifestSchema`): what the file holds, its checksums,
 * the Redis it came from, its encryption. A clear file keeps room for it before most categories
 * (it sorts there) and fills it in last, so the room is sized for the largest manifest it can be.
 */
import { createHash } from 'node:crypto';
import type { EncryptionInfo } from './format.js';
import { type Category, FORMAT_NAME, FORMAT_VERSION, type Manifest, overallDigestInput } from './format.js';
import { type CategoryDigest, MAX_TYPE_LENGTH, MAX_TYPES, type UnsupportedTally } from './emit.js';

/** The largest number the manifest's reserved space is sized for. */
export const BIGGEST = 10 ** 15;

/** What a manifest says that is known before the categories are written. */
export interface ManifestHead {
  timestamp: string;
  oauthPrefix: string;
  sessionPrefix: string;
  redisVersion: string;
  encryption: EncryptionInfo | null;
  note: string | undefined;
}

export class ManifestBuilder {
  constructor(
    private readonly head: ManifestHead,
    private readonly present: readonly Category[],
    private readonly digests: Readonly<Record<string, CategoryDigest>>,
    private readonly unsupported: UnsupportedTally,
  ) {}

  /** The manifest of what is written so far (`padding`: spaces that make it fill its room). */
  build(padding?: string): Manifest {
    const { unsupported } = this;
    const some = unsupported.total > 0;
    return this.render(this.digests, padding, {
      ...(some ? { unsupported_keys: unsupported.total } : {}),
      ...(some ? { unsupported: { ...unsupported.byCategory } } : {}),
      ...(some ? { unsupported_types: unsupported.typeList() } : {}),
    });
  }

  /** The largest manifest these categories can have: every count and total at BIGGEST, every type at its longest. */
  largest(): Manifest {
    const digests = { ...this.digests };
    for (const c of this.present) digests[c] ??= { count: BIGGEST, sha256: 'f'.repeat(64) };
    return this.render(digests, '', {
      unsupported_keys: BIGGEST,
      unsupported: Object.fromEntries(this.present.map((c) => [c, BIGGEST])),
      unsupported_types: Array.from({ length: MAX_TYPES }, () => 'x'.repeat(MAX_TYPE_LENGTH)),
    });
  }

  private render(digests: Record<string, CategoryDigest>, padding: string | undefined, unsupported: Partial<Manifest>): Manifest {
    const { head } = this;
    return {
      format: FORMAT_NAME,
      format_version: FORMAT_VERSION,
      created_by: 'oauth-admin',
      timestamp: head.timestamp,
      key_prefix: head.oauthPrefix,
      session_prefix: head.sessionPrefix,
      redis_version: head.redisVersion,
      categories: { ...digests },
      counts: Object.fromEntries(this.present.map((c) => [c, digests[c]?.count ?? 0])),
      sha256: createHash('sha256').update(overallDigestInput(digests)).digest('hex'),
      encrypted: head.encryption !== null,
      ...(head.encryption ? { encryption: head.encryption } : {}),
      ...(head.note ? { note: head.note } : {}),
      ...unsupported,
      ...(padding !== undefined ? { padding } : {}),
    };
  }
}
