/** What a backup holds, as the schema lists it: its clients, tokens and users, a page at a time. */
import type { ListPosition } from '../clients-tokens/listing.js';
import { AdminError, badInput } from '../errors.js';
import { type AccessTokenRecord, type ClientRecord, isTestClientName } from '../redis/codecs.js';
import { accessTokenStatus } from '../clients-tokens/status.js';
import type { BackupPage, BackupRecord, BackupUser as UserShape } from '../backups/index.js';
import { builder } from './builder.js';
import { DEFAULT_PAGE_SIZE, type PageArgs, listConnection } from './pagination.js';
import { fromEpochSeconds } from './scalars.js';
import { adminOnly } from './shared.js';
import { TokenStatusEnum } from './token.js';

const keyExpiry = (r: { expiresAtMs: number | null }) => (r.expiresAtMs === null ? null : new Date(r.expiresAtMs));

export const BackupClient = builder.objectRef<BackupRecord<ClientRecord>>('BackupClient').implement({
  description: 'A client registration as a backup holds it (not the live record). A value that does not parse is listed with `parseError`.',
  fields: (t) => ({
    clientId: t.string({ description: 'The client id (the key suffix).', resolve: (c) => c.id }),
    clientName: t.string({ nullable: true, description: 'Name given at registration.', resolve: (c) => c.record?.clientName ?? null }),
    clientSecret: t.string({
      nullable: true,
      description: 'The client secret. Null for viewers.',
      ...adminOnly,
      resolve: (c) => c.record?.clientSecret ?? null,
    }),
    registrationAccessToken: t.string({
      nullable: true,
      description: 'The RFC 7592 registration access token. Null for viewers.',
      ...adminOnly,
      resolve: (c) => c.record?.registrationAccessToken ?? null,
    }),
    redirectUris: t.stringList({ nullable: true, description: 'Registered redirect URIs.', resolve: (c) => c.record?.redirectUris ?? null }),
    scope: t.string({ nullable: true, description: 'Registered scopes.', resolve: (c) => c.record?.scope ?? null }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: '`client_id_issued_at` (or `created_at`).',
      resolve: (c) => fromEpochSeconds(c.record?.createdAt),
    }),
    isTestClient: t.boolean({ description: 'True for `TEST ` names.', resolve: (c) => isTestClientName(c.record?.clientName ?? null) }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the key expires (absolute); null without TTL. A restore after this skips it.',
      resolve: keyExpiry,
    }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read; null for a good record.', resolve: (c) => c.parseError }),
  }),
});

export const BackupToken = builder.objectRef<BackupRecord<AccessTokenRecord>>('BackupToken').implement({
  description: 'An access-token record as a backup holds it.',
  fields: (t) => ({
    jti: t.string({ description: 'The token id.', resolve: (r) => r.id }),
    username: t.string({ nullable: true, description: 'User the token was issued to.', resolve: (r) => r.record?.username ?? null }),
    clientId: t.string({ nullable: true, description: 'Client the token was issued to.', resolve: (r) => r.record?.clientId ?? null }),
    scope: t.string({ nullable: true, description: 'Granted scopes.', resolve: (r) => r.record?.scope ?? null }),
    issuedAt: t.field({ type: 'DateTime', nullable: true, description: '`iat`, else `created_at`.', resolve: (r) => fromEpochSeconds(r.record?.issuedAt) }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: '`exp`, else `expires_at`.', resolve: (r) => fromEpochSeconds(r.record?.expiresAt) }),
    status: t.field({
      type: TokenStatusEnum,
      nullable: true,
      description: "ACTIVE or EXPIRED now, by the record's expiry.",
      resolve: (r, _a, ctx) => accessTokenStatus(r.record, ctx.view.now()),
    }),
    keyExpiresAt: t.field({ type: 'DateTime', nullable: true, description: 'When the key expires (absolute); null without TTL.', resolve: keyExpiry }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read.', resolve: (r) => r.parseError }),
  }),
});

export const BackupUser = builder.objectRef<UserShape>('BackupUser').implement({
  description: 'A user a backup knows: named on an access token, a refresh token or a user token index in it.',
  fields: (t) => ({
    username: t.exposeString('username', { description: 'GitHub login.' }),
    tokenCount: t.int({ description: 'Access tokens in the backup issued to this user.', resolve: (u) => u.tokens }),
    refreshTokenCount: t.int({ description: 'Refresh tokens in the backup issued to this user.', resolve: (u) => u.refreshTokens }),
    indexedTokenCount: t.int({ description: "Jtis in the user's token index in the backup.", resolve: (u) => u.indexedTokens }),
  }),
});

const EMPTY_PAGE = { items: [], hasNextPage: false, totalCount: 0 };

/** A file that cannot be read has no contents to list (`parseError` says why); other errors stand. */
export async function unlessUnreadable<T>(work: Promise<T>, empty: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AdminError && error.code === 'BAD_USER_INPUT' && /^backup /.test(error.message)) return empty;
    throw error;
  }
}

/** Backup contents page forward only: `first` (default 50, at most 500) and `after`. */
function checkForward(args: PageArgs): void {
  if (args.last != null || args.before != null) throw badInput('backup contents page forward only: use first and after');
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > 500) throw badInput('first must be between 0 and 500');
}

/**
 * One page of a backup's contents as a connection, through the one pager (pagination.ts
 * `listConnection`, forward pages only; empty when the file cannot be read). Its `totalCount`
 * is the file's count, known with the page.
 */
export async function backupConnection<T>(
  args: PageArgs,
  read: (first: number, after: string | null) => Promise<BackupPage<T>>,
  cursorOf: (item: T) => string,
) {
  checkForward(args);
  let totalCount = 0;
  const forward = async (position: ListPosition | null, first: number) => {
    const page = await unlessUnreadable(read(first, position?.order ?? null), EMPTY_PAGE);
    totalCount = page.totalCount;
    return { items: page.items.map((node) => ({ order: cursorOf(node), node })), hasNextPage: page.hasNextPage, snapshot: null };
  };
  // Never called: checkForward refuses backward pages, the only ones that need the whole list.
  const all = () => Promise.resolve([]);
  const connection = await listConnection({ first: args.first ?? DEFAULT_PAGE_SIZE, after: args.after ?? null }, forward, all, cursorOf);
  return { ...connection, totalCount };
}

export const BackupClientConnection = builder.connectionObject(
  { type: BackupClient, name: 'BackupClientConnection', description: 'A page of the client registrations in a backup, by client id.' },
  { description: 'One client registration of a backup, with its cursor.' },
);
export const BackupTokenConnection = builder.connectionObject(
  { type: BackupToken, name: 'BackupTokenConnection', description: 'A page of the access tokens in a backup, by jti.' },
  { description: 'One access token of a backup, with its cursor.' },
);
export const BackupUserConnection = builder.connectionObject(
  { type: BackupUser, name: 'BackupUserConnection', description: 'A page of the users a backup knows, by username.' },
  { description: 'One user of a backup, with its cursor.' },
);
