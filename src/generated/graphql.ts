/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A point in time, as an ISO 8601 string in UTC (e.g. `2026-11-26T15:34:26.000Z`). */
  DateTime: { input: string; output: string; }
};

/** An access-token record at `oauth:token:{jti}`. The JWT itself is not stored; this is what the gateway checks on every request. */
export type AccessToken = Node & {
  __typename?: 'AccessToken';
  /** The client registration; null for an orphan token (its client is gone). */
  client?: Maybe<OAuthClient>;
  /** The client the token was issued to. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** Email at issue time; null when GitHub hid it. */
  email?: Maybe<Scalars['String']['output']>;
  /** `exp`, else `expires_at`. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Seconds until expiry (negative once expired). */
  expiresInSeconds?: Maybe<Scalars['Int']['output']>;
  /** JSON (the gateway's format) or JWT. */
  format?: Maybe<TokenRecordFormat>;
  id: Scalars['ID']['output'];
  /** `iat`, else `created_at`. */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token id (the key suffix, the JWT `jti`). */
  jti: Scalars['String']['output'];
  /** When Redis will drop the key; null when it has no TTL (such a key outlives its expiry until purged). */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name at issue time. */
  name?: Maybe<Scalars['String']['output']>;
  /** Why the stored value could not be read; null for a good record. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** Granted scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** ACTIVE or EXPIRED by the record's expiry; null for a corrupt record or one without an expiry. */
  status?: Maybe<TokenStatus>;
  /** The `sub` claim (GitHub numeric id, as a string). */
  subject?: Maybe<Scalars['String']['output']>;
  /** The user the token was issued to; null when the record names none. */
  user?: Maybe<User>;
  /** GitHub login of the user the token was issued to. */
  username?: Maybe<Scalars['String']['output']>;
};

/** A page of access tokens, with the total across all pages. */
export type AccessTokenConnection = {
  __typename?: 'AccessTokenConnection';
  edges: Array<AccessTokenEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of access tokens, with its cursor. */
export type AccessTokenEdge = {
  __typename?: 'AccessTokenEdge';
  cursor: Scalars['String']['output'];
  node: AccessToken;
};

/** One executed (or refused) mutation, or a refused access (failed authentication: action `authenticate`; a mutation the token may not run): who, what, when, with what outcome. Never holds a secret. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** The operation (`deleteClient(cascade)`, `purgeExpired`, ...). */
  action: Scalars['String']['output'];
  /** Who: `admin-token`, `viewer-token`, `local-dev`, `cli`, or `key:NAME` for a service key. */
  actor: Scalars['String']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** How many refusals the entry stands for: 1, or, for the entry written when a window of repeated refusals ends (same caller, same kind: failed logins from one address, one mutation refused to one token), how many came after the first one, which has its own entry. */
  attempts: Scalars['Int']['output'];
  /** What it removed or would remove. */
  counts?: Maybe<DeletionCounts>;
  /** Whether it only counted (or planned). */
  dryRun: Scalars['Boolean']['output'];
  /** Why it was refused or failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** The stream entry id. */
  id: Scalars['ID']['output'];
  /** The job, for job operations. */
  jobId?: Maybe<Scalars['String']['output']>;
  /** SUCCEEDED, PLANNED (first step of a two-step), REFUSED, FAILED or CANCELLED. */
  outcome: Scalars['String']['output'];
  /** What it acted on (client id, jti, username, backup name). */
  target?: Maybe<Scalars['String']['output']>;
};

/** A page of audit entries, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One audit entry, with its cursor. */
export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

/** A pending authorization (CSRF state) at `oauth:state:{state}`: created by /authorize, consumed by /callback, TTL 300 s. The state is a secret while it lives (the gateway's /callback accepts it with any GitHub code: whoever holds it can finish someone else's authorization with their own account), so listings name it by `fingerprint` and the value is admin-only. */
export type AuthState = {
  __typename?: 'AuthState';
  /** The client; null when it is gone. */
  client?: Maybe<OAuthClient>;
  /** The client that started the authorization. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** The client's own `state` parameter. */
  clientState?: Maybe<Scalars['String']['output']>;
  /** PKCE method (S256). */
  codeChallengeMethod?: Maybe<Scalars['String']['output']>;
  /** A stable, non-secret handle (SHA-256 of the state, base64url, 22 characters). */
  fingerprint: Scalars['String']['output'];
  /** Whether the client sent a PKCE challenge. */
  hasCodeChallenge: Scalars['Boolean']['output'];
  /** True when the key has no TTL: the gateway always sets one, so it can never be used (purge removes it). */
  isLeftover: Scalars['Boolean']['output'];
  /** When Redis drops the key; null for a leftover. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the stored value could not be read. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** Where the user goes back to. */
  redirectUri?: Maybe<Scalars['String']['output']>;
  /** Requested scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** The server-side state (the key suffix). Null for viewers. */
  state?: Maybe<Scalars['String']['output']>;
};

