import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from './context.js';

export interface AuthOptions {
  adminToken?: string | undefined;
  viewerToken?: string | undefined;
  /** Development without ADMIN_TOKEN: every caller is admin (the server then listens on loopback only). */
  anonymousAdmin: boolean;
  /** The audit name of the admin token's holder (`cli` for the in-process CLI). */
  adminActor?: string;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Compares in constant time whatever the lengths (both sides are hashed first). */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Who a request is, from its `Authorization: Bearer` header; null means 401. */
export function authenticate(header: string | null, options: AuthOptions): Principal | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (token) {
    // Check both tokens every time, so timing does not tell which one matched.
    const isAdmin = options.adminToken !== undefined && sameSecret(token, options.adminToken);
    const isViewer = options.viewerToken !== undefined && sameSecret(token, options.viewerToken);
    if (isAdmin) return { role: 'admin', name: options.adminActor ?? 'admin-token' };
    if (isViewer) return { role: 'viewer', name: 'viewer-token' };
    return null;
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
