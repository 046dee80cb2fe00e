import { hash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../principal.js';

export interface AuthOptions {
  adminToken?: string | undefined;
  viewerToken?: string | undefined;
  /** Development without ADMIN_TOKEN: every caller is admin (the server then listens on loopback only). */
  anonymousAdmin: boolean;
  /** The audit name of the admin token's holder (`cli` for the in-process CLI). */
  adminActor?: string;
  /** Named service keys (`API_KEYS_FILE`, src/plugins/api-keys.ts): whose key has this SHA-256 digest. */
  keys?: ServiceKeys | undefined;
}

export interface ServiceKeys {
  lookup(digest: Buffer): Principal | null;
}

function digest(text: string): Buffer {
  return hash('sha256', text, 'buffer');
}

interface ExpectedDigests {
  /** The tokens these digests are of (recomputed if the options object is given other tokens). */
  adminToken: string | undefined;
  viewerToken: string | undefined;
  admin: Buffer | null;
  viewer: Buffer | null;
}

/** The configured tokens' digests, computed once per options object rather than on every request. */
const expectedDigests = new WeakMap<AuthOptions, ExpectedDigests>();

function expectedOf(options: AuthOptions): ExpectedDigests {
  let expected = expectedDigests.get(options);
  if (!expected || expected.adminToken !== options.adminToken || expected.viewerToken !== options.viewerToken) {
    expected = {
      adminToken: options.adminToken,
      viewerToken: options.viewerToken,
      admin: options.adminToken === undefined ? null : digest(options.adminToken),
      viewer: options.viewerToken === undefined ? null : digest(options.viewerToken),
    };
    expectedDigests.set(options, expected);
  }
  return expected;
}

/** Who a request is, from its `Authorization: Bearer` header; null means 401. */
export function authenticate(header: string | null, options: AuthOptions): Principal | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (token) {
    // Compared in constant time whatever the lengths: digests of both sides. Both tokens and the
    // service keys are checked every time, so timing does not tell which one matched. The keys are
    // found by digest in a map (no time per key), then confirmed with timingSafeEqual.
    const given = digest(token);
    const expected = expectedOf(options);
    const isAdmin = expected.admin !== null && timingSafeEqual(given, expected.admin);
    const isViewer = expected.viewer !== null && timingSafeEqual(given, expected.viewer);
    const byKey = options.keys?.lookup(given) ?? null;
    if (isAdmin) return { role: 'admin', name: options.adminActor ?? 'admin-token' };
    if (isViewer) return { role: 'viewer', name: 'viewer-token' };
    return byKey;
  }
  if (options.anonymousAdmin) return { role: 'admin', name: 'local-dev' };
  return null;
}

/** Why a request was refused, for the audit trail and logs: never the presented value. */
export function describeAuthFailure(header: string | null): string {
  if (!header) return 'no Authorization header';
  if (!/^Bearer\s+\S+\s*$/i.test(header)) return 'Authorization header is not "Bearer <token>"';
  return 'bearer token not recognised';
}