/** A page of pending authorizations, with the total across all pages. */
export type AuthStateConnection = {
  __typename?: 'AuthStateConnection';
  edges: Array<AuthStateEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of pending authorizations, with its cursor. */
export type AuthStateEdge = {
  __typename?: 'AuthStateEdge';
  cursor: Scalars['String']['output'];
  node: AuthState;
};

/** An authorization code at `oauth:code:{code}`: issued by /callback, redeemed (and deleted) by /token. The code is a secret. */
export type AuthorizationCode = {
  __typename?: 'AuthorizationCode';
  /** The client; null when it is gone. */
  client?: Maybe<OAuthClient>;
  /** The client the code was issued for. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** The client's own `state` parameter. */
  clientState?: Maybe<Scalars['String']['output']>;
  /** The code itself. Null for viewers. */
  code?: Maybe<Scalars['String']['output']>;
  /** PKCE method. */
  codeChallengeMethod?: Maybe<Scalars['String']['output']>;
  /** A stable, non-secret handle for the code. */
  fingerprint: Scalars['String']['output'];
  /** Whether the code is bound to a PKCE challenge. */
  hasCodeChallenge: Scalars['Boolean']['output'];
  /** True when the key has no TTL (purge removes it). */
  isLeftover: Scalars['Boolean']['output'];
  /** When Redis drops the key (the gateway sets one year); null for a leftover. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the stored value could not be read. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** The redirect URI it must be redeemed with. */
  redirectUri?: Maybe<Scalars['String']['output']>;
  /** Granted scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** The user. */
  user?: Maybe<User>;
  /** The user's GitHub id. */
  userId?: Maybe<Scalars['String']['output']>;
  /** The user who authorized. */
  username?: Maybe<Scalars['String']['output']>;
};

/** A page of authorization codes, with the total across all pages. */
export type AuthorizationCodeConnection = {
  __typename?: 'AuthorizationCodeConnection';
  edges: Array<AuthorizationCodeEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of authorization codes, with its cursor. */
export type AuthorizationCodeEdge = {
  __typename?: 'AuthorizationCodeEdge';
  cursor: Scalars['String']['output'];
  node: AuthorizationCode;
};

/** A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`. */
export type Backup = {
  __typename?: 'Backup';
  /** The client registrations in the backup, by client id. Empty when the file cannot be read (see `parseError`). */
  clients: BackupClientConnection;
  /** Entries per category; null when the file cannot be read. */
  counts?: Maybe<BackupCounts>;
  /** When it was taken (its `timestamp`; from the name when the file cannot be read). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The backup compared with the live store now. Reads the whole file and scans the store, so it counts 40,000 toward GRAPHQL_MAX_COST (two per query with the default), runs one backup at a time (callers asking for the same backup meanwhile share the one comparison; more than a few waiting: UNAVAILABLE) and stops when every caller has gone. No categories when the file cannot be read (see `parseError`). */
  diff: BackupDiff;
  /** True when its data is encrypted (BACKUP_ENCRYPTION_KEY is needed to read or restore it). */
  encrypted: Scalars['Boolean']['output'];
  /** Who wrote it; null when the file cannot be read. */
  format?: Maybe<BackupFormat>;
  /** The file's modification time. */
  modifiedAt: Scalars['DateTime']['output'];
  /** The file name (`oauth-backup-YYYYMMDD-HHMMSS.json`, `-1`, `-2`, ... for the same second). */
  name: Scalars['String']['output'];
  /** Why it was taken, when recorded (e.g. the safety backup before a REPLACE). */
  note?: Maybe<Scalars['String']['output']>;
  /** Why the file cannot be used (not JSON, truncated, checksum mismatch, wrong entry types, wrong key); null when the whole file checks out. Checking reads the file once; the answer is cached until it changes. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** The Redis server version it was taken from (ours only). */
  redisVersion?: Maybe<Scalars['String']['output']>;
  /** The manifest's checksum over all categories (ours only). */
  sha256?: Maybe<Scalars['String']['output']>;
  /** File size in bytes (a Float: files can exceed 2 GiB). */
  sizeBytes: Scalars['Float']['output'];
  /** The access tokens in the backup, by jti. Empty when the file cannot be read (see `parseError`). */
  tokens: BackupTokenConnection;
  /** Keys the backup left out because the format cannot hold their type (0 when none); null for the gateway's files, which do not say, and for files that cannot be read. */
  unsupportedKeys?: Maybe<BackupUnsupportedKeys>;
  /** The users the backup knows, by username. Empty when the file cannot be read (see `parseError`). */
  users: BackupUserConnection;
};


/** A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`. */
export type BackupClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`. */
export type BackupDiffArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};


/** A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`. */
export type BackupTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`. */
export type BackupUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A client registration as a backup holds it (not the live record). A value that does not parse is listed with `parseError`. */
export type BackupClient = {
  __typename?: 'BackupClient';
  /** The client id (the key suffix). */
  clientId: Scalars['String']['output'];
  /** Name given at registration. */
  clientName?: Maybe<Scalars['String']['output']>;
  /** The client secret. Null for viewers. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** `client_id_issued_at` (or `created_at`). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** True for `TEST ` names. */
  isTestClient: Scalars['Boolean']['output'];
  /** When the key expires (absolute); null without TTL. A restore after this skips it. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the stored value could not be read; null for a good record. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** Registered redirect URIs. */
  redirectUris?: Maybe<Array<Scalars['String']['output']>>;
  /** The RFC 7592 registration access token. Null for viewers. */
  registrationAccessToken?: Maybe<Scalars['String']['output']>;
  /** Registered scopes. */
  scope?: Maybe<Scalars['String']['output']>;
};

/** A page of the client registrations in a backup, by client id. */
export type BackupClientConnection = {
  __typename?: 'BackupClientConnection';
  edges: Array<BackupClientEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One client registration of a backup, with its cursor. */
export type BackupClientEdge = {
  __typename?: 'BackupClientEdge';
  cursor: Scalars['String']['output'];
  node: BackupClient;
};

/** A page of backups, newest first. */
export type BackupConnection = {
  __typename?: 'BackupConnection';
  edges: Array<BackupEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Entries per category in a backup. */
export type BackupCounts = {
  __typename?: 'BackupCounts';
  /** Authorization codes. */
  codes: Scalars['Int']['output'];
  /** Other keys under the prefix (kept byte for byte). */
  other: Scalars['Int']['output'];
  /** Refresh tokens. */
  refreshTokens: Scalars['Int']['output'];
  /** Client registrations. */
  registrations: Scalars['Int']['output'];
  /** Session keys (`redis:session:*`). */
  sessions: Scalars['Int']['output'];
  /** Pending authorizations. */
  states: Scalars['Int']['output'];
  /** Access-token records. */
  tokens: Scalars['Int']['output'];
  /** All entries. */
  total: Scalars['Int']['output'];
  /** User token indexes. */
  userTokens: Scalars['Int']['output'];
};

/** A backup compared with the live store, key by key (values compared exactly; expiries not). */
export type BackupDiff = {
  __typename?: 'BackupDiff';
  /** Counts per category. */
  categories: Array<BackupDiffCategory>;
  /** The differing keys, up to `limit`. */
  entries: Array<BackupDiffEntry>;
  /** True when more keys differ than `entries` lists. */
  truncated: Scalars['Boolean']['output'];
};

/** One category of a backup compared with the live store. */
export type BackupDiffCategory = {
  __typename?: 'BackupDiffCategory';
  /** registrations, tokens, refresh_tokens, user_tokens, states, codes, sessions or other. */
  category: Scalars['String']['output'];
  /** Keys in both with different values. */
  different: Scalars['Int']['output'];
  /** Backup entries whose expiry has passed (a restore skips them). */
  expiredInBackup: Scalars['Int']['output'];
  /** Keys the backup has (not expired) that the store lacks. */
  onlyInBackup: Scalars['Int']['output'];
  /** Keys the store has that the backup lacks. */
  onlyInStore: Scalars['Int']['output'];
  /** Keys in both with the same value. */
  same: Scalars['Int']['output'];
};

/** One key that differs between a backup and the store. */
export type BackupDiffEntry = {
  __typename?: 'BackupDiffEntry';
  /** The backup category. */
  category: Scalars['String']['output'];
  /** A stable non-secret handle for the name (SHA-256, base64url, 22 characters). */
  fingerprint: Scalars['String']['output'];
  /** The key's name in its category (client id, jti, username, ...). Null for viewers when the name is or may be a secret (refresh tokens, codes, sessions, states, other keys). */
  name?: Maybe<Scalars['String']['output']>;
  /** How it differs. */
  status: BackupDiffStatus;
};

/** How a key differs between a backup and the live store. */
export type BackupDiffStatus =
  /** In both with different values: a restore would overwrite it. */
  | 'DIFFERENT'
  /** In the backup (not expired), missing from the store: a restore would add it. */
  | 'ONLY_IN_BACKUP'
  /** In the store, not in the backup: REPLACE would delete it. */
  | 'ONLY_IN_STORE';

/** One backup, with its cursor. */
export type BackupEdge = {
  __typename?: 'BackupEdge';
  cursor: Scalars['String']['output'];
  node: Backup;
};

/** Who wrote a backup file. */
export type BackupFormat =
  /** The gateway's own backup script (no manifest; expiry is the file's timestamp plus each entry's ttl). */
  | 'GATEWAY'
  /** This service: the gateway's layout plus absolute expiries and a manifest with checksums. */
  | 'OAUTH_ADMIN';

/** An access-token record as a backup holds it. */
export type BackupToken = {
  __typename?: 'BackupToken';
  /** Client the token was issued to. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** `exp`, else `expires_at`. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** `iat`, else `created_at`. */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The token id. */
  jti: Scalars['String']['output'];
  /** When the key expires (absolute); null without TTL. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the stored value could not be read. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** Granted scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** ACTIVE or EXPIRED now, by the record's expiry. */
  status?: Maybe<TokenStatus>;
  /** User the token was issued to. */
  username?: Maybe<Scalars['String']['output']>;
};

/** A page of the access tokens in a backup, by jti. */
export type BackupTokenConnection = {
  __typename?: 'BackupTokenConnection';
  edges: Array<BackupTokenEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One access token of a backup, with its cursor. */
export type BackupTokenEdge = {
  __typename?: 'BackupTokenEdge';
  cursor: Scalars['String']['output'];
  node: BackupToken;
};

/** Keys under the prefixes a backup left out because the backup format (the gateway's) cannot hold their Redis type (a sorted set, a stream, ...): a restore will not bring them back. They are counted, never named. */
export type BackupUnsupportedKeys = {
  __typename?: 'BackupUnsupportedKeys';
  /** Per category (by where their names put them); null for files written before this was recorded. */
  counts?: Maybe<BackupCounts>;
  /** Keys left out. */
  total: Scalars['Int']['output'];
  /** Their Redis types (`zset`, `stream`, ...), sorted. */
  types: Array<Scalars['String']['output']>;
};

/** A user a backup knows: named on an access token, a refresh token or a user token index in it. */
export type BackupUser = {
  __typename?: 'BackupUser';
  /** Jtis in the user's token index in the backup. */
  indexedTokenCount: Scalars['Int']['output'];
  /** Refresh tokens in the backup issued to this user. */
  refreshTokenCount: Scalars['Int']['output'];
  /** Access tokens in the backup issued to this user. */
  tokenCount: Scalars['Int']['output'];
  /** GitHub login. */
  username: Scalars['String']['output'];
};

/** A page of the users a backup knows, by username. */
export type BackupUserConnection = {
  __typename?: 'BackupUserConnection';
  edges: Array<BackupUserEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One user of a backup, with its cursor. */
export type BackupUserEdge = {
  __typename?: 'BackupUserEdge';
  cursor: Scalars['String']['output'];
  node: BackupUser;
};

/** The outcome of a credential rotation. Two-step: the first call changes nothing and returns `effect` and a `confirmToken`; the same call with that token (within 5 minutes) rotates and returns `newValue` once. */
export type ClientCredentialRotation = {
  __typename?: 'ClientCredentialRotation';
  /** The client. */
  clientId: Scalars['String']['output'];
  /** Single-use token that confirms this plan; null once executed. */
  confirmToken?: Maybe<Scalars['String']['output']>;
  /** What the rotation locks out and what it does not. */
  effect: Scalars['String']['output'];
  /** Whether the credential was replaced (false for a plan). */
  executed: Scalars['Boolean']['output'];
  /** The new credential, returned this once (it is never logged or audited); null for a plan. */
  newValue?: Maybe<Scalars['String']['output']>;
};

/** What deleting a client completely would remove. */
export type ClientDeletionPreview = {
  __typename?: 'ClientDeletionPreview';
  /** The client. */
  clientId: Scalars['String']['output'];
  /** Records that would be removed. */
  counts: DeletionCounts;
  /** Up to 10 of the access tokens. */
  sampleTokenJtis: Array<Scalars['String']['output']>;
  /** Up to 10 of the users who would lose tokens. */
  sampleUsernames: Array<Scalars['String']['output']>;
};

/** Narrows a client listing. */
export type ClientFilter = {
  /** Case-insensitive substring of the client name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** true: only test clients (`TEST ` names); false: only the others. */
  testOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The outcome of `updateClient`. When the update removes registered redirect URIs and no `confirmToken` was sent, `executed` is false: nothing changed, and `confirmToken` must be sent back (same client, same input, within 5 minutes) to run it. */
export type ClientUpdateResult = {
  __typename?: 'ClientUpdateResult';
  /** The client after the update (for a plan: as it is now). */
  client: OAuthClient;
  /** The client. */
  clientId: Scalars['String']['output'];
  /** Single-use token that confirms this plan; null once executed. */
  confirmToken?: Maybe<Scalars['String']['output']>;
  /** Whether the record was written (false for a plan). */
  executed: Scalars['Boolean']['output'];
  /** Registered redirect URIs the update removes (or removed). */
  removedRedirectUris: Array<Scalars['String']['output']>;
};

/** The outcome of a deletion. For a two-step operation called without `confirmToken`, `executed` is false, `counts` is the plan and `confirmToken` must be sent back (same operation, same arguments, within 5 minutes) to run it. */
export type DeleteResult = {
  __typename?: 'DeleteResult';
  /** Single-use token that confirms this plan; null once executed. */
  confirmToken?: Maybe<Scalars['String']['output']>;
  /** What was (or would be) removed. */
  counts: DeletionCounts;
  /** Whether anything was deleted (false for a plan or a dry run). */
  executed: Scalars['Boolean']['output'];
};

/** What an operation removed, or in a dry run or plan would remove, per kind of record. */
export type DeletionCounts = {
  __typename?: 'DeletionCounts';
  /** Access-token keys. */
  accessTokens: Scalars['Int']['output'];
  /** Authorization-code keys. */
  authCodes: Scalars['Int']['output'];
  /** Pending-authorization (state) keys. */
  authStates: Scalars['Int']['output'];
  /** Client registrations. */
  clients: Scalars['Int']['output'];
  /** Refresh-token keys. */
  refreshTokens: Scalars['Int']['output'];
  /** Jtis removed from user token indexes. */
  userIndexEntries: Scalars['Int']['output'];
  /** Whole user-index keys removed (left empty, or deleted with all tokens). */
  userIndexes: Scalars['Int']['output'];
};

/** One thing the gateway did, seen through its Redis writes. Records are named by their public handle: a client by id, an access token by jti, a refresh token or a code by its fingerprint (never the value). */
export type GatewayEvent = {
  __typename?: 'GatewayEvent';
  /** When this service process received the notification. */
  at: Scalars['DateTime']['output'];
  /** The client concerned; null when unknown (a removal of a record this process did not see written and the derived indexes do not hold, a record gone before it was read, a corrupt record). */
  clientId?: Maybe<Scalars['String']['output']>;
  /** LAGGED and WATCHING: what happened, in words. */
  detail?: Maybe<Scalars['String']['output']>;
  /** The access token's expiry, when known. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The refresh token's or code's fingerprint (REFRESH_TOKEN_* and CODE_* events). */
  fingerprint?: Maybe<Scalars['String']['output']>;
  /** The access token's id (ACCESS_TOKEN_* events). */
  jti?: Maybe<Scalars['String']['output']>;
  /** What happened. */
  kind: GatewayEventKind;
  /** LAGGED: how many events were lost; null when that cannot be known. */
  missed?: Maybe<Scalars['Int']['output']>;
  /** The user concerned; null for clients and when unknown. */
  username?: Maybe<Scalars['String']['output']>;
};

/** Which gateway events to receive (all given conditions must hold). WATCHING and LAGGED always come through. */
export type GatewayEventFilter = {
  /** Only events concerning this client. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** Only these kinds. */
  kinds?: InputMaybe<Array<GatewayEventKind>>;
  /** Only events concerning this user. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** What a gateway event reports. */
export type GatewayEventKind =
  /** An access token key expired, or was deleted once its expiry had passed (a purge). */
  | 'ACCESS_TOKEN_EXPIRED'
  /** An access token was minted (authorization-code or refresh grant). */
  | 'ACCESS_TOKEN_ISSUED'
  /** An access token key was deleted before its expiry (/revoke, an admin deletion). */
  | 'ACCESS_TOKEN_REVOKED'
  /** A client registration key was deleted (RFC 7592 DELETE, an admin deletion). */
  | 'CLIENT_DELETED'
  /** A client registration key expired (CLIENT_LIFETIME). */
  | 'CLIENT_EXPIRED'
  /** A client registration was written that this process had not seen (POST /register, or a restore of a recent one). */
  | 'CLIENT_REGISTERED'
  /** A known client registration was written again (RFC 7592 PUT, an admin change). */
  | 'CLIENT_UPDATED'
  /** An authorization code key expired unused. */
  | 'CODE_EXPIRED'
  /** An authorization code was written (/callback). */
  | 'CODE_ISSUED'
  /** An authorization code key was deleted: redeemed at /token (an admin deletion looks the same). */
  | 'CODE_REDEEMED'
  /** Events are missing here: this subscriber read too slowly (`missed` counts what it lost), the service could not keep up, or its connection to Redis was cut (`missed` null). `detail` says which. */
  | 'LAGGED'
  /** A refresh token key was deleted (/revoke, an admin deletion or purge). */
  | 'REFRESH_TOKEN_DELETED'
  /** A refresh token key expired. */
  | 'REFRESH_TOKEN_EXPIRED'
  /** A refresh token was written (authorization-code grant). */
  | 'REFRESH_TOKEN_ISSUED'
  /** First event of every stream: from here on, every write of the gateway is reported (`detail` says on how many Redis nodes). */
  | 'WATCHING';

/** The derived indexes behind relation queries (client.tokens, user.tokens), `stats` and purge candidates. They follow the gateway's writes through keyspace notifications and are rebuilt by reconcile; records are always read from their primary keys. A read uses them only when they are complete and a barrier proves they hold every change made before it (within INDEX_MAX_LAG_MS); otherwise it scans the store. */
export type IndexStatus = {
  __typename?: 'IndexStatus';
  /** Whether the leader says the indexes are complete: its own reconcile finished and nothing broke the chain of notifications since (a flood, a reconnection, a failing batch, a stalled follower). */
  complete: Scalars['Boolean']['output'];
  /** Times the watchdog restarted this process's follower (stalled, or its notifications stopped arriving). */
  followerRestarts: Scalars['Int']['output'];
  /** When this process last applied a change. */
  lastAppliedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When this process last finished a reconcile. */
  lastReconcileAt?: Maybe<Scalars['DateTime']['output']>;
  /** Index entries that reconcile added, changed or removed. */
  lastReconcileRepaired?: Maybe<Scalars['Int']['output']>;
  /** Whether this service process maintains the indexes (one process does). */
  leader: Scalars['Boolean']['output'];
  /** Whether this process receives keyspace notifications (only the leader follows them). */
  notifications: Scalars['Boolean']['output'];
  /** Why notifications are not followed, when they are not. */
  notificationsProblem?: Maybe<Scalars['String']['output']>;
  /** Age of the oldest change not applied yet, in ms (0 when none waits). */
  oldestPendingMs: Scalars['Int']['output'];
  /** Floods in this process: more changes queued than INDEX_MAX_PENDING, handed to a reconcile. */
  overflows: Scalars['Int']['output'];
  /** Changes queued in this process and not applied yet. */
  pending: Scalars['Int']['output'];
  /** Whether this process answers from the indexes now: complete, followed, and its last barrier came back in time. False: reads scan the store (slower, never stale). */
  ready: Scalars['Boolean']['output'];
  /** When the last reconcile (in any process) finished. */
  readyAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A long operation (purge, cleanup, backup, restore). Its state lives in Redis: query it with `job(id)` or follow it with the `jobProgress` subscription. */
export type Job = {
  __typename?: 'Job';
  /** Who started it (`admin-token`, `local-dev`, `cli`). */
  actor: Scalars['String']['output'];
  /** The backup file it wrote or read. */
  backupName?: Maybe<Scalars['String']['output']>;
  /** Per-category outcome (restores). */
  categories: Array<RestoreCategoryCounts>;
  /** What it removed (or would remove) so far; final once it ends. */
  counts: DeletionCounts;
  /** When it was accepted. */
  createdAt: Scalars['DateTime']['output'];
  /** True when it only counts and changes nothing. */
  dryRun: Scalars['Boolean']['output'];
  /** Why it failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** True once the status is SUCCEEDED, FAILED or CANCELLED. */
  finished: Scalars['Boolean']['output'];
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The job id. */
  id: Scalars['ID']['output'];
  /** What the job does. */
  kind: JobKind;
  /** How far it is. */
  progress: JobProgress;
  /** When it started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it is. */
  status: JobStatus;
};

/** A page of jobs, newest first. */
export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One job, with its cursor. */
export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

/** What a job does. */
export type JobKind =
  /** Removal of every `TEST ` client with all its data. */
  | 'CLEANUP_TEST_CLIENTS'
  /** A backup of everything under the prefix. */
  | 'CREATE_BACKUP'
  /** Purge of expired tokens, leftovers and stale index entries. */
  | 'PURGE_EXPIRED'
  /** A rebuild of the derived indexes from the primary keys. */
  | 'RECONCILE_INDEXES'
  /** A restore from a backup file. */
  | 'RESTORE_BACKUP';

/** How far a job is. */
export type JobProgress = {
  __typename?: 'JobProgress';
  /** Keys removed or written so far (0 in a dry run). */
  deleted: Scalars['Int']['output'];
  /** Keys that matched (in a dry run: would be changed). */
  matched: Scalars['Int']['output'];
  /** What it is doing now (e.g. `access tokens`, `done`). */
  phase: Scalars['String']['output'];
  /** Keys looked at so far. */
  scanned: Scalars['Int']['output'];
  /** Keys to look at, when known in advance. */
  total?: Maybe<Scalars['Int']['output']>;
};

/** Where a job is in its life. */
export type JobStatus =
  /** Stopped at a safe point on request. */
  | 'CANCELLED'
  /** Stopped by an error; `error` says why. What was done before stays done. */
  | 'FAILED'
  /** Working. */
  | 'RUNNING'
  /** Finished; `counts` is final. */
  | 'SUCCEEDED';

/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Asks a running job to stop at its next safe point (between batches). What it did so far stays done. */
  cancelJob: Job;
  /** Starts the removal of every test client (`TEST ` names) completely, as a cascade delete of each. The dry run is open to the viewer token. */
  cleanupTestClients: Job;
  /** Backs up every key under the OAuth and session prefixes (corrupt ones too, byte for byte) to a new file in BACKUP_DIR, encrypted when BACKUP_ENCRYPTION_KEY is set. Runs as a job (progress on `jobs`) and returns when the file is complete. */
  createBackup: Backup;
  /** Deletes every client registration (with `cascade`, each one's data too). Two-step: call without `confirmToken` for the plan, then again with it. */
  deleteAllClients: DeleteResult;
  /** Deletes every access token, every refresh token (one left behind could mint new access) and every user index. Two-step: call without `confirmToken` for the plan, then again with it. */
  deleteAllTokens: DeleteResult;
  /** Deletes a client registration. With `cascade`, also every access token, refresh token, code and state of the client, and the deleted tokens' jtis from their users' indexes. NOT_FOUND when the client does not exist. */
  deleteClient: DeleteResult;
  /** Revokes one access token: deletes its key and its jti from the user's index. NOT_FOUND when it does not exist. */
  deleteToken: DeleteResult;
  /** Logs a user out everywhere: deletes their access tokens, refresh tokens and unredeemed authorization codes, and their token index. NOT_FOUND when the gateway knows nothing of the user. The dry run is open to the viewer token. */
  deleteUserTokens: DeleteResult;
  /** Starts a purge: EXPIRED access tokens (and their index entries), expired refresh tokens, states and codes without a TTL, stale index entries and index keys left empty. Never a client, an ACTIVE token, a valid refresh token, a corrupt record or a key outside the prefix. One maintenance job runs at a time (CONFLICT otherwise). The dry run is open to the viewer token. */
  purgeExpired: Job;
  /** Rebuilds the derived indexes from the primary keys (runs at start, whenever the chain of notifications broke, and on a schedule too). A dry run reports how many index entries would change. */
  reconcileIndexes: Job;
  /** Restores a backup (name null: the newest). The whole file is validated before anything is written; each key gets back its absolute expiry and expired entries are skipped. MERGE writes over existing keys and leaves others; REPLACE is two-step (see RestoreMode). One restore or other maintenance job at a time. The dry run is open to the viewer token. */
  restoreBackup: RestoreResult;
  /** Replaces the client's `client_secret` with a new random one (as the gateway makes them). Two-step. The gateway checks the secret only when a request sends one: see `effect` and semantics. */
  rotateClientSecret: ClientCredentialRotation;
  /** Replaces the client's RFC 7592 `registration_access_token` with a new random one (`reg-...`). Two-step. */
  rotateRegistrationAccessToken: ClientCredentialRotation;
  /** Sets when the client expires: `client_secret_expires_at` and the key's expiry together, to the same second (Redis then drops the registration, as it does at the end of `CLIENT_LIFETIME`). `expiresAt` must be in the future. */
  setClientExpiry: OAuthClient;
  /** Sets a client's RFC 7592 metadata in place, byte-compatible with the gateway (its `GET /register/{id}` returns the new values); the key's TTL is kept. Two-step when it removes a registered redirect URI. NOT_FOUND when the client does not exist, CONFLICT when its record is not in the gateway's format. */
  updateClient: ClientUpdateResult;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationCleanupTestClientsArgs = {
  dryRun: Scalars['Boolean']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationCreateBackupArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationDeleteAllClientsArgs = {
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationDeleteAllTokensArgs = {
  confirmToken?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationDeleteClientArgs = {
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  clientId: Scalars['String']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationDeleteTokenArgs = {
  jti: Scalars['String']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationDeleteUserTokensArgs = {
  dryRun: Scalars['Boolean']['input'];
  username: Scalars['String']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationPurgeExpiredArgs = {
  dryRun: Scalars['Boolean']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationReconcileIndexesArgs = {
  dryRun: Scalars['Boolean']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationRestoreBackupArgs = {
  allowUnencrypted?: InputMaybe<Scalars['Boolean']['input']>;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
  dryRun: Scalars['Boolean']['input'];
  mode?: InputMaybe<RestoreMode>;
  name?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationRotateClientSecretArgs = {
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationRotateRegistrationAccessTokenArgs = {
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationSetClientExpiryArgs = {
  clientId: Scalars['String']['input'];
  expiresAt: Scalars['DateTime']['input'];
};


/** Change the gateway's data. Admin token only; every executed mutation is audited. */
export type MutationUpdateClientArgs = {
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
  input: UpdateClientInput;
};

/** An object with a global id: pass it to `node(id:)` to fetch it again. */
export type Node = {
  id: Scalars['ID']['output'];
};

/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClient = Node & {
  __typename?: 'OAuthClient';
  /** Unredeemed codes issued for this client. */
  authCodes: AuthorizationCodeConnection;
  /** Pending authorizations started by this client, sorted by fingerprint. */
  authStates: AuthStateConnection;
  /** The client id (the key suffix). */
  clientId: Scalars['String']['output'];
  /** Name given at registration (`Unnamed Client` by default). */
  clientName?: Maybe<Scalars['String']['output']>;
  /** The client secret. Null for viewers: secrets are withheld from the viewer token. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** When the secret expires; null when it never does (`client_secret_expires_at` = 0). */
  clientSecretExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** RFC 7591 `client_uri`, when set by an RFC 7592 update. */
  clientUri?: Maybe<Scalars['String']['output']>;
  /** RFC 7591 `contacts`. */
  contacts?: Maybe<Array<Scalars['String']['output']>>;
  /** `client_id_issued_at` (or `created_at` on older records). */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Grant types (always authorization_code and refresh_token on this gateway). */
  grantTypes?: Maybe<Array<Scalars['String']['output']>>;
  id: Scalars['ID']['output'];
  /** True when the name starts with `TEST ` (case-sensitive, with the space): what test cleanup removes. */
  isTestClient: Scalars['Boolean']['output'];
  /** When Redis will drop the key (its TTL as a point in time); null when the key has no TTL. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** RFC 7591 `logo_uri`. */
  logoUri?: Maybe<Scalars['String']['output']>;
  /** Why the stored value could not be read (not JSON, not an object, wrong Redis type); null for a good record. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** RFC 7591 `policy_uri`. */
  policyUri?: Maybe<Scalars['String']['output']>;
  /** Registered redirect URIs (stored by the gateway as a JSON string; decoded here). */
  redirectUris?: Maybe<Array<Scalars['String']['output']>>;
  /** Refresh tokens issued to this client. */
  refreshTokens: RefreshTokenConnection;
  /** The RFC 7592 registration access token. Null for viewers. */
  registrationAccessToken?: Maybe<Scalars['String']['output']>;
  /** Response types. */
  responseTypes?: Maybe<Array<Scalars['String']['output']>>;
  /** Space-separated scopes the client registered. */
  scope?: Maybe<Scalars['String']['output']>;
  /** Access tokens issued to this client. */
  tokens: AccessTokenConnection;
  /** RFC 7591 `tos_uri`. */
  tosUri?: Maybe<Scalars['String']['output']>;
  /** Users holding access or refresh tokens of this client. */
  users: UserConnection;
};


/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClientAuthCodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClientAuthStatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClientRefreshTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TokenStatus>;
};


/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClientTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TokenStatus>;
};


/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClientUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of client registrations, with the total across all pages. */
export type OAuthClientConnection = {
  __typename?: 'OAuthClientConnection';
  edges: Array<OAuthClientEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of client registrations, with its cursor. */
export type OAuthClientEdge = {
  __typename?: 'OAuthClientEdge';
  cursor: Scalars['String']['output'];
  node: OAuthClient;
};

/** Counts over everything under the gateway's prefix, as the Statistics section of `docs/semantics.md` in the repository defines them. Computed from Redis on each request. */
export type OAuthStats = {
  __typename?: 'OAuthStats';
  /** Access tokens whose expiry is later than now (the seed box's "Active Tokens"). */
  activeTokens: Scalars['Int']['output'];
  /** Authorization code keys. */
  authCodes: Scalars['Int']['output'];
  /** Pending authorization (state) keys. */
  authStates: Scalars['Int']['output'];
  /** Client keys whose value does not parse. */
  corruptRegistrations: Scalars['Int']['output'];
  /** Access-token keys whose value does not parse (in neither active nor expired). */
  corruptTokens: Scalars['Int']['output'];
  /** Leftover refresh tokens: keys without a TTL whose created_at + REFRESH_TOKEN_LIFETIME has passed (purge removes them). A key with a TTL is never counted: the gateway honours it until Redis drops it. */
  expiredRefreshTokens: Scalars['Int']['output'];
  /** Access-token keys whose expiry has passed (the seed box's "Expired Tokens"). */
  expiredTokens: Scalars['Int']['output'];
  /** Code keys without a TTL (can never be used; purge removes them). */
  leftoverCodes: Scalars['Int']['output'];
  /** State keys without a TTL (can never be used; purge removes them). */
  leftoverStates: Scalars['Int']['output'];
  /** Access tokens whose client registration does not exist. */
  orphanTokens: Scalars['Int']['output'];
  /** Refresh-token keys. */
  refreshTokens: Scalars['Int']['output'];
  /** Client keys, corrupt ones included (the seed box's "Client Registrations"). */
  registrations: Scalars['Int']['output'];
  /** Jtis in user indexes whose token key no longer exists, summed over all indexes. */
  staleIndexEntries: Scalars['Int']['output'];
  /** Test clients (name starts with `TEST `). */
  testRegistrations: Scalars['Int']['output'];
  /** Distinct usernames across access tokens, refresh tokens and user indexes (the seed box's "User Count"). */
  userCount: Scalars['Int']['output'];
  /** `user_tokens` index keys. */
  userIndexes: Scalars['Int']['output'];
  /** Distinct usernames holding at least one ACTIVE access token. */
  usersWithActiveTokens: Scalars['Int']['output'];
};

/** Where a page sits: pass `endCursor` as `after` for the next one. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type Query = {
  __typename?: 'Query';
  /** The audit trail, newest first: mutations (the last 10,000 kept) and, kept apart so they cannot push those out, refused accesses (the last 10,000; repeats from one caller aggregated per window, see `attempts`). */
  auditLog: AuditEntryConnection;
  /** Unredeemed authorization codes, sorted by fingerprint. */
  authCodes: AuthorizationCodeConnection;
  /** Pending authorizations (CSRF states), sorted by fingerprint. */
  authStates: AuthStateConnection;
  /** One backup by file name; null when there is no such file. A name that is not a plain file name in BACKUP_DIR is refused. */
  backup?: Maybe<Backup>;
  /** The backup files in BACKUP_DIR, newest first. Corrupt files are listed too, with `parseError`. */
  backups: BackupConnection;
  /** One client by id; null when it does not exist. */
  client?: Maybe<OAuthClient>;
  /** What `deleteClient(cascade: true)` would remove; null when the client does not exist. Changes nothing. */
  clientDeletionPreview?: Maybe<ClientDeletionPreview>;
  /** Every client registration, sorted by client id, corrupt ones included. */
  clients: OAuthClientConnection;
  /** State of the derived indexes, as this service process sees them. */
  indexStatus: IndexStatus;
  /** Checks a bearer token as the gateway's /verify does: signature (RS256 or HS256 key from the configuration), issuer `https://auth.{BASE_DOMAIN}`, expiry, and that its Redis record still exists. */
  inspectToken: TokenInspection;
  /** One job by id; null when unknown or older than the retention (7 days). */
  job?: Maybe<Job>;
  /** Recent jobs, newest first. */
  jobs: JobConnection;
  /** Any object by its global id; null when it no longer exists. */
  node?: Maybe<Node>;
  /** Several objects by global id, in the order asked. */
  nodes: Array<Maybe<Node>>;
  /** Refresh tokens, sorted by fingerprint. */
  refreshTokens: RefreshTokenConnection;
  /** Statistics of the whole store. */
  stats: OAuthStats;
  /** One access token by jti; null when it does not exist (revoked, purged or expired out of Redis). */
  token?: Maybe<AccessToken>;
  /** Access tokens, corrupt ones included (unless a filter excludes them). Sorted by jti with a client or user filter; else in the order the indexes page in (a hash of the jti, then the jti), so each page reads only its own tokens. */
  tokens: AccessTokenConnection;
  /** One user by username; null when no token, refresh token or index mentions it. */
  user?: Maybe<User>;
  /** Every known user, sorted by username. */
  users: UserConnection;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryAuthCodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  username?: InputMaybe<Scalars['String']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryAuthStatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  clientId?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryBackupArgs = {
  name: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryBackupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryClientArgs = {
  clientId: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryClientDeletionPreviewArgs = {
  clientId: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryInspectTokenArgs = {
  token: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryRefreshTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RefreshTokenFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryTokenArgs = {
  jti: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TokenFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryUserArgs = {
  username: Scalars['String']['input'];
};


/** Read the gateway's OAuth data: clients, tokens, users and flows, as linked types. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A refresh-token record at `oauth:refresh:{token}`. The key is the secret itself, so listings name it by `fingerprint`; the value is admin-only. */
export type RefreshToken = {
  __typename?: 'RefreshToken';
  /** The client; null when it is gone. */
  client?: Maybe<OAuthClient>;
  /** The client it was issued to. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** `created_at`. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** `created_at` + REFRESH_TOKEN_LIFETIME: the lifetime the gateway meant. The gateway honours the token for as long as its key exists, so a key with a TTL stays valid past this time (`outlivesLifetime`); a key without a TTL is a leftover from then on. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A stable, non-secret handle (SHA-256 of the token, base64url, 22 characters). */
  fingerprint: Scalars['String']['output'];
  /** When Redis will drop the key; null without a TTL. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when `expiresAt` has passed but the key still has a TTL: the gateway keeps accepting it until Redis drops the key (its REFRESH_TOKEN_LIFETIME differs from ours, clocks differ, or a restore stretched the TTL). Never purged. */
  outlivesLifetime: Scalars['Boolean']['output'];
  /** Why the stored value could not be read. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** RFC 8707 resources (newer gateway versions). */
  resources?: Maybe<Array<Scalars['String']['output']>>;
  /** Granted scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** ACTIVE while the gateway would accept it: its key has a TTL (Redis drops it in time), or `expiresAt` is still ahead. EXPIRED only for a leftover: no TTL and `expiresAt` passed (purge removes those, and `stats.expiredRefreshTokens` counts them). Null for a corrupt record. */
  status?: Maybe<TokenStatus>;
  /** The refresh token itself. Null for viewers. */
  token?: Maybe<Scalars['String']['output']>;
  /** The user. */
  user?: Maybe<User>;
  /** `user_id` (the GitHub numeric id). */
  userId?: Maybe<Scalars['String']['output']>;
  /** The user it was issued to. */
  username?: Maybe<Scalars['String']['output']>;
};

/** A page of refresh tokens, with the total across all pages. */
export type RefreshTokenConnection = {
  __typename?: 'RefreshTokenConnection';
  edges: Array<RefreshTokenEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of refresh tokens, with its cursor. */
export type RefreshTokenEdge = {
  __typename?: 'RefreshTokenEdge';
  cursor: Scalars['String']['output'];
  node: RefreshToken;
};

/** Narrows a refresh-token listing. */
export type RefreshTokenFilter = {
  /** Refresh tokens of this client. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** ACTIVE (the gateway would accept it) or EXPIRED (a leftover: no TTL, past created_at + REFRESH_TOKEN_LIFETIME), as `RefreshToken.status`. */
  status?: InputMaybe<TokenStatus>;
  /** Refresh tokens of this user. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** A restore's outcome for one backup category. */
export type RestoreCategoryCounts = {
  __typename?: 'RestoreCategoryCounts';
  /** registrations, tokens, refresh_tokens, user_tokens, states, codes or sessions. */
  category: Scalars['String']['output'];
  /** Keys written over a different value. */
  overwritten: Scalars['Int']['output'];
  /** Keys written that did not exist. */
  restored: Scalars['Int']['output'];
  /** Entries whose absolute expiry had passed: not restored. */
  skippedExpired: Scalars['Int']['output'];
  /** Keys that already held the same value. */
  unchanged: Scalars['Int']['output'];
};

/** How a restore treats what is already in the store. */
export type RestoreMode =
  /** Write the backup's keys over what is there; leave every other key alone. */
  | 'MERGE'
  /** Two-step. Writes a safety backup of the current data, deletes every key under the OAuth and session prefixes, then writes the backup: afterwards the keys under the prefixes are exactly the backup's (minus expired ones). Keys outside the prefixes are untouched. */
  | 'REPLACE';

/** The outcome of `restoreBackup`. For REPLACE without `confirmToken`, `executed` is false, `job` is the plan (a dry run: per-category counts, and in `counts` the keys that would be deleted first) and `confirmToken` must be sent back (same backup, within 5 minutes) to run it. */
export type RestoreResult = {
  __typename?: 'RestoreResult';
  /** The backup restored (or planned, or dry-run). */
  backup: Backup;
  /** Single-use token that confirms a REPLACE plan. */
  confirmToken?: Maybe<Scalars['String']['output']>;
  /** Whether the restore writes (false for a dry run or a plan). */
  executed: Scalars['Boolean']['output'];
  /** The restore job: per-category restored / overwritten / unchanged / skippedExpired in `categories`. Returned once the file is fully validated; follow it with `job(id)` or `jobProgress` if still running. */
  job?: Maybe<Job>;
  /** REPLACE: the backup of the data as it was, written before anything was deleted. */
  safetyBackup?: Maybe<Backup>;
};

/** Live updates over Server-Sent Events. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The gateway's writes as they happen: client registrations, access and refresh tokens, codes (a refresh grant's read of its refresh token is not seen; its new access token is). Starts with WATCHING; a subscriber that reads too slowly gets LAGGED with the number it missed. Ends with the service. */
  gatewayEvents: GatewayEvent;
  /** A job's current state at once (so a late subscriber still sees a finished job), then every update, a few per second at most; ends after the final status. */
  jobProgress: Job;
};


/** Live updates over Server-Sent Events. */
export type SubscriptionGatewayEventsArgs = {
  filter?: InputMaybe<GatewayEventFilter>;
};


/** Live updates over Server-Sent Events. */
export type SubscriptionJobProgressArgs = {
  id: Scalars['ID']['input'];
};

/** Narrows a token listing; all given conditions must hold. */
export type TokenFilter = {
  /** Tokens of this client. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** ACTIVE or EXPIRED. */
  status?: InputMaybe<TokenStatus>;
  /** Tokens of this user. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** The verdict on a bearer token. Claims are shown only as far as they could be read; the token itself is never echoed. */
export type TokenInspection = {
  __typename?: 'TokenInspection';
  /** The `client_id` claim. */
  clientId?: Maybe<Scalars['String']['output']>;
  /** `exp`. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** `iat`. */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The `iss` claim. */
  issuer?: Maybe<Scalars['String']['output']>;
  /** The `jti` claim. */
  jti?: Maybe<Scalars['String']['output']>;
  /** Why, in a sentence. */
  reason: Scalars['String']['output'];
  /** The stored record behind the token, when it exists. */
  record?: Maybe<AccessToken>;
  /** Seconds until `exp` (negative once expired). */
  secondsLeft?: Maybe<Scalars['Int']['output']>;
  /** The `sub` claim. */
  subject?: Maybe<Scalars['String']['output']>;
  /** The `username` claim. */
  username?: Maybe<Scalars['String']['output']>;
  /** The verdict. */
  verdict: TokenVerdict;
};

/** How an access-token record is stored. */
export type TokenRecordFormat =
  /** The gateway's JSON record (claims plus created_at and expires_at). */
  | 'JSON'
  /** A compact JWT stored as the value (manual writes; the gateway never does this). */
  | 'JWT';

/** ACTIVE while the expiry is later than now; EXPIRED once it is not (even if the key is still in Redis). */
export type TokenStatus =
  /** Expiry is in the future. */
  | 'ACTIVE'
  /** Expiry has passed. */
  | 'EXPIRED';

/** What the gateway would make of a bearer token. */
export type TokenVerdict =
  /** Genuine, but `exp` has passed. */
  | 'EXPIRED'
  /** The signature does not verify with the configured key (or `alg` is wrong or `none`). */
  | 'FORGED'
  /** Not a JWT, or missing/invalid claims (issuer, exp, jti). */
  | 'MALFORMED'
  /** The service has no verification key configured (JWT_PRIVATE_KEY_B64 or GATEWAY_JWT_SECRET). */
  | 'NO_KEY'
  /** Genuine and unexpired, but `oauth:token:{jti}` is gone (revoked or purged). */
  | 'REVOKED'
  /** Signature, issuer and expiry check out and the Redis record exists. */
  | 'VALID';

/** RFC 7592 metadata to set on a client, named as `OAuthClient`'s fields. A field left out (or null) stays as it is; at least one is needed. Stored as the gateway's own `PUT /register/{id}` stores it (see semantics). */
export type UpdateClientInput = {
  /** `client_name` (1-512 characters). */
  clientName?: InputMaybe<Scalars['String']['input']>;
  /** `client_uri`. */
  clientUri?: InputMaybe<Scalars['String']['input']>;
  /** Replaces `contacts` (up to 20). */
  contacts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** `logo_uri`. */
  logoUri?: InputMaybe<Scalars['String']['input']>;
  /** `policy_uri`. */
  policyUri?: InputMaybe<Scalars['String']['input']>;
  /** Replaces `redirect_uris` (1-50 URIs, the gateway's rule: `http://` only for localhost, 127.0.0.1 or [::1]; any other URI needs a scheme). Removing a registered URI is two-step. */
  redirectUris?: InputMaybe<Array<Scalars['String']['input']>>;
  /** `scope`, space-separated. */
  scope?: InputMaybe<Scalars['String']['input']>;
  /** `tos_uri`. */
  tosUri?: InputMaybe<Scalars['String']['input']>;
};

/** A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`). */
export type User = Node & {
  __typename?: 'User';
  /** Unredeemed codes this user authorized. */
  authCodes: AuthorizationCodeConnection;
  /** Clients this user holds access or refresh tokens for (registered ones only). */
  clients: OAuthClientConnection;
  id: Scalars['ID']['output'];
  /** How many jtis the gateway's user token index holds (it is never pruned by the gateway). */
  indexedTokenCount: Scalars['Int']['output'];
  /** Refresh tokens issued to this user. */
  refreshTokens: RefreshTokenConnection;
  /** Jtis in the user's index whose token key no longer exists (purge removes them). */
  staleIndexEntries: Array<Scalars['String']['output']>;
  /** Access tokens issued to this user. */
  tokens: AccessTokenConnection;
  /** GitHub login. */
  username: Scalars['String']['output'];
};


/** A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`). */
export type UserAuthCodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`). */
export type UserClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`). */
export type UserRefreshTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TokenStatus>;
};


/** A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`). */
export type UserTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TokenStatus>;
};

/** A page of users, with the total across all pages. */
export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One of users, with its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

export type CliStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type CliStatsQuery = { __typename?: 'Query', stats: { __typename?: 'OAuthStats', registrations: number, corruptRegistrations: number, testRegistrations: number, activeTokens: number, expiredTokens: number, corruptTokens: number, refreshTokens: number, expiredRefreshTokens: number, authStates: number, authCodes: number, leftoverStates: number, leftoverCodes: number, userIndexes: number, staleIndexEntries: number, userCount: number, usersWithActiveTokens: number, orphanTokens: number } };

export type CliClientsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
  counts: Scalars['Boolean']['input'];
}>;


export type CliClientsQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, scope?: string | null, redirectUris?: Array<string> | null, createdAt?: string | null, isTestClient: boolean, parseError?: string | null, keyExpiresAt?: string | null, activeTokens?: { __typename?: 'AccessTokenConnection', totalCount: number } } }> } };

export type CliIndexReadyQueryVariables = Exact<{ [key: string]: never; }>;


export type CliIndexReadyQuery = { __typename?: 'Query', indexStatus: { __typename?: 'IndexStatus', ready: boolean } };

export type CliTokensQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TokenFilter>;
}>;


