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

export type AccessTokenConnection = {
  __typename?: 'AccessTokenConnection';
  edges: Array<AccessTokenEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AccessTokenEdge = {
  __typename?: 'AccessTokenEdge';
  cursor: Scalars['String']['output'];
  node: AccessToken;
};

/** A pending authorization (CSRF state) at `oauth:state:{state}`: created by /authorize, consumed by /callback, TTL 300 s. */
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
  /** The server-side state (the key suffix). */
  state: Scalars['String']['output'];
};

export type AuthStateConnection = {
  __typename?: 'AuthStateConnection';
  edges: Array<AuthStateEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

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

export type AuthorizationCodeConnection = {
  __typename?: 'AuthorizationCodeConnection';
  edges: Array<AuthorizationCodeEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AuthorizationCodeEdge = {
  __typename?: 'AuthorizationCodeEdge';
  cursor: Scalars['String']['output'];
  node: AuthorizationCode;
};

/** Narrows a client listing. */
export type ClientFilter = {
  /** Case-insensitive substring of the client name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** true: only test clients (`TEST ` names); false: only the others. */
  testOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Node = {
  id: Scalars['ID']['output'];
};

/** An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null. */
export type OAuthClient = Node & {
  __typename?: 'OAuthClient';
  /** Unredeemed codes issued for this client. */
  authCodes: AuthorizationCodeConnection;
  /** Pending authorizations started by this client. */
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

export type OAuthClientConnection = {
  __typename?: 'OAuthClientConnection';
  edges: Array<OAuthClientEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type OAuthClientEdge = {
  __typename?: 'OAuthClientEdge';
  cursor: Scalars['String']['output'];
  node: OAuthClient;
};

/** Counts over everything under the gateway's prefix, as semantics.md defines them. Computed from Redis on each request. */
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
  /** Refresh tokens whose created_at + REFRESH_TOKEN_LIFETIME has passed. */
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
  /** Unredeemed authorization codes, sorted by fingerprint. */
  authCodes: AuthorizationCodeConnection;
  /** Pending authorizations (CSRF states), sorted by state. */
  authStates: AuthStateConnection;
  /** One client by id; null when it does not exist. */
  client?: Maybe<OAuthClient>;
  /** Every client registration, sorted by client id, corrupt ones included. */
  clients: OAuthClientConnection;
  node?: Maybe<Node>;
  nodes: Array<Maybe<Node>>;
  /** Refresh tokens, sorted by fingerprint. */
  refreshTokens: RefreshTokenConnection;
  /** Statistics of the whole store. */
  stats: OAuthStats;
  /** One access token by jti; null when it does not exist (revoked, purged or expired out of Redis). */
  token?: Maybe<AccessToken>;
  /** Access tokens, sorted by jti, corrupt ones included (unless a filter excludes them). */
  tokens: AccessTokenConnection;
  /** One user by username; null when no token, refresh token or index mentions it. */
  user?: Maybe<User>;
  /** Every known user, sorted by username. */
  users: UserConnection;
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
export type QueryClientArgs = {
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
  /** `created_at` + REFRESH_TOKEN_LIFETIME: when it stops being valid, whatever the key's TTL. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** A stable, non-secret handle (SHA-256 of the token, base64url, 22 characters). */
  fingerprint: Scalars['String']['output'];
  /** When Redis will drop the key; null without a TTL. */
  keyExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the stored value could not be read. */
  parseError?: Maybe<Scalars['String']['output']>;
  /** RFC 8707 resources (newer gateway versions). */
  resources?: Maybe<Array<Scalars['String']['output']>>;
  /** Granted scopes. */
  scope?: Maybe<Scalars['String']['output']>;
  /** By `expiresAt`; null for a corrupt record. */
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

export type RefreshTokenConnection = {
  __typename?: 'RefreshTokenConnection';
  edges: Array<RefreshTokenEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type RefreshTokenEdge = {
  __typename?: 'RefreshTokenEdge';
  cursor: Scalars['String']['output'];
  node: RefreshToken;
};

/** Narrows a refresh-token listing. */
export type RefreshTokenFilter = {
  /** Refresh tokens of this client. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** ACTIVE or EXPIRED (by created_at + REFRESH_TOKEN_LIFETIME). */
  status?: InputMaybe<TokenStatus>;
  /** Refresh tokens of this user. */
  username?: InputMaybe<Scalars['String']['input']>;
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

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  /** How many records match, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

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

export type SecretsQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientSecret?: string | null, registrationAccessToken?: string | null } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', edges: Array<{ __typename?: 'RefreshTokenEdge', cursor: string, node: { __typename?: 'RefreshToken', fingerprint: string, token?: string | null } }> }, authCodes: { __typename?: 'AuthorizationCodeConnection', edges: Array<{ __typename?: 'AuthorizationCodeEdge', cursor: string, node: { __typename?: 'AuthorizationCode', fingerprint: string, code?: string | null } }> } };

export type NestedQueryVariables = Exact<{ [key: string]: never; }>;


export type NestedQuery = { __typename?: 'Query', clients: { __typename?: 'OAuthClientConnection', edges: Array<{ __typename?: 'OAuthClientEdge', node: { __typename?: 'OAuthClient', clientId: string, clientName?: string | null, keyExpiresAt?: string | null, tokens: { __typename?: 'AccessTokenConnection', totalCount: number, edges: Array<{ __typename?: 'AccessTokenEdge', node: { __typename?: 'AccessToken', jti: string, status?: TokenStatus | null, client?: { __typename?: 'OAuthClient', clientName?: string | null } | null, user?: { __typename?: 'User', username: string, tokens: { __typename?: 'AccessTokenConnection', totalCount: number } } | null } }> }, refreshTokens: { __typename?: 'RefreshTokenConnection', totalCount: number }, users: { __typename?: 'UserConnection', edges: Array<{ __typename?: 'UserEdge', node: { __typename?: 'User', username: string, clients: { __typename?: 'OAuthClientConnection', totalCount: number } } }> } } }> } };


export const StatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrations"}},{"kind":"Field","name":{"kind":"Name","value":"corruptRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"testRegistrations"}},{"kind":"Field","name":{"kind":"Name","value":"activeTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredTokens"}},{"kind":"Field","name":{"kind":"Name","value":"corruptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"expiredRefreshTokens"}},{"kind":"Field","name":{"kind":"Name","value":"authStates"}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverStates"}},{"kind":"Field","name":{"kind":"Name","value":"leftoverCodes"}},{"kind":"Field","name":{"kind":"Name","value":"userIndexes"}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"userCount"}},{"kind":"Field","name":{"kind":"Name","value":"usersWithActiveTokens"}},{"kind":"Field","name":{"kind":"Name","value":"orphanTokens"}}]}}]}}]} as unknown as DocumentNode<StatsQuery, StatsQueryVariables>;
export const ClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}},{"kind":"Field","name":{"kind":"Name","value":"redirectUris"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"isTestClient"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientsPageQuery, ClientsPageQueryVariables>;
export const TokensPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TokensPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TokenFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"parseError"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TokensPageQuery, TokensPageQueryVariables>;
export const RelationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Relations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jti"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"active"},"name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"authStates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staleIndexEntries"}},{"kind":"Field","name":{"kind":"Name","value":"indexedTokenCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jti"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RelationsQuery, RelationsQueryVariables>;
export const MissingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Missing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"StringValue","value":"client_nope","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"token"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jti"},"value":{"kind":"StringValue","value":"nope","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"StringValue","value":"nobody","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]} as unknown as DocumentNode<MissingQuery, MissingQueryVariables>;
export const SecretsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Secrets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientSecret"}},{"kind":"Field","name":{"kind":"Name","value":"registrationAccessToken"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"authCodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fingerprint"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SecretsQuery, SecretsQueryVariables>;
export const NestedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nested"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"keyExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jti"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokens"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NestedQuery, NestedQueryVariables>;