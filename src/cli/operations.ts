import { graphql } from '../generated/index.js';

/** Every operation the CLI sends. codegen types them from the committed schema. */

export const StatsQuery = graphql(`
  query CliStats {
    stats {
      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens
      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes
      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens
    }
  }
`);

export const ClientsQuery = graphql(`
  query CliClients($first: Int, $after: String, $filter: ClientFilter, $counts: Boolean!) {
    clients(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          clientId clientName scope redirectUris createdAt isTestClient parseError keyExpiresAt
          activeTokens: tokens(status: ACTIVE) @include(if: $counts) { totalCount }
        }
      }
    }
  }
`);

/** Whether the derived indexes answer now (per-client counts are cheap then, a pass over every token without). */
export const IndexReadyQuery = graphql(`
  query CliIndexReady {
    indexStatus { ready }
  }
`);

export const TokensQuery = graphql(`
  query CliTokens($first: Int, $after: String, $filter: TokenFilter) {
    tokens(first: $first, after: $after, filter: $filter) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError
          client { clientName }
        }
      }
    }
  }
`);

/** What every deletion reports (one selection for all of them). */
export const DeleteResultFragment = graphql(`
  fragment CliDeleteResult on DeleteResult {
    executed confirmToken counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
  }
`);

export const DeleteClientMutation = graphql(`
  mutation CliDeleteClient($clientId: String!, $cascade: Boolean) {
    deleteClient(clientId: $clientId, cascade: $cascade) {
      ...CliDeleteResult
    }
  }
`);

export const DeleteTokenMutation = graphql(`
  mutation CliDeleteToken($jti: String!) {
    deleteToken(jti: $jti) {
      ...CliDeleteResult
    }
  }
`);

export const DeleteAllClientsMutation = graphql(`
  mutation CliDeleteAllClients($cascade: Boolean, $confirmToken: String) {
    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {
      ...CliDeleteResult
    }
  }
`);

export const DeleteAllTokensMutation = graphql(`
  mutation CliDeleteAllTokens($confirmToken: String) {
    deleteAllTokens(confirmToken: $confirmToken) {
      ...CliDeleteResult
    }
  }
`);

export const DeleteUserTokensMutation = graphql(`
  mutation CliDeleteUserTokens($username: String!, $dryRun: Boolean!) {
    deleteUserTokens(username: $username, dryRun: $dryRun) {
      ...CliDeleteResult
    }
  }
`);

export const PurgeMutation = graphql(`
  mutation CliPurge($dryRun: Boolean!) {
    purgeExpired(dryRun: $dryRun) { id status }
  }
`);

export const CleanupMutation = graphql(`
  mutation CliCleanup($dryRun: Boolean!) {
    cleanupTestClients(dryRun: $dryRun) { id status }
  }
`);

export const JobProgressSubscription = graphql(`
  subscription CliJobProgress($id: ID!) {
    jobProgress(id: $id) {
      id kind status dryRun error backupName
      progress { phase scanned total matched deleted }
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
      categories { category restored overwritten unchanged skippedExpired }
    }
  }
`);

export const InspectTokenQuery = graphql(`
  query CliInspectToken($token: String!) {
    inspectToken(token: $token) { verdict reason jti username clientId issuer expiresAt secondsLeft }
  }
`);

export const CreateBackupMutation = graphql(`
  mutation CliCreateBackup($note: String) {
    createBackup(note: $note) {
      name createdAt sizeBytes encrypted
      counts { registrations tokens refreshTokens userTokens states codes sessions other total }
      unsupportedKeys { total types }
    }
  }
`);

export const RecentJobsQuery = graphql(`
  query CliRecentJobs {
    jobs(first: 5) { edges { node { id kind status createdAt } } }
  }
`);

export const BackupsQuery = graphql(`
  query CliBackups($first: Int, $after: String) {
    backups(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name createdAt sizeBytes format encrypted parseError counts { registrations tokens refreshTokens userTokens states codes sessions total } } }
    }
  }
`);

export const BackupViewQuery = graphql(`
  query CliBackupView($name: String!) {
    backup(name: $name) {
      name createdAt sizeBytes format encrypted redisVersion note parseError
      counts { registrations tokens refreshTokens userTokens states codes sessions other total }
      unsupportedKeys { total types }
      clients(first: 500) { totalCount edges { node { clientId clientName scope redirectUris createdAt isTestClient keyExpiresAt parseError } } }
      tokens(first: 500) { totalCount edges { node { jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError } } }
      users(first: 500) { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }
    }
  }
`);

export const RestoreMutation = graphql(`
  mutation CliRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String, $allowUnencrypted: Boolean) {
    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken, allowUnencrypted: $allowUnencrypted) {
      executed confirmToken
      backup { name createdAt }
      safetyBackup { name }
      job { id status counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes } categories { category restored overwritten unchanged skippedExpired } }
    }
  }
`);

export const UpdateClientMutation = graphql(`
  mutation CliUpdateClient($clientId: String!, $input: UpdateClientInput!, $confirmToken: String) {
    updateClient(clientId: $clientId, input: $input, confirmToken: $confirmToken) {
      clientId executed confirmToken removedRedirectUris
      client { clientId clientName scope redirectUris clientUri logoUri tosUri policyUri contacts keyExpiresAt }
    }
  }
`);

export const RotateClientSecretMutation = graphql(`
  mutation CliRotateClientSecret($clientId: String!, $confirmToken: String) {
    rotateClientSecret(clientId: $clientId, confirmToken: $confirmToken) { clientId executed confirmToken newValue effect }
  }
`);

export const RotateRegistrationTokenMutation = graphql(`
  mutation CliRotateRegistrationToken($clientId: String!, $confirmToken: String) {
    rotateRegistrationAccessToken(clientId: $clientId, confirmToken: $confirmToken) { clientId executed confirmToken newValue effect }
  }
`);

export const GatewayEventsSubscription = graphql(`
  subscription CliGatewayEvents($filter: GatewayEventFilter) {
    gatewayEvents(filter: $filter) {
      kind at clientId username jti fingerprint expiresAt missed detail
    }
  }
`);