export type CliTokensQuery = { __typename?: 'Query', tokens: { __typename?: 'AccessTokenConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, username?: string | null, clientId?: string | null, scope?: string | null, issuedAt?: string | null, expiresAt?: string | null, status?: TokenStatus | null, keyExpiresAt?: string | null, parseError?: string | null, client?: { __typename?: 'OAuthClient', clientName?: string | null } | null } }> } };

export type CliDeleteResultFragment = { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } };

export type CliDeleteClientMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliDeleteClientMutation = { __typename?: 'Mutation', deleteClient: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type CliDeleteTokenMutationVariables = Exact<{
  jti: Scalars['String']['input'];
}>;


export type CliDeleteTokenMutation = { __typename?: 'Mutation', deleteToken: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type CliDeleteAllClientsMutationVariables = Exact<{
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliDeleteAllClientsMutation = { __typename?: 'Mutation', deleteAllClients: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type CliDeleteAllTokensMutationVariables = Exact<{
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliDeleteAllTokensMutation = { __typename?: 'Mutation', deleteAllTokens: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type CliDeleteUserTokensMutationVariables = Exact<{
  username: Scalars['String']['input'];
  dryRun: Scalars['Boolean']['input'];
}>;


export type CliDeleteUserTokensMutation = { __typename?: 'Mutation', deleteUserTokens: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type CliPurgeMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type CliPurgeMutation = { __typename?: 'Mutation', purgeExpired: { __typename?: 'Job', id: string, status: JobStatus } };

export type CliCleanupMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type CliCleanupMutation = { __typename?: 'Mutation', cleanupTestClients: { __typename?: 'Job', id: string, status: JobStatus } };

export type CliJobProgressSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CliJobProgressSubscription = { __typename?: 'Subscription', jobProgress: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, dryRun: boolean, error?: string | null, backupName?: string | null, progress: { __typename?: 'JobProgress', phase: string, scanned: number, total?: number | null, matched: number, deleted: number }, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number }, categories: Array<{ __typename?: 'RestoreCategoryCounts', category: string, restored: number, overwritten: number, unchanged: number, skippedExpired: number }> } };

export type CliInspectTokenQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type CliInspectTokenQuery = { __typename?: 'Query', inspectToken: { __typename?: 'TokenInspection', verdict: TokenVerdict, reason: string, jti?: string | null, username?: string | null, clientId?: string | null, issuer?: string | null, expiresAt?: string | null, secondsLeft?: number | null } };

export type CliCreateBackupMutationVariables = Exact<{
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliCreateBackupMutation = { __typename?: 'Mutation', createBackup: { __typename?: 'Backup', name: string, createdAt?: string | null, sizeBytes: number, encrypted: boolean, counts?: { __typename?: 'BackupCounts', registrations: number, tokens: number, refreshTokens: number, userTokens: number, states: number, codes: number, sessions: number, other: number, total: number } | null, unsupportedKeys?: { __typename?: 'BackupUnsupportedKeys', total: number, types: Array<string> } | null } };

export type CliRecentJobsQueryVariables = Exact<{ [key: string]: never; }>;


export type CliRecentJobsQuery = { __typename?: 'Query', jobs: { __typename?: 'JobConnection', edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, createdAt: string } }> } };

export type CliBackupsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliBackupsQuery = { __typename?: 'Query', backups: { __typename?: 'BackupConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'BackupEdge', node: { __typename?: 'Backup', name: string, createdAt?: string | null, sizeBytes: number, format?: BackupFormat | null, encrypted: boolean, parseError?: string | null, counts?: { __typename?: 'BackupCounts', registrations: number, tokens: number, refreshTokens: number, userTokens: number, states: number, codes: number, sessions: number, total: number } | null } }> } };

export type CliBackupViewQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type CliBackupViewQuery = { __typename?: 'Query', backup?: { __typename?: 'Backup', name: string, createdAt?: string | null, sizeBytes: number, format?: BackupFormat | null, encrypted: boolean, redisVersion?: string | null, note?: string | null, parseError?: string | null, counts?: { __typename?: 'BackupCounts', registrations: number, tokens: number, refreshTokens: number, userTokens: number, states: number, codes: number, sessions: number, other: number, total: number } | null, unsupportedKeys?: { __typename?: 'BackupUnsupportedKeys', total: number, types: Array<string> } | null, clients: { __typename?: 'BackupClientConnection', totalCount: number, edges: Array<{ __typename?: 'BackupClientEdge', node: { __typename?: 'BackupClient', clientId: string, clientName?: string | null, scope?: string | null, redirectUris?: Array<string> | null, createdAt?: string | null, isTestClient: boolean, keyExpiresAt?: string | null, parseError?: string | null } }> }, tokens: { __typename?: 'BackupTokenConnection', totalCount: number, edges: Array<{ __typename?: 'BackupTokenEdge', node: { __typename?: 'BackupToken', jti: string, username?: string | null, clientId?: string | null, scope?: string | null, issuedAt?: string | null, expiresAt?: string | null, status?: TokenStatus | null, keyExpiresAt?: string | null, parseError?: string | null } }> }, users: { __typename?: 'BackupUserConnection', totalCount: number, edges: Array<{ __typename?: 'BackupUserEdge', node: { __typename?: 'BackupUser', username: string, tokenCount: number, refreshTokenCount: number, indexedTokenCount: number } }> } } | null };

export type CliRestoreMutationVariables = Exact<{
  name?: InputMaybe<Scalars['String']['input']>;
  mode?: InputMaybe<RestoreMode>;
  dryRun: Scalars['Boolean']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
  allowUnencrypted?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type CliRestoreMutation = { __typename?: 'Mutation', restoreBackup: { __typename?: 'RestoreResult', executed: boolean, confirmToken?: string | null, backup: { __typename?: 'Backup', name: string, createdAt?: string | null }, safetyBackup?: { __typename?: 'Backup', name: string } | null, job?: { __typename?: 'Job', id: string, status: JobStatus, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number }, categories: Array<{ __typename?: 'RestoreCategoryCounts', category: string, restored: number, overwritten: number, unchanged: number, skippedExpired: number }> } | null } };

export type CliUpdateClientMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  input: UpdateClientInput;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliUpdateClientMutation = { __typename?: 'Mutation', updateClient: { __typename?: 'ClientUpdateResult', clientId: string, executed: boolean, confirmToken?: string | null, removedRedirectUris: Array<string>, client: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, scope?: string | null, redirectUris?: Array<string> | null, clientUri?: string | null, logoUri?: string | null, tosUri?: string | null, policyUri?: string | null, contacts?: Array<string> | null, keyExpiresAt?: string | null } } };

export type CliRotateClientSecretMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliRotateClientSecretMutation = { __typename?: 'Mutation', rotateClientSecret: { __typename?: 'ClientCredentialRotation', clientId: string, executed: boolean, confirmToken?: string | null, newValue?: string | null, effect: string } };

export type CliRotateRegistrationTokenMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type CliRotateRegistrationTokenMutation = { __typename?: 'Mutation', rotateRegistrationAccessToken: { __typename?: 'ClientCredentialRotation', clientId: string, executed: boolean, confirmToken?: string | null, newValue?: string | null, effect: string } };

export type CliGatewayEventsSubscriptionVariables = Exact<{
  filter?: InputMaybe<GatewayEventFilter>;
}>;


export type CliGatewayEventsSubscription = { __typename?: 'Subscription', gatewayEvents: { __typename?: 'GatewayEvent', kind: GatewayEventKind, at: string, clientId?: string | null, username?: string | null, jti?: string | null, fingerprint?: string | null, expiresAt?: string | null, missed?: number | null, detail?: string | null } };

export type RestoreRunMutationVariables = Exact<{
  name?: InputMaybe<Scalars['String']['input']>;
  mode?: InputMaybe<RestoreMode>;
  dryRun: Scalars['Boolean']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type RestoreRunMutation = { __typename?: 'Mutation', restoreBackup: { __typename?: 'RestoreResult', executed: boolean, confirmToken?: string | null, backup: { __typename?: 'Backup', name: string, format?: BackupFormat | null }, safetyBackup?: { __typename?: 'Backup', name: string, note?: string | null } | null, job?: { __typename?: 'Job', id: string, status: JobStatus, dryRun: boolean, error?: string | null, backupName?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexes: number }, categories: Array<{ __typename?: 'RestoreCategoryCounts', category: string, restored: number, overwritten: number, unchanged: number, skippedExpired: number }> } | null } };

export type BackupListQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackupListQuery = { __typename?: 'Query', backups: { __typename?: 'BackupConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'BackupEdge', node: { __typename?: 'Backup', name: string, parseError?: string | null, format?: BackupFormat | null, encrypted: boolean, createdAt?: string | null, counts?: { __typename?: 'BackupCounts', total: number } | null } }> } };

export type BackupDetailQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type BackupDetailQuery = { __typename?: 'Query', backup?: { __typename?: 'Backup', name: string, parseError?: string | null, format?: BackupFormat | null, encrypted: boolean, counts?: { __typename?: 'BackupCounts', registrations: number, tokens: number, total: number } | null, clients: { __typename?: 'BackupClientConnection', totalCount: number, edges: Array<{ __typename?: 'BackupClientEdge', node: { __typename?: 'BackupClient', clientId: string, clientName?: string | null, clientSecret?: string | null, registrationAccessToken?: string | null, isTestClient: boolean, keyExpiresAt?: string | null, parseError?: string | null } }> }, tokens: { __typename?: 'BackupTokenConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'BackupTokenEdge', node: { __typename?: 'BackupToken', jti: string, username?: string | null, clientId?: string | null, status?: TokenStatus | null, keyExpiresAt?: string | null, parseError?: string | null } }> }, users: { __typename?: 'BackupUserConnection', totalCount: number, edges: Array<{ __typename?: 'BackupUserEdge', node: { __typename?: 'BackupUser', username: string, tokenCount: number, refreshTokenCount: number, indexedTokenCount: number } }> } } | null };

export type BackupTokensAfterQueryVariables = Exact<{
  name: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackupTokensAfterQuery = { __typename?: 'Query', backup?: { __typename?: 'Backup', tokens: { __typename?: 'BackupTokenConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'BackupTokenEdge', node: { __typename?: 'BackupToken', jti: string } }> } } | null };

export type BackupDiffQueryVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type BackupDiffQuery = { __typename?: 'Query', backup?: { __typename?: 'Backup', diff: { __typename?: 'BackupDiff', truncated: boolean, categories: Array<{ __typename?: 'BackupDiffCategory', category: string, onlyInBackup: number, onlyInStore: number, different: number, same: number, expiredInBackup: number }>, entries: Array<{ __typename?: 'BackupDiffEntry', category: string, status: BackupDiffStatus, name?: string | null, fingerprint: string }> } } | null };

export type BackupCreateSimpleMutationVariables = Exact<{ [key: string]: never; }>;


export type BackupCreateSimpleMutation = { __typename?: 'Mutation', createBackup: { __typename?: 'Backup', name: string, parseError?: string | null, encrypted: boolean } };

export type BackupCreateMutationVariables = Exact<{
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackupCreateMutation = { __typename?: 'Mutation', createBackup: { __typename?: 'Backup', name: string, createdAt?: string | null, sizeBytes: number, encrypted: boolean, format?: BackupFormat | null, note?: string | null, parseError?: string | null, sha256?: string | null, redisVersion?: string | null, counts?: { __typename?: 'BackupCounts', registrations: number, tokens: number, refreshTokens: number, userTokens: number, states: number, codes: number, sessions: number, other: number, total: number } | null } };

export type BackupRestoreMutationVariables = Exact<{
  name?: InputMaybe<Scalars['String']['input']>;
  mode?: InputMaybe<RestoreMode>;
  dryRun: Scalars['Boolean']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type BackupRestoreMutation = { __typename?: 'Mutation', restoreBackup: { __typename?: 'RestoreResult', executed: boolean, confirmToken?: string | null, backup: { __typename?: 'Backup', name: string }, safetyBackup?: { __typename?: 'Backup', name: string, note?: string | null } | null, job?: { __typename?: 'Job', id: string, status: JobStatus, dryRun: boolean, error?: string | null, backupName?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexes: number }, categories: Array<{ __typename?: 'RestoreCategoryCounts', category: string, restored: number, overwritten: number, unchanged: number, skippedExpired: number }> } | null } };

export type LifecycleUpdateClientMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  input: UpdateClientInput;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type LifecycleUpdateClientMutation = { __typename?: 'Mutation', updateClient: { __typename?: 'ClientUpdateResult', clientId: string, executed: boolean, confirmToken?: string | null, removedRedirectUris: Array<string>, client: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, redirectUris?: Array<string> | null, clientUri?: string | null, logoUri?: string | null, tosUri?: string | null, policyUri?: string | null, contacts?: Array<string> | null, scope?: string | null, isTestClient: boolean, keyExpiresAt?: string | null } } };

export type LifecycleRotateSecretMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type LifecycleRotateSecretMutation = { __typename?: 'Mutation', rotateClientSecret: { __typename?: 'ClientCredentialRotation', clientId: string, executed: boolean, confirmToken?: string | null, newValue?: string | null, effect: string } };

export type LifecycleRotateRegistrationTokenMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type LifecycleRotateRegistrationTokenMutation = { __typename?: 'Mutation', rotateRegistrationAccessToken: { __typename?: 'ClientCredentialRotation', clientId: string, executed: boolean, confirmToken?: string | null, newValue?: string | null, effect: string } };

export type LifecycleSetExpiryMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  expiresAt: Scalars['DateTime']['input'];
}>;


export type LifecycleSetExpiryMutation = { __typename?: 'Mutation', setClientExpiry: { __typename?: 'OAuthClient', clientId: string, clientSecretExpiresAt?: string | null, keyExpiresAt?: string | null } };

export type LifecycleReadersQueryVariables = Exact<{
  clientId: Scalars['String']['input'];
}>;


export type LifecycleReadersQuery = { __typename?: 'Query', client?: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, clientSecret?: string | null, registrationAccessToken?: string | null, redirectUris?: Array<string> | null, contacts?: Array<string> | null, clientUri?: string | null, scope?: string | null, isTestClient: boolean, parseError?: string | null } | null, clients: { __typename?: 'OAuthClientConnection', totalCount: number, edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, redirectUris?: Array<string> | null, parseError?: string | null } }> }, testClients: { __typename?: 'OAuthClientConnection', totalCount: number, edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string } }> }, stats: { __typename?: 'OAuthStats', registrations: number, corruptRegistrations: number, testRegistrations: number } };

export type LifecycleAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleAuditQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', edges: Array<{ __typename?: 'AuditEntryEdge', node: { __typename?: 'AuditEntry', action: string, actor: string, dryRun: boolean, outcome: string, target?: string | null, error?: string | null } }> } };

export type DeleteClientMutationVariables = Exact<{
  clientId: Scalars['String']['input'];
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type DeleteClientMutation = { __typename?: 'Mutation', deleteClient: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type DeleteTokenMutationVariables = Exact<{
  jti: Scalars['String']['input'];
}>;


export type DeleteTokenMutation = { __typename?: 'Mutation', deleteToken: { __typename?: 'DeleteResult', executed: boolean, counts: { __typename?: 'DeletionCounts', accessTokens: number, userIndexEntries: number, userIndexes: number } } };

export type DeleteAllClientsMutationVariables = Exact<{
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeleteAllClientsMutation = { __typename?: 'Mutation', deleteAllClients: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type DeleteAllTokensMutationVariables = Exact<{
  confirmToken?: InputMaybe<Scalars['String']['input']>;
}>;


export type DeleteAllTokensMutation = { __typename?: 'Mutation', deleteAllTokens: { __typename?: 'DeleteResult', executed: boolean, confirmToken?: string | null, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type DeleteUserTokensMutationVariables = Exact<{
  username: Scalars['String']['input'];
  dryRun: Scalars['Boolean']['input'];
}>;


export type DeleteUserTokensMutation = { __typename?: 'Mutation', deleteUserTokens: { __typename?: 'DeleteResult', executed: boolean, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } };

export type PurgeMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type PurgeMutation = { __typename?: 'Mutation', purgeExpired: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, dryRun: boolean } };

export type CleanupMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type CleanupMutation = { __typename?: 'Mutation', cleanupTestClients: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, dryRun: boolean } };

export type JobStateQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type JobStateQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, dryRun: boolean, error?: string | null, finished: boolean, progress: { __typename?: 'JobProgress', phase: string, scanned: number, total?: number | null, matched: number, deleted: number }, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } | null };

export type PreviewQueryVariables = Exact<{
  clientId: Scalars['String']['input'];
}>;


export type PreviewQuery = { __typename?: 'Query', clientDeletionPreview?: { __typename?: 'ClientDeletionPreview', clientId: string, sampleTokenJtis: Array<string>, sampleUsernames: Array<string>, counts: { __typename?: 'DeletionCounts', clients: number, accessTokens: number, refreshTokens: number, authCodes: number, authStates: number, userIndexEntries: number, userIndexes: number } } | null };

export type AuditQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AuditEntryEdge', node: { __typename?: 'AuditEntry', action: string, actor: string, dryRun: boolean, outcome: string, target?: string | null, jobId?: string | null, error?: string | null, counts?: { __typename?: 'DeletionCounts', clients: number, accessTokens: number } | null } }> } };

export type FaultStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type FaultStatsQuery = { __typename?: 'Query', stats: { __typename?: 'OAuthStats', registrations: number, activeTokens: number, expiredTokens: number } };

export type FaultPurgeMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type FaultPurgeMutation = { __typename?: 'Mutation', purgeExpired: { __typename?: 'Job', id: string, status: JobStatus } };

export type FaultJobQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FaultJobQuery = { __typename?: 'Query', job?: { __typename?: 'Job', id: string, status: JobStatus, error?: string | null, finished: boolean } | null };

export type HardeningAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type HardeningAuditQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', edges: Array<{ __typename?: 'AuditEntryEdge', node: { __typename?: 'AuditEntry', action: string, actor: string, outcome: string, target?: string | null, error?: string | null, dryRun: boolean } }> } };

export type HardeningClientsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type HardeningClientsPageQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', totalCount: number, edges: Array<{ __typename?: 'OAuthClientEdge', cursor: string, node: { __typename?: 'OAuthClient', clientId: string } }> } };

export type HardeningTokensPageQueryVariables = Exact<{
  last?: InputMaybe<Scalars['Int']['input']>;
}>;


export type HardeningTokensPageQuery = { __typename?: 'Query', tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string } }> } };

export type HardeningEverythingQueryVariables = Exact<{ [key: string]: never; }>;


export type HardeningEverythingQuery = { __typename?: 'Query', stats: { __typename?: 'OAuthStats', registrations: number, corruptRegistrations: number, activeTokens: number, expiredTokens: number, corruptTokens: number, refreshTokens: number, authStates: number, authCodes: number, userCount: number, usersWithActiveTokens: number, orphanTokens: number }, clients: { __typename?: 'OAuthClientConnection', totalCount: number, edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, clientSecret?: string | null, createdAt?: string | null, clientSecretExpiresAt?: string | null, redirectUris?: Array<string> | null, grantTypes?: Array<string> | null, contacts?: Array<string> | null, isTestClient: boolean, parseError?: string | null, keyExpiresAt?: string | null, tokens: { __typename?: 'AccessTokenConnection', totalCount: number } } }> }, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, username?: string | null, email?: string | null, name?: string | null, scope?: string | null, clientId?: string | null, issuedAt?: string | null, expiresAt?: string | null, expiresInSeconds?: number | null, status?: TokenStatus | null, format?: TokenRecordFormat | null, parseError?: string | null, keyExpiresAt?: string | null, client?: { __typename?: 'OAuthClient', clientId: string } | null, user?: { __typename?: 'User', username: string } | null } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', totalCount: number, edges: Array<{ __typename?: 'RefreshTokenEdge', node: { __typename?: 'RefreshToken', fingerprint: string, token?: string | null, clientId?: string | null, createdAt?: string | null, expiresAt?: string | null, status?: TokenStatus | null, resources?: Array<string> | null, parseError?: string | null, user?: { __typename?: 'User', username: string } | null } }> }, authCodes: { __typename?: 'AuthorizationCodeConnection', totalCount: number, edges: Array<{ __typename?: 'AuthorizationCodeEdge', node: { __typename?: 'AuthorizationCode', fingerprint: string, code?: string | null, clientId?: string | null, clientState?: string | null, isLeftover: boolean, hasCodeChallenge: boolean, parseError?: string | null, user?: { __typename?: 'User', username: string } | null } }> }, authStates: { __typename?: 'AuthStateConnection', totalCount: number, edges: Array<{ __typename?: 'AuthStateEdge', node: { __typename?: 'AuthState', state?: string | null, clientId?: string | null, redirectUri?: string | null, isLeftover: boolean, hasCodeChallenge: boolean, parseError?: string | null } }> }, users: { __typename?: 'UserConnection', totalCount: number, edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', username: string, indexedTokenCount: number, staleIndexEntries: Array<string>, tokens: { __typename?: 'AccessTokenConnection', totalCount: number } } }> } };

export type IndexedRelationsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndexedRelationsQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string } }> }, active: { __typename?: 'AccessTokenConnection', totalCount: number } } }> }, users: { __typename?: 'UserConnection', totalCount: number, edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', username: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string } }> } } }> } };

export type ReconcileIndexesMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type ReconcileIndexesMutation = { __typename?: 'Mutation', reconcileIndexes: { __typename?: 'Job', id: string, status: JobStatus } };

export type IndexStateQueryVariables = Exact<{ [key: string]: never; }>;


export type IndexStateQuery = { __typename?: 'Query', indexStatus: { __typename?: 'IndexStatus', ready: boolean, complete: boolean, notifications: boolean, leader: boolean, pending: number } };

export type StartPurgeMutationVariables = Exact<{
  dryRun: Scalars['Boolean']['input'];
}>;


export type StartPurgeMutation = { __typename?: 'Mutation', purgeExpired: { __typename?: 'Job', id: string, status: JobStatus } };

export type CancelJobMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type CancelJobMutation = { __typename?: 'Mutation', cancelJob: { __typename?: 'Job', id: string, status: JobStatus } };

export type RecentJobsQueryVariables = Exact<{ [key: string]: never; }>;


export type RecentJobsQuery = { __typename?: 'Query', jobs: { __typename?: 'JobConnection', totalCount: number, edges: Array<{ __typename?: 'JobEdge', node: { __typename?: 'Job', id: string, kind: JobKind, status: JobStatus, dryRun: boolean } }> } };

export type ListingTokenPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListingTokenPageQuery = { __typename?: 'Query', tokens: { __typename?: 'AccessTokenConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, status?: TokenStatus | null } }> } };

export type ListingTokensBeforeQueryVariables = Exact<{
  last?: InputMaybe<Scalars['Int']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListingTokensBeforeQuery = { __typename?: 'Query', tokens: { __typename?: 'AccessTokenConnection', edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string } }> } };

export type ListingClientCountsQueryVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ListingClientCountsQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, active: { __typename?: 'AccessTokenConnection', totalCount: number }, all: { __typename?: 'AccessTokenConnection', totalCount: number } } }> } };

export type StatsQueryVariables = Exact<{ [key: string]: never; }>;


export type StatsQuery = { __typename?: 'Query', stats: { __typename?: 'OAuthStats', registrations: number, corruptRegistrations: number, testRegistrations: number, activeTokens: number, expiredTokens: number, corruptTokens: number, refreshTokens: number, expiredRefreshTokens: number, authStates: number, authCodes: number, leftoverStates: number, leftoverCodes: number, userIndexes: number, staleIndexEntries: number, userCount: number, usersWithActiveTokens: number, orphanTokens: number } };

export type ClientsPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClientFilter>;
}>;


export type ClientsPageQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'OAuthClientEdge', cursor: string, node: { __typename?: 'OAuthClient', id: string, clientId: string, clientName?: string | null, clientSecret?: string | null, registrationAccessToken?: string | null, redirectUris?: Array<string> | null, createdAt?: string | null, isTestClient: boolean, parseError?: string | null } }> } };

export type TokensPageQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TokenFilter>;
}>;


export type TokensPageQuery = { __typename?: 'Query', tokens: { __typename?: 'AccessTokenConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, username?: string | null, clientId?: string | null, status?: TokenStatus | null, expiresAt?: string | null, issuedAt?: string | null, format?: TokenRecordFormat | null, parseError?: string | null, client?: { __typename?: 'OAuthClient', clientId: string } | null, user?: { __typename?: 'User', username: string } | null } }> } };

export type RelationsQueryVariables = Exact<{
  clientId: Scalars['String']['input'];
  username: Scalars['String']['input'];
  jti: Scalars['String']['input'];
}>;


export type RelationsQuery = { __typename?: 'Query', client?: { __typename?: 'OAuthClient', clientId: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string } }> }, active: { __typename?: 'AccessTokenConnection', totalCount: number }, refreshTokens: { __typename?: 'RefreshTokenConnection', totalCount: number, edges: Array<{ __typename?: 'RefreshTokenEdge', node: { __typename?: 'RefreshToken', fingerprint: string, token?: string | null, username?: string | null } }> }, users: { __typename?: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', username: string } }> }, authCodes: { __typename?: 'AuthorizationCodeConnection', totalCount: number }, authStates: { __typename?: 'AuthStateConnection', totalCount: number } } | null, user?: { __typename?: 'User', username: string, staleIndexEntries: Array<string>, indexedTokenCount: number, tokens: { __typename?: 'AccessTokenConnection', edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, clientId?: string | null } }> }, clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', totalCount: number } } | null, token?: { __typename?: 'AccessToken', jti: string, client?: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null } | null, user?: { __typename?: 'User', username: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number } } | null } | null };

export type MissingQueryVariables = Exact<{ [key: string]: never; }>;


export type MissingQuery = { __typename?: 'Query', client?: { __typename?: 'OAuthClient', clientId: string } | null, token?: { __typename?: 'AccessToken', jti: string } | null, user?: { __typename?: 'User', username: string } | null };

export type IdsQueryVariables = Exact<{
  clientId: Scalars['String']['input'];
  username: Scalars['String']['input'];
  jti: Scalars['String']['input'];
}>;


export type IdsQuery = { __typename?: 'Query', client?: { __typename?: 'OAuthClient', id: string } | null, user?: { __typename?: 'User', id: string } | null, token?: { __typename?: 'AccessToken', id: string } | null };

export type NodesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
}>;


export type NodesQuery = { __typename?: 'Query', node?:
    | { __typename?: 'AccessToken', jti: string, id: string, client?: { __typename?: 'OAuthClient', clientId: string } | null }
    | { __typename?: 'OAuthClient', id: string }
    | { __typename?: 'User', id: string }
   | null, nodes: Array<
    | { __typename: 'AccessToken', jti: string, id: string, owner?: string | null }
    | { __typename: 'OAuthClient', clientId: string, id: string }
    | { __typename: 'User', username: string, id: string }
   | null> };

export type SecretsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientSecret?: string | null, registrationAccessToken?: string | null } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', edges: Array<{ __typename?: 'RefreshTokenEdge', cursor: string, node: { __typename?: 'RefreshToken', fingerprint: string, token?: string | null } }> }, authCodes: { __typename?: 'AuthorizationCodeConnection', edges: Array<{ __typename?: 'AuthorizationCodeEdge', cursor: string, node: { __typename?: 'AuthorizationCode', fingerprint: string, code?: string | null } }> } };

export type NestedQueryVariables = Exact<{ [key: string]: never; }>;


export type NestedQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, keyExpiresAt?: string | null, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, status?: TokenStatus | null, client?: { __typename?: 'OAuthClient', clientName?: string | null } | null, user?: { __typename?: 'User', username: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number } } | null } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', totalCount: number }, users: { __typename?: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', username: string, clients: { __typename?: 'OAuthClientConnection', totalCount: number } } }> } } }> } };

export const CliDeleteResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteResultFragment, unknown>;
export const CliStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"corruptRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"testRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"activeTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredTokens"}},{"kind":"Field","name":{"kind":"Name","value":"corruptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredRefreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverStates"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithActiveTokens"}},{"kind":"Field","name":{"kind":"Name","value":"orphanTokens"}}]}}]}}]} as unknown as DocumentNode<CliStatsQuery, CliStatsQueryVariables>;
export const CliClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counts"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","alias":{"kind":"Name","value":"activeTokens"},"name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counts"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliClientsQuery, CliClientsQueryVariables>;
export const CliIndexReadyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliIndexReady"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indexStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}}]}}]} as unknown as DocumentNode<CliIndexReadyQuery, CliIndexReadyQueryVariables>;
export const CliTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TokenFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliTokensQuery, CliTokensQueryVariables>;
export const CliDeleteClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDeleteClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cascade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDeleteResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteClientMutation, CliDeleteClientMutationVariables>;
export const CliDeleteTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDeleteToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jti"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jti"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDeleteResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteTokenMutation, CliDeleteTokenMutationVariables>;
export const CliDeleteAllClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDeleteAllClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAllClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cascade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDeleteResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteAllClientsMutation, CliDeleteAllClientsMutationVariables>;
export const CliDeleteAllTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDeleteAllTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAllTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDeleteResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteAllTokensMutation, CliDeleteAllTokensMutationVariables>;
export const CliDeleteUserTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliDeleteUserTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDeleteResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDeleteResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]} as unknown as DocumentNode<CliDeleteUserTokensMutation, CliDeleteUserTokensMutationVariables>;
export const CliPurgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliPurge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeExpired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CliPurgeMutation, CliPurgeMutationVariables>;
export const CliCleanupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliCleanup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cleanupTestClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CliCleanupMutation, CliCleanupMutationVariables>;
export const CliJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"backupName"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"scanned"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"matched"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"overwritten"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skippedExpired"}}]}}]}}]}}]} as unknown as DocumentNode<CliJobProgressSubscription, CliJobProgressSubscriptionVariables>;
export const CliInspectTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliInspectToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"issuer"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"secondsLeft"}}]}}]}}]} as unknown as DocumentNode<CliInspectTokenQuery, CliInspectTokenQueryVariables>;
export const CliCreateBackupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliCreateBackup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"userTokens"}},{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unsupportedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}}]}}]}}]} as unknown as DocumentNode<CliCreateBackupMutation, CliCreateBackupMutationVariables>;
export const CliRecentJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliRecentJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliRecentJobsQuery, CliRecentJobsQueryVariables>;
export const CliBackupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliBackups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"userTokens"}},{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliBackupsQuery, CliBackupsQueryVariables>;
export const CliBackupViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliBackupView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"redisVersion"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"userTokens"}},{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unsupportedKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"types"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"indexedTokenCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliBackupViewQuery, CliBackupViewQueryVariables>;
export const CliRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreMode"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allowUnencrypted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}},{"kind":"Argument","name":{"kind":"Name","value":"allowUnencrypted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allowUnencrypted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"safetyBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"overwritten"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skippedExpired"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliRestoreMutation, CliRestoreMutationVariables>;
export const CliUpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliUpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"removedRedirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"clientUri"}},{"kind":"Field","name":{"kind":"Name","value":"logoUri"}},{"kind":"Field","name":{"kind":"Name","value":"tosUri"}},{"kind":"Field","name":{"kind":"Name","value":"policyUri"}},{"kind":"Field","name":{"kind":"Name","value":"contacts"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<CliUpdateClientMutation, CliUpdateClientMutationVariables>;
export const CliRotateClientSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRotateClientSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateClientSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<CliRotateClientSecretMutation, CliRotateClientSecretMutationVariables>;
export const CliRotateRegistrationTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliRotateRegistrationToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateRegistrationAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<CliRotateRegistrationTokenMutation, CliRotateRegistrationTokenMutationVariables>;
export const CliGatewayEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliGatewayEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GatewayEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gatewayEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"missed"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]} as unknown as DocumentNode<CliGatewayEventsSubscription, CliGatewayEventsSubscriptionVariables>;
export const RestoreRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreMode"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}},{"kind":"Field","name":{"kind":"Name","value":"safetyBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"backupName"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"overwritten"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skippedExpired"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RestoreRunMutation, RestoreRunMutationVariables>;
export const BackupListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackupList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupListQuery, BackupListQueryVariables>;
export const BackupDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackupDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"indexedTokenCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupDetailQuery, BackupDetailQueryVariables>;
export const BackupTokensAfterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackupTokensAfter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupTokensAfterQuery, BackupTokensAfterQueryVariables>;
export const BackupDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackupDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"onlyInBackup"}},{"kind":"Field","name":{"kind":"Name","value":"onlyInStore"}},{"kind":"Field","name":{"kind":"Name","value":"different"}},{"kind":"Field","name":{"kind":"Name","value":"same"}},{"kind":"Field","name":{"kind":"Name","value":"expiredInBackup"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupDiffQuery, BackupDiffQueryVariables>;
export const BackupCreateSimpleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupCreateSimple"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}}]}}]}}]} as unknown as DocumentNode<BackupCreateSimpleMutation, BackupCreateSimpleMutationVariables>;
export const BackupCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"encrypted"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"redisVersion"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"userTokens"}},{"kind":"Field","name":{"kind":"Name","value":"states"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<BackupCreateMutation, BackupCreateMutationVariables>;
export const BackupRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BackupRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreMode"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreBackup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"mode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mode"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"safetyBackup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"backupName"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"restored"}},{"kind":"Field","name":{"kind":"Name","value":"overwritten"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"skippedExpired"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BackupRestoreMutation, BackupRestoreMutationVariables>;
export const LifecycleUpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleUpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"removedRedirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"clientUri"}},{"kind":"Field","name":{"kind":"Name","value":"logoUri"}},{"kind":"Field","name":{"kind":"Name","value":"tosUri"}},{"kind":"Field","name":{"kind":"Name","value":"policyUri"}},{"kind":"Field","name":{"kind":"Name","value":"contacts"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleUpdateClientMutation, LifecycleUpdateClientMutationVariables>;
export const LifecycleRotateSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleRotateSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateClientSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<LifecycleRotateSecretMutation, LifecycleRotateSecretMutationVariables>;
export const LifecycleRotateRegistrationTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleRotateRegistrationToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateRegistrationAccessToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"newValue"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}}]}}]}}]} as unknown as DocumentNode<LifecycleRotateRegistrationTokenMutation, LifecycleRotateRegistrationTokenMutationVariables>;
export const LifecycleSetExpiryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleSetExpiry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setClientExpiry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"expiresAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresAt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}}]}}]}}]} as unknown as DocumentNode<LifecycleSetExpiryMutation, LifecycleSetExpiryMutationVariables>;
export const LifecycleReadersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleReaders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"contacts"}},{"kind":"Field","name":{"kind":"Name","value":"clientUri"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"testClients"},"name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"testOnly"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"corruptRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"testRegistrations"}}]}}]}}]} as unknown as DocumentNode<LifecycleReadersQuery, LifecycleReadersQueryVariables>;
export const LifecycleAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleAudit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleAuditQuery, LifecycleAuditQueryVariables>;
export const DeleteClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cascade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteClientMutation, DeleteClientMutationVariables>;
export const DeleteTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jti"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jti"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteTokenMutation, DeleteTokenMutationVariables>;
export const DeleteAllClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAllClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAllClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cascade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cascade"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteAllClientsMutation, DeleteAllClientsMutationVariables>;
export const DeleteAllTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAllTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAllTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"confirmToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"confirmToken"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteAllTokensMutation, DeleteAllTokensMutationVariables>;
export const DeleteUserTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUserTokens"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUserTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executed"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteUserTokensMutation, DeleteUserTokensMutationVariables>;
export const PurgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Purge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeExpired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}}]} as unknown as DocumentNode<PurgeMutation, PurgeMutationVariables>;
export const CleanupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Cleanup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cleanupTestClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}}]} as unknown as DocumentNode<CleanupMutation, CleanupMutationVariables>;
export const JobStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"scanned"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"matched"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<JobStateQuery, JobStateQueryVariables>;
export const PreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Preview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientDeletionPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"sampleTokenJtis"}},{"kind":"Field","name":{"kind":"Name","value":"sampleUsernames"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewQuery, PreviewQueryVariables>;
export const AuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Audit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokens"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditQuery, AuditQueryVariables>;
export const FaultStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"activeTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredTokens"}}]}}]}}]} as unknown as DocumentNode<FaultStatsQuery, FaultStatsQueryVariables>;
export const FaultPurgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultPurge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeExpired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<FaultPurgeMutation, FaultPurgeMutationVariables>;
export const FaultJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FaultJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"finished"}}]}}]}}]} as unknown as DocumentNode<FaultJobQuery, FaultJobQueryVariables>;
export const HardeningAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HardeningAudit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HardeningAuditQuery, HardeningAuditQueryVariables>;
export const HardeningClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HardeningClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HardeningClientsPageQuery, HardeningClientsPageQueryVariables>;
export const HardeningTokensPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HardeningTokensPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HardeningTokensPageQuery, HardeningTokensPageQueryVariables>;
export const HardeningEverythingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HardeningEverything"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"corruptRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"activeTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredTokens"}},{"kind":"Field","name":{"kind":"Name","value":"corruptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithActiveTokens"}},{"kind":"Field","name":{"kind":"Name","value":"orphanTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecretExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"grantTypes"}},{"kind":"Field","name":{"kind":"Name","value":"contacts"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresInSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"resources"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientState"}},{"kind":"Field","name":{"kind":"Name","value":"isLeftover"}},{"kind":"Field","name":{"kind":"Name","value":"hasCodeChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authStates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUri"}},{"kind":"Field","name":{"kind":"Name","value":"isLeftover"}},{"kind":"Field","name":{"kind":"Name","value":"hasCodeChallenge"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"indexedTokenCount"}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HardeningEverythingQuery, HardeningEverythingQueryVariables>;
export const IndexedRelationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndexedRelations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"active"},"name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IndexedRelationsQuery, IndexedRelationsQueryVariables>;
export const ReconcileIndexesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReconcileIndexes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconcileIndexes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReconcileIndexesMutation, ReconcileIndexesMutationVariables>;
export const IndexStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndexState"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indexStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"}},{"kind":"Field","name":{"kind":"Name","value":"leader"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}}]} as unknown as DocumentNode<IndexStateQuery, IndexStateQueryVariables>;
export const StartPurgeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPurge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purgeExpired"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<StartPurgeMutation, StartPurgeMutationVariables>;
export const CancelJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelJobMutation, CancelJobMutationVariables>;
export const RecentJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecentJobsQuery, RecentJobsQueryVariables>;
export const ListingTokenPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingTokenPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingTokenPageQuery, ListingTokenPageQueryVariables>;
export const ListingTokensBeforeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingTokensBefore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingTokensBeforeQuery, ListingTokensBeforeQueryVariables>;
export const ListingClientCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListingClientCounts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","alias":{"kind":"Name","value":"active"},"name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListingClientCountsQuery, ListingClientCountsQueryVariables>;
export const StatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"corruptRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"testRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"activeTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredTokens"}},{"kind":"Field","name":{"kind":"Name","value":"corruptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredRefreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverStates"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithActiveTokens"}},{"kind":"Field","name":{"kind":"Name","value":"orphanTokens"}}]}}]}}]} as unknown as DocumentNode<StatsQuery, StatsQueryVariables>;
export const ClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientsPageQuery, ClientsPageQueryVariables>;
export const TokensPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokensPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TokenFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokensPageQuery, TokensPageQueryVariables>;
export const RelationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Relations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jti"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"active"},"name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authStates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"indexedTokenCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jti"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RelationsQuery, RelationsQueryVariables>;
export const MissingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"StringValue","value":"client_nope","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"StringValue","value":"nope","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"StringValue","value":"nobody","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<MissingQuery, MissingQueryVariables>;
export const IdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Ids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jti"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jti"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<IdsQuery, IdsQueryVariables>;
export const NodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nodes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OAuthClient"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccessToken"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","alias":{"kind":"Name","value":"owner"},"name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<NodesQuery, NodesQueryVariables>;
export const SecretsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Secrets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SecretsQuery, SecretsQueryVariables>;
export const NestedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nested"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedQuery, NestedQueryVariables>;