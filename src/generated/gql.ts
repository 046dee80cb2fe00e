/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CliStats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n": typeof types.CliStatsDocument,
    "\n  query CliClients($first: Int, $after: String, $filter: ClientFilter, $counts: Boolean!) {\n    clients(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          clientId clientName scope redirectUris createdAt isTestClient parseError keyExpiresAt\n          activeTokens: tokens(status: ACTIVE) @include(if: $counts) { totalCount }\n        }\n      }\n    }\n  }\n": typeof types.CliClientsDocument,
    "\n  query CliIndexReady {\n    indexStatus { ready }\n  }\n": typeof types.CliIndexReadyDocument,
    "\n  query CliTokens($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError\n          client { clientName }\n        }\n      }\n    }\n  }\n": typeof types.CliTokensDocument,
    "\n  fragment CliDeleteResult on DeleteResult {\n    executed confirmToken counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n  }\n": typeof types.CliDeleteResultFragmentDoc,
    "\n  mutation CliDeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      ...CliDeleteResult\n    }\n  }\n": typeof types.CliDeleteClientDocument,
    "\n  mutation CliDeleteToken($jti: String!) {\n    deleteToken(jti: $jti) {\n      ...CliDeleteResult\n    }\n  }\n": typeof types.CliDeleteTokenDocument,
    "\n  mutation CliDeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n": typeof types.CliDeleteAllClientsDocument,
    "\n  mutation CliDeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n": typeof types.CliDeleteAllTokensDocument,
    "\n  mutation CliDeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      ...CliDeleteResult\n    }\n  }\n": typeof types.CliDeleteUserTokensDocument,
    "\n  mutation CliPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": typeof types.CliPurgeDocument,
    "\n  mutation CliCleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id status }\n  }\n": typeof types.CliCleanupDocument,
    "\n  subscription CliJobProgress($id: ID!) {\n    jobProgress(id: $id) {\n      id kind status dryRun error backupName\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n      categories { category restored overwritten unchanged skippedExpired }\n    }\n  }\n": typeof types.CliJobProgressDocument,
    "\n  query CliInspectToken($token: String!) {\n    inspectToken(token: $token) { verdict reason jti username clientId issuer expiresAt secondsLeft }\n  }\n": typeof types.CliInspectTokenDocument,
    "\n  mutation CliCreateBackup($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n    }\n  }\n": typeof types.CliCreateBackupDocument,
    "\n  query CliRecentJobs {\n    jobs(first: 5) { edges { node { id kind status createdAt } } }\n  }\n": typeof types.CliRecentJobsDocument,
    "\n  query CliBackups($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name createdAt sizeBytes format encrypted parseError counts { registrations tokens refreshTokens userTokens states codes sessions total } } }\n    }\n  }\n": typeof types.CliBackupsDocument,
    "\n  query CliBackupView($name: String!) {\n    backup(name: $name) {\n      name createdAt sizeBytes format encrypted redisVersion note parseError\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n      clients(first: 500) { totalCount edges { node { clientId clientName scope redirectUris createdAt isTestClient keyExpiresAt parseError } } }\n      tokens(first: 500) { totalCount edges { node { jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError } } }\n      users(first: 500) { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n": typeof types.CliBackupViewDocument,
    "\n  mutation CliRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String, $allowUnencrypted: Boolean) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken, allowUnencrypted: $allowUnencrypted) {\n      executed confirmToken\n      backup { name createdAt }\n      safetyBackup { name }\n      job { id status counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes } categories { category restored overwritten unchanged skippedExpired } }\n    }\n  }\n": typeof types.CliRestoreDocument,
    "\n  mutation RestoreRun($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name format }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n": typeof types.RestoreRunDocument,
    "\n  query BackupList($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name parseError format encrypted createdAt counts { total } } }\n    }\n  }\n": typeof types.BackupListDocument,
    "\n  query BackupDetail($name: String!) {\n    backup(name: $name) {\n      name parseError format encrypted\n      counts { registrations tokens total }\n      clients(first: 10) { totalCount edges { node { clientId clientName clientSecret registrationAccessToken isTestClient keyExpiresAt parseError } } }\n      tokens(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username clientId status keyExpiresAt parseError } } }\n      users { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n": typeof types.BackupDetailDocument,
    "\n  query BackupTokensAfter($name: String!, $after: String) {\n    backup(name: $name) { tokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti } } } }\n  }\n": typeof types.BackupTokensAfterDocument,
    "\n  query BackupDiff($name: String!) {\n    backup(name: $name) {\n      diff { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status name fingerprint } }\n    }\n  }\n": typeof types.BackupDiffDocument,
    "\n  mutation BackupCreateSimple { createBackup { name parseError encrypted } }\n": typeof types.BackupCreateSimpleDocument,
    "\n  mutation BackupCreate($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted format note parseError sha256 redisVersion\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n    }\n  }\n": typeof types.BackupCreateDocument,
    "\n  mutation BackupRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n": typeof types.BackupRestoreDocument,
    "\n  mutation DeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.DeleteClientDocument,
    "\n  mutation DeleteToken($jti: String!) {\n    deleteToken(jti: $jti) { executed counts { accessTokens userIndexEntries userIndexes } }\n  }\n": typeof types.DeleteTokenDocument,
    "\n  mutation DeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.DeleteAllClientsDocument,
    "\n  mutation DeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.DeleteAllTokensDocument,
    "\n  mutation DeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      executed\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.DeleteUserTokensDocument,
    "\n  mutation Purge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id kind status dryRun }\n  }\n": typeof types.PurgeDocument,
    "\n  mutation Cleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id kind status dryRun }\n  }\n": typeof types.CleanupDocument,
    "\n  query JobState($id: ID!) {\n    job(id: $id) {\n      id kind status dryRun error finished\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.JobStateDocument,
    "\n  query Preview($clientId: String!) {\n    clientDeletionPreview(clientId: $clientId) {\n      clientId sampleTokenJtis sampleUsernames\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": typeof types.PreviewDocument,
    "\n  query Audit($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { action actor dryRun outcome target jobId error counts { clients accessTokens } } }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  query FaultStats {\n    stats { registrations activeTokens expiredTokens }\n  }\n": typeof types.FaultStatsDocument,
    "\n  mutation FaultPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": typeof types.FaultPurgeDocument,
    "\n  query FaultJob($id: ID!) {\n    job(id: $id) { id status error finished }\n  }\n": typeof types.FaultJobDocument,
    "\n  query HardeningAudit {\n    auditLog(first: 50) { edges { node { action actor outcome target error dryRun } } }\n  }\n": typeof types.HardeningAuditDocument,
    "\n  query HardeningClientsPage($first: Int, $after: String) {\n    clients(first: $first, after: $after) { totalCount edges { cursor node { clientId } } }\n  }\n": typeof types.HardeningClientsPageDocument,
    "\n  query HardeningTokensPage($last: Int) {\n    tokens(last: $last) { totalCount edges { node { jti } } }\n  }\n": typeof types.HardeningTokensPageDocument,
    "\n  query HardeningEverything {\n    stats { registrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens authStates authCodes userCount usersWithActiveTokens orphanTokens }\n    clients(first: 500) { totalCount edges { node { clientId clientName clientSecret createdAt clientSecretExpiresAt redirectUris grantTypes contacts isTestClient parseError keyExpiresAt tokens(first: 5) { totalCount } } } }\n    tokens(first: 500) { totalCount edges { node { jti username email name scope clientId issuedAt expiresAt expiresInSeconds status format parseError keyExpiresAt client { clientId } user { username } } } }\n    refreshTokens(first: 500) { totalCount edges { node { fingerprint token clientId createdAt expiresAt status resources parseError user { username } } } }\n    authCodes(first: 500) { totalCount edges { node { fingerprint code clientId clientState isLeftover hasCodeChallenge parseError user { username } } } }\n    authStates(first: 500) { totalCount edges { node { state clientId redirectUri isLeftover hasCodeChallenge parseError } } }\n    users(first: 500) { totalCount edges { node { username indexedTokenCount staleIndexEntries tokens(first: 5) { totalCount } } } }\n  }\n": typeof types.HardeningEverythingDocument,
    "\n  query IndexedRelations {\n    clients(first: 50) {\n      edges { node { clientId tokens(first: 50) { totalCount edges { node { jti } } } active: tokens(status: ACTIVE) { totalCount } } }\n    }\n    users(first: 50) { totalCount edges { node { username tokens(first: 50) { totalCount edges { node { jti } } } } } }\n  }\n": typeof types.IndexedRelationsDocument,
    "\n  mutation ReconcileIndexes($dryRun: Boolean!) {\n    reconcileIndexes(dryRun: $dryRun) { id status }\n  }\n": typeof types.ReconcileIndexesDocument,
    "\n  query IndexState { indexStatus { ready complete notifications leader pending } }\n": typeof types.IndexStateDocument,
    "\n  mutation StartPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": typeof types.StartPurgeDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) { id status }\n  }\n": typeof types.CancelJobDocument,
    "\n  query RecentJobs {\n    jobs(first: 10) { totalCount edges { node { id kind status dryRun } } }\n  }\n": typeof types.RecentJobsDocument,
    "\n  query ListingTokenPage($first: Int, $after: String) {\n    tokens(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { jti status } } }\n  }\n": typeof types.ListingTokenPageDocument,
    "\n  query ListingTokensBefore($last: Int, $before: String) {\n    tokens(last: $last, before: $before) { edges { node { jti } } }\n  }\n": typeof types.ListingTokensBeforeDocument,
    "\n  query ListingClientCounts($after: String) {\n    clients(first: 500, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { clientId active: tokens(status: ACTIVE) { totalCount } all: tokens { totalCount } } }\n    }\n  }\n": typeof types.ListingClientCountsDocument,
    "\n  query Stats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n": typeof types.StatsDocument,
    "\n  query ClientsPage($first: Int, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id clientId clientName clientSecret registrationAccessToken redirectUris createdAt isTestClient parseError } }\n    }\n  }\n": typeof types.ClientsPageDocument,
    "\n  query TokensPage($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { jti username clientId status expiresAt issuedAt format parseError client { clientId } user { username } } }\n    }\n  }\n": typeof types.TokensPageDocument,
    "\n  query Relations($clientId: String!, $username: String!, $jti: String!) {\n    client(clientId: $clientId) {\n      clientId\n      tokens { totalCount edges { node { jti } } }\n      active: tokens(status: ACTIVE) { totalCount }\n      refreshTokens { totalCount edges { node { fingerprint token username } } }\n      users { edges { node { username } } }\n      authCodes { totalCount }\n      authStates { totalCount }\n    }\n    user(username: $username) {\n      username\n      tokens { edges { node { jti clientId } } }\n      clients { edges { node { clientId } } }\n      refreshTokens { totalCount }\n      staleIndexEntries\n      indexedTokenCount\n    }\n    token(jti: $jti) { jti client { clientId clientName } user { username tokens { totalCount } } }\n  }\n": typeof types.RelationsDocument,
    "\n  query Missing {\n    client(clientId: \"client_nope\") { clientId }\n    token(jti: \"nope\") { jti }\n    user(username: \"nobody\") { username }\n  }\n": typeof types.MissingDocument,
    "\n  query Secrets {\n    clients(first: 500) { edges { node { clientId clientSecret registrationAccessToken } } }\n    refreshTokens(first: 500) { edges { cursor node { fingerprint token } } }\n    authCodes(first: 500) { edges { cursor node { fingerprint code } } }\n  }\n": typeof types.SecretsDocument,
    "\n  query Nested {\n    clients(first: 500) {\n      edges {\n        node {\n          clientId\n          clientName\n          keyExpiresAt\n          tokens(first: 10) { totalCount edges { node { jti status client { clientName } user { username tokens(first: 5) { totalCount } } } } }\n          refreshTokens(first: 5) { totalCount }\n          users(first: 5) { edges { node { username clients { totalCount } } } }\n        }\n      }\n    }\n  }\n": typeof types.NestedDocument,
};
const documents: Documents = {
    "\n  query CliStats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n": types.CliStatsDocument,
    "\n  query CliClients($first: Int, $after: String, $filter: ClientFilter, $counts: Boolean!) {\n    clients(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          clientId clientName scope redirectUris createdAt isTestClient parseError keyExpiresAt\n          activeTokens: tokens(status: ACTIVE) @include(if: $counts) { totalCount }\n        }\n      }\n    }\n  }\n": types.CliClientsDocument,
    "\n  query CliIndexReady {\n    indexStatus { ready }\n  }\n": types.CliIndexReadyDocument,
    "\n  query CliTokens($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError\n          client { clientName }\n        }\n      }\n    }\n  }\n": types.CliTokensDocument,
    "\n  fragment CliDeleteResult on DeleteResult {\n    executed confirmToken counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n  }\n": types.CliDeleteResultFragmentDoc,
    "\n  mutation CliDeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      ...CliDeleteResult\n    }\n  }\n": types.CliDeleteClientDocument,
    "\n  mutation CliDeleteToken($jti: String!) {\n    deleteToken(jti: $jti) {\n      ...CliDeleteResult\n    }\n  }\n": types.CliDeleteTokenDocument,
    "\n  mutation CliDeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n": types.CliDeleteAllClientsDocument,
    "\n  mutation CliDeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n": types.CliDeleteAllTokensDocument,
    "\n  mutation CliDeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      ...CliDeleteResult\n    }\n  }\n": types.CliDeleteUserTokensDocument,
    "\n  mutation CliPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": types.CliPurgeDocument,
    "\n  mutation CliCleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id status }\n  }\n": types.CliCleanupDocument,
    "\n  subscription CliJobProgress($id: ID!) {\n    jobProgress(id: $id) {\n      id kind status dryRun error backupName\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n      categories { category restored overwritten unchanged skippedExpired }\n    }\n  }\n": types.CliJobProgressDocument,
    "\n  query CliInspectToken($token: String!) {\n    inspectToken(token: $token) { verdict reason jti username clientId issuer expiresAt secondsLeft }\n  }\n": types.CliInspectTokenDocument,
    "\n  mutation CliCreateBackup($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n    }\n  }\n": types.CliCreateBackupDocument,
    "\n  query CliRecentJobs {\n    jobs(first: 5) { edges { node { id kind status createdAt } } }\n  }\n": types.CliRecentJobsDocument,
    "\n  query CliBackups($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name createdAt sizeBytes format encrypted parseError counts { registrations tokens refreshTokens userTokens states codes sessions total } } }\n    }\n  }\n": types.CliBackupsDocument,
    "\n  query CliBackupView($name: String!) {\n    backup(name: $name) {\n      name createdAt sizeBytes format encrypted redisVersion note parseError\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n      clients(first: 500) { totalCount edges { node { clientId clientName scope redirectUris createdAt isTestClient keyExpiresAt parseError } } }\n      tokens(first: 500) { totalCount edges { node { jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError } } }\n      users(first: 500) { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n": types.CliBackupViewDocument,
    "\n  mutation CliRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String, $allowUnencrypted: Boolean) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken, allowUnencrypted: $allowUnencrypted) {\n      executed confirmToken\n      backup { name createdAt }\n      safetyBackup { name }\n      job { id status counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes } categories { category restored overwritten unchanged skippedExpired } }\n    }\n  }\n": types.CliRestoreDocument,
    "\n  mutation RestoreRun($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name format }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n": types.RestoreRunDocument,
    "\n  query BackupList($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name parseError format encrypted createdAt counts { total } } }\n    }\n  }\n": types.BackupListDocument,
    "\n  query BackupDetail($name: String!) {\n    backup(name: $name) {\n      name parseError format encrypted\n      counts { registrations tokens total }\n      clients(first: 10) { totalCount edges { node { clientId clientName clientSecret registrationAccessToken isTestClient keyExpiresAt parseError } } }\n      tokens(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username clientId status keyExpiresAt parseError } } }\n      users { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n": types.BackupDetailDocument,
    "\n  query BackupTokensAfter($name: String!, $after: String) {\n    backup(name: $name) { tokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti } } } }\n  }\n": types.BackupTokensAfterDocument,
    "\n  query BackupDiff($name: String!) {\n    backup(name: $name) {\n      diff { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status name fingerprint } }\n    }\n  }\n": types.BackupDiffDocument,
    "\n  mutation BackupCreateSimple { createBackup { name parseError encrypted } }\n": types.BackupCreateSimpleDocument,
    "\n  mutation BackupCreate($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted format note parseError sha256 redisVersion\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n    }\n  }\n": types.BackupCreateDocument,
    "\n  mutation BackupRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n": types.BackupRestoreDocument,
    "\n  mutation DeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.DeleteClientDocument,
    "\n  mutation DeleteToken($jti: String!) {\n    deleteToken(jti: $jti) { executed counts { accessTokens userIndexEntries userIndexes } }\n  }\n": types.DeleteTokenDocument,
    "\n  mutation DeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.DeleteAllClientsDocument,
    "\n  mutation DeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.DeleteAllTokensDocument,
    "\n  mutation DeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      executed\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.DeleteUserTokensDocument,
    "\n  mutation Purge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id kind status dryRun }\n  }\n": types.PurgeDocument,
    "\n  mutation Cleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id kind status dryRun }\n  }\n": types.CleanupDocument,
    "\n  query JobState($id: ID!) {\n    job(id: $id) {\n      id kind status dryRun error finished\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.JobStateDocument,
    "\n  query Preview($clientId: String!) {\n    clientDeletionPreview(clientId: $clientId) {\n      clientId sampleTokenJtis sampleUsernames\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n": types.PreviewDocument,
    "\n  query Audit($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { action actor dryRun outcome target jobId error counts { clients accessTokens } } }\n    }\n  }\n": types.AuditDocument,
    "\n  query FaultStats {\n    stats { registrations activeTokens expiredTokens }\n  }\n": types.FaultStatsDocument,
    "\n  mutation FaultPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": types.FaultPurgeDocument,
    "\n  query FaultJob($id: ID!) {\n    job(id: $id) { id status error finished }\n  }\n": types.FaultJobDocument,
    "\n  query HardeningAudit {\n    auditLog(first: 50) { edges { node { action actor outcome target error dryRun } } }\n  }\n": types.HardeningAuditDocument,
    "\n  query HardeningClientsPage($first: Int, $after: String) {\n    clients(first: $first, after: $after) { totalCount edges { cursor node { clientId } } }\n  }\n": types.HardeningClientsPageDocument,
    "\n  query HardeningTokensPage($last: Int) {\n    tokens(last: $last) { totalCount edges { node { jti } } }\n  }\n": types.HardeningTokensPageDocument,
    "\n  query HardeningEverything {\n    stats { registrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens authStates authCodes userCount usersWithActiveTokens orphanTokens }\n    clients(first: 500) { totalCount edges { node { clientId clientName clientSecret createdAt clientSecretExpiresAt redirectUris grantTypes contacts isTestClient parseError keyExpiresAt tokens(first: 5) { totalCount } } } }\n    tokens(first: 500) { totalCount edges { node { jti username email name scope clientId issuedAt expiresAt expiresInSeconds status format parseError keyExpiresAt client { clientId } user { username } } } }\n    refreshTokens(first: 500) { totalCount edges { node { fingerprint token clientId createdAt expiresAt status resources parseError user { username } } } }\n    authCodes(first: 500) { totalCount edges { node { fingerprint code clientId clientState isLeftover hasCodeChallenge parseError user { username } } } }\n    authStates(first: 500) { totalCount edges { node { state clientId redirectUri isLeftover hasCodeChallenge parseError } } }\n    users(first: 500) { totalCount edges { node { username indexedTokenCount staleIndexEntries tokens(first: 5) { totalCount } } } }\n  }\n": types.HardeningEverythingDocument,
    "\n  query IndexedRelations {\n    clients(first: 50) {\n      edges { node { clientId tokens(first: 50) { totalCount edges { node { jti } } } active: tokens(status: ACTIVE) { totalCount } } }\n    }\n    users(first: 50) { totalCount edges { node { username tokens(first: 50) { totalCount edges { node { jti } } } } } }\n  }\n": types.IndexedRelationsDocument,
    "\n  mutation ReconcileIndexes($dryRun: Boolean!) {\n    reconcileIndexes(dryRun: $dryRun) { id status }\n  }\n": types.ReconcileIndexesDocument,
    "\n  query IndexState { indexStatus { ready complete notifications leader pending } }\n": types.IndexStateDocument,
    "\n  mutation StartPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n": types.StartPurgeDocument,
    "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) { id status }\n  }\n": types.CancelJobDocument,
    "\n  query RecentJobs {\n    jobs(first: 10) { totalCount edges { node { id kind status dryRun } } }\n  }\n": types.RecentJobsDocument,
    "\n  query ListingTokenPage($first: Int, $after: String) {\n    tokens(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { jti status } } }\n  }\n": types.ListingTokenPageDocument,
    "\n  query ListingTokensBefore($last: Int, $before: String) {\n    tokens(last: $last, before: $before) { edges { node { jti } } }\n  }\n": types.ListingTokensBeforeDocument,
    "\n  query ListingClientCounts($after: String) {\n    clients(first: 500, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { clientId active: tokens(status: ACTIVE) { totalCount } all: tokens { totalCount } } }\n    }\n  }\n": types.ListingClientCountsDocument,
    "\n  query Stats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n": types.StatsDocument,
    "\n  query ClientsPage($first: Int, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id clientId clientName clientSecret registrationAccessToken redirectUris createdAt isTestClient parseError } }\n    }\n  }\n": types.ClientsPageDocument,
    "\n  query TokensPage($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { jti username clientId status expiresAt issuedAt format parseError client { clientId } user { username } } }\n    }\n  }\n": types.TokensPageDocument,
    "\n  query Relations($clientId: String!, $username: String!, $jti: String!) {\n    client(clientId: $clientId) {\n      clientId\n      tokens { totalCount edges { node { jti } } }\n      active: tokens(status: ACTIVE) { totalCount }\n      refreshTokens { totalCount edges { node { fingerprint token username } } }\n      users { edges { node { username } } }\n      authCodes { totalCount }\n      authStates { totalCount }\n    }\n    user(username: $username) {\n      username\n      tokens { edges { node { jti clientId } } }\n      clients { edges { node { clientId } } }\n      refreshTokens { totalCount }\n      staleIndexEntries\n      indexedTokenCount\n    }\n    token(jti: $jti) { jti client { clientId clientName } user { username tokens { totalCount } } }\n  }\n": types.RelationsDocument,
    "\n  query Missing {\n    client(clientId: \"client_nope\") { clientId }\n    token(jti: \"nope\") { jti }\n    user(username: \"nobody\") { username }\n  }\n": types.MissingDocument,
    "\n  query Secrets {\n    clients(first: 500) { edges { node { clientId clientSecret registrationAccessToken } } }\n    refreshTokens(first: 500) { edges { cursor node { fingerprint token } } }\n    authCodes(first: 500) { edges { cursor node { fingerprint code } } }\n  }\n": types.SecretsDocument,
    "\n  query Nested {\n    clients(first: 500) {\n      edges {\n        node {\n          clientId\n          clientName\n          keyExpiresAt\n          tokens(first: 10) { totalCount edges { node { jti status client { clientName } user { username tokens(first: 5) { totalCount } } } } }\n          refreshTokens(first: 5) { totalCount }\n          users(first: 5) { edges { node { username clients { totalCount } } } }\n        }\n      }\n    }\n  }\n": types.NestedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliStats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n"): (typeof documents)["\n  query CliStats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliClients($first: Int, $after: String, $filter: ClientFilter, $counts: Boolean!) {\n    clients(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          clientId clientName scope redirectUris createdAt isTestClient parseError keyExpiresAt\n          activeTokens: tokens(status: ACTIVE) @include(if: $counts) { totalCount }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliClients($first: Int, $after: String, $filter: ClientFilter, $counts: Boolean!) {\n    clients(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          clientId clientName scope redirectUris createdAt isTestClient parseError keyExpiresAt\n          activeTokens: tokens(status: ACTIVE) @include(if: $counts) { totalCount }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliIndexReady {\n    indexStatus { ready }\n  }\n"): (typeof documents)["\n  query CliIndexReady {\n    indexStatus { ready }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliTokens($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError\n          client { clientName }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CliTokens($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError\n          client { clientName }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CliDeleteResult on DeleteResult {\n    executed confirmToken counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n  }\n"): (typeof documents)["\n  fragment CliDeleteResult on DeleteResult {\n    executed confirmToken counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      ...CliDeleteResult\n    }\n  }\n"): (typeof documents)["\n  mutation CliDeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      ...CliDeleteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteToken($jti: String!) {\n    deleteToken(jti: $jti) {\n      ...CliDeleteResult\n    }\n  }\n"): (typeof documents)["\n  mutation CliDeleteToken($jti: String!) {\n    deleteToken(jti: $jti) {\n      ...CliDeleteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n"): (typeof documents)["\n  mutation CliDeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n"): (typeof documents)["\n  mutation CliDeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      ...CliDeleteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliDeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      ...CliDeleteResult\n    }\n  }\n"): (typeof documents)["\n  mutation CliDeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      ...CliDeleteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"): (typeof documents)["\n  mutation CliPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id status }\n  }\n"): (typeof documents)["\n  mutation CliCleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CliJobProgress($id: ID!) {\n    jobProgress(id: $id) {\n      id kind status dryRun error backupName\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n      categories { category restored overwritten unchanged skippedExpired }\n    }\n  }\n"): (typeof documents)["\n  subscription CliJobProgress($id: ID!) {\n    jobProgress(id: $id) {\n      id kind status dryRun error backupName\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n      categories { category restored overwritten unchanged skippedExpired }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliInspectToken($token: String!) {\n    inspectToken(token: $token) { verdict reason jti username clientId issuer expiresAt secondsLeft }\n  }\n"): (typeof documents)["\n  query CliInspectToken($token: String!) {\n    inspectToken(token: $token) { verdict reason jti username clientId issuer expiresAt secondsLeft }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateBackup($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n    }\n  }\n"): (typeof documents)["\n  mutation CliCreateBackup($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRecentJobs {\n    jobs(first: 5) { edges { node { id kind status createdAt } } }\n  }\n"): (typeof documents)["\n  query CliRecentJobs {\n    jobs(first: 5) { edges { node { id kind status createdAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliBackups($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name createdAt sizeBytes format encrypted parseError counts { registrations tokens refreshTokens userTokens states codes sessions total } } }\n    }\n  }\n"): (typeof documents)["\n  query CliBackups($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name createdAt sizeBytes format encrypted parseError counts { registrations tokens refreshTokens userTokens states codes sessions total } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliBackupView($name: String!) {\n    backup(name: $name) {\n      name createdAt sizeBytes format encrypted redisVersion note parseError\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n      clients(first: 500) { totalCount edges { node { clientId clientName scope redirectUris createdAt isTestClient keyExpiresAt parseError } } }\n      tokens(first: 500) { totalCount edges { node { jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError } } }\n      users(first: 500) { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n"): (typeof documents)["\n  query CliBackupView($name: String!) {\n    backup(name: $name) {\n      name createdAt sizeBytes format encrypted redisVersion note parseError\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n      unsupportedKeys { total types }\n      clients(first: 500) { totalCount edges { node { clientId clientName scope redirectUris createdAt isTestClient keyExpiresAt parseError } } }\n      tokens(first: 500) { totalCount edges { node { jti username clientId scope issuedAt expiresAt status keyExpiresAt parseError } } }\n      users(first: 500) { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String, $allowUnencrypted: Boolean) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken, allowUnencrypted: $allowUnencrypted) {\n      executed confirmToken\n      backup { name createdAt }\n      safetyBackup { name }\n      job { id status counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes } categories { category restored overwritten unchanged skippedExpired } }\n    }\n  }\n"): (typeof documents)["\n  mutation CliRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String, $allowUnencrypted: Boolean) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken, allowUnencrypted: $allowUnencrypted) {\n      executed confirmToken\n      backup { name createdAt }\n      safetyBackup { name }\n      job { id status counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes } categories { category restored overwritten unchanged skippedExpired } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRun($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name format }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRun($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name format }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupList($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name parseError format encrypted createdAt counts { total } } }\n    }\n  }\n"): (typeof documents)["\n  query BackupList($first: Int, $after: String) {\n    backups(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { name parseError format encrypted createdAt counts { total } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupDetail($name: String!) {\n    backup(name: $name) {\n      name parseError format encrypted\n      counts { registrations tokens total }\n      clients(first: 10) { totalCount edges { node { clientId clientName clientSecret registrationAccessToken isTestClient keyExpiresAt parseError } } }\n      tokens(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username clientId status keyExpiresAt parseError } } }\n      users { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n"): (typeof documents)["\n  query BackupDetail($name: String!) {\n    backup(name: $name) {\n      name parseError format encrypted\n      counts { registrations tokens total }\n      clients(first: 10) { totalCount edges { node { clientId clientName clientSecret registrationAccessToken isTestClient keyExpiresAt parseError } } }\n      tokens(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username clientId status keyExpiresAt parseError } } }\n      users { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupTokensAfter($name: String!, $after: String) {\n    backup(name: $name) { tokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti } } } }\n  }\n"): (typeof documents)["\n  query BackupTokensAfter($name: String!, $after: String) {\n    backup(name: $name) { tokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupDiff($name: String!) {\n    backup(name: $name) {\n      diff { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status name fingerprint } }\n    }\n  }\n"): (typeof documents)["\n  query BackupDiff($name: String!) {\n    backup(name: $name) {\n      diff { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status name fingerprint } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BackupCreateSimple { createBackup { name parseError encrypted } }\n"): (typeof documents)["\n  mutation BackupCreateSimple { createBackup { name parseError encrypted } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BackupCreate($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted format note parseError sha256 redisVersion\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n    }\n  }\n"): (typeof documents)["\n  mutation BackupCreate($note: String) {\n    createBackup(note: $note) {\n      name createdAt sizeBytes encrypted format note parseError sha256 redisVersion\n      counts { registrations tokens refreshTokens userTokens states codes sessions other total }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BackupRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BackupRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {\n    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {\n      executed confirmToken\n      backup { name }\n      safetyBackup { name note }\n      job {\n        id status dryRun error backupName\n        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }\n        categories { category restored overwritten unchanged skippedExpired }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteClient($clientId: String!, $cascade: Boolean) {\n    deleteClient(clientId: $clientId, cascade: $cascade) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteToken($jti: String!) {\n    deleteToken(jti: $jti) { executed counts { accessTokens userIndexEntries userIndexes } }\n  }\n"): (typeof documents)["\n  mutation DeleteToken($jti: String!) {\n    deleteToken(jti: $jti) { executed counts { accessTokens userIndexEntries userIndexes } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAllClients($cascade: Boolean, $confirmToken: String) {\n    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAllTokens($confirmToken: String) {\n    deleteAllTokens(confirmToken: $confirmToken) {\n      executed confirmToken\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      executed\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteUserTokens($username: String!, $dryRun: Boolean!) {\n    deleteUserTokens(username: $username, dryRun: $dryRun) {\n      executed\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Purge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id kind status dryRun }\n  }\n"): (typeof documents)["\n  mutation Purge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id kind status dryRun }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Cleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id kind status dryRun }\n  }\n"): (typeof documents)["\n  mutation Cleanup($dryRun: Boolean!) {\n    cleanupTestClients(dryRun: $dryRun) { id kind status dryRun }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobState($id: ID!) {\n    job(id: $id) {\n      id kind status dryRun error finished\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  query JobState($id: ID!) {\n    job(id: $id) {\n      id kind status dryRun error finished\n      progress { phase scanned total matched deleted }\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Preview($clientId: String!) {\n    clientDeletionPreview(clientId: $clientId) {\n      clientId sampleTokenJtis sampleUsernames\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"): (typeof documents)["\n  query Preview($clientId: String!) {\n    clientDeletionPreview(clientId: $clientId) {\n      clientId sampleTokenJtis sampleUsernames\n      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { action actor dryRun outcome target jobId error counts { clients accessTokens } } }\n    }\n  }\n"): (typeof documents)["\n  query Audit($first: Int, $after: String) {\n    auditLog(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { action actor dryRun outcome target jobId error counts { clients accessTokens } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultStats {\n    stats { registrations activeTokens expiredTokens }\n  }\n"): (typeof documents)["\n  query FaultStats {\n    stats { registrations activeTokens expiredTokens }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FaultPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"): (typeof documents)["\n  mutation FaultPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaultJob($id: ID!) {\n    job(id: $id) { id status error finished }\n  }\n"): (typeof documents)["\n  query FaultJob($id: ID!) {\n    job(id: $id) { id status error finished }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningAudit {\n    auditLog(first: 50) { edges { node { action actor outcome target error dryRun } } }\n  }\n"): (typeof documents)["\n  query HardeningAudit {\n    auditLog(first: 50) { edges { node { action actor outcome target error dryRun } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningClientsPage($first: Int, $after: String) {\n    clients(first: $first, after: $after) { totalCount edges { cursor node { clientId } } }\n  }\n"): (typeof documents)["\n  query HardeningClientsPage($first: Int, $after: String) {\n    clients(first: $first, after: $after) { totalCount edges { cursor node { clientId } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningTokensPage($last: Int) {\n    tokens(last: $last) { totalCount edges { node { jti } } }\n  }\n"): (typeof documents)["\n  query HardeningTokensPage($last: Int) {\n    tokens(last: $last) { totalCount edges { node { jti } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HardeningEverything {\n    stats { registrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens authStates authCodes userCount usersWithActiveTokens orphanTokens }\n    clients(first: 500) { totalCount edges { node { clientId clientName clientSecret createdAt clientSecretExpiresAt redirectUris grantTypes contacts isTestClient parseError keyExpiresAt tokens(first: 5) { totalCount } } } }\n    tokens(first: 500) { totalCount edges { node { jti username email name scope clientId issuedAt expiresAt expiresInSeconds status format parseError keyExpiresAt client { clientId } user { username } } } }\n    refreshTokens(first: 500) { totalCount edges { node { fingerprint token clientId createdAt expiresAt status resources parseError user { username } } } }\n    authCodes(first: 500) { totalCount edges { node { fingerprint code clientId clientState isLeftover hasCodeChallenge parseError user { username } } } }\n    authStates(first: 500) { totalCount edges { node { state clientId redirectUri isLeftover hasCodeChallenge parseError } } }\n    users(first: 500) { totalCount edges { node { username indexedTokenCount staleIndexEntries tokens(first: 5) { totalCount } } } }\n  }\n"): (typeof documents)["\n  query HardeningEverything {\n    stats { registrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens authStates authCodes userCount usersWithActiveTokens orphanTokens }\n    clients(first: 500) { totalCount edges { node { clientId clientName clientSecret createdAt clientSecretExpiresAt redirectUris grantTypes contacts isTestClient parseError keyExpiresAt tokens(first: 5) { totalCount } } } }\n    tokens(first: 500) { totalCount edges { node { jti username email name scope clientId issuedAt expiresAt expiresInSeconds status format parseError keyExpiresAt client { clientId } user { username } } } }\n    refreshTokens(first: 500) { totalCount edges { node { fingerprint token clientId createdAt expiresAt status resources parseError user { username } } } }\n    authCodes(first: 500) { totalCount edges { node { fingerprint code clientId clientState isLeftover hasCodeChallenge parseError user { username } } } }\n    authStates(first: 500) { totalCount edges { node { state clientId redirectUri isLeftover hasCodeChallenge parseError } } }\n    users(first: 500) { totalCount edges { node { username indexedTokenCount staleIndexEntries tokens(first: 5) { totalCount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndexedRelations {\n    clients(first: 50) {\n      edges { node { clientId tokens(first: 50) { totalCount edges { node { jti } } } active: tokens(status: ACTIVE) { totalCount } } }\n    }\n    users(first: 50) { totalCount edges { node { username tokens(first: 50) { totalCount edges { node { jti } } } } } }\n  }\n"): (typeof documents)["\n  query IndexedRelations {\n    clients(first: 50) {\n      edges { node { clientId tokens(first: 50) { totalCount edges { node { jti } } } active: tokens(status: ACTIVE) { totalCount } } }\n    }\n    users(first: 50) { totalCount edges { node { username tokens(first: 50) { totalCount edges { node { jti } } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconcileIndexes($dryRun: Boolean!) {\n    reconcileIndexes(dryRun: $dryRun) { id status }\n  }\n"): (typeof documents)["\n  mutation ReconcileIndexes($dryRun: Boolean!) {\n    reconcileIndexes(dryRun: $dryRun) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndexState { indexStatus { ready complete notifications leader pending } }\n"): (typeof documents)["\n  query IndexState { indexStatus { ready complete notifications leader pending } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"): (typeof documents)["\n  mutation StartPurge($dryRun: Boolean!) {\n    purgeExpired(dryRun: $dryRun) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation CancelJob($id: ID!) {\n    cancelJob(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentJobs {\n    jobs(first: 10) { totalCount edges { node { id kind status dryRun } } }\n  }\n"): (typeof documents)["\n  query RecentJobs {\n    jobs(first: 10) { totalCount edges { node { id kind status dryRun } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListingTokenPage($first: Int, $after: String) {\n    tokens(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { jti status } } }\n  }\n"): (typeof documents)["\n  query ListingTokenPage($first: Int, $after: String) {\n    tokens(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { jti status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListingTokensBefore($last: Int, $before: String) {\n    tokens(last: $last, before: $before) { edges { node { jti } } }\n  }\n"): (typeof documents)["\n  query ListingTokensBefore($last: Int, $before: String) {\n    tokens(last: $last, before: $before) { edges { node { jti } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListingClientCounts($after: String) {\n    clients(first: 500, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { clientId active: tokens(status: ACTIVE) { totalCount } all: tokens { totalCount } } }\n    }\n  }\n"): (typeof documents)["\n  query ListingClientCounts($after: String) {\n    clients(first: 500, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { clientId active: tokens(status: ACTIVE) { totalCount } all: tokens { totalCount } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n"): (typeof documents)["\n  query Stats {\n    stats {\n      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens\n      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes\n      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientsPage($first: Int, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id clientId clientName clientSecret registrationAccessToken redirectUris createdAt isTestClient parseError } }\n    }\n  }\n"): (typeof documents)["\n  query ClientsPage($first: Int, $after: String, $filter: ClientFilter) {\n    clients(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id clientId clientName clientSecret registrationAccessToken redirectUris createdAt isTestClient parseError } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokensPage($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { jti username clientId status expiresAt issuedAt format parseError client { clientId } user { username } } }\n    }\n  }\n"): (typeof documents)["\n  query TokensPage($first: Int, $after: String, $filter: TokenFilter) {\n    tokens(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { jti username clientId status expiresAt issuedAt format parseError client { clientId } user { username } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Relations($clientId: String!, $username: String!, $jti: String!) {\n    client(clientId: $clientId) {\n      clientId\n      tokens { totalCount edges { node { jti } } }\n      active: tokens(status: ACTIVE) { totalCount }\n      refreshTokens { totalCount edges { node { fingerprint token username } } }\n      users { edges { node { username } } }\n      authCodes { totalCount }\n      authStates { totalCount }\n    }\n    user(username: $username) {\n      username\n      tokens { edges { node { jti clientId } } }\n      clients { edges { node { clientId } } }\n      refreshTokens { totalCount }\n      staleIndexEntries\n      indexedTokenCount\n    }\n    token(jti: $jti) { jti client { clientId clientName } user { username tokens { totalCount } } }\n  }\n"): (typeof documents)["\n  query Relations($clientId: String!, $username: String!, $jti: String!) {\n    client(clientId: $clientId) {\n      clientId\n      tokens { totalCount edges { node { jti } } }\n      active: tokens(status: ACTIVE) { totalCount }\n      refreshTokens { totalCount edges { node { fingerprint token username } } }\n      users { edges { node { username } } }\n      authCodes { totalCount }\n      authStates { totalCount }\n    }\n    user(username: $username) {\n      username\n      tokens { edges { node { jti clientId } } }\n      clients { edges { node { clientId } } }\n      refreshTokens { totalCount }\n      staleIndexEntries\n      indexedTokenCount\n    }\n    token(jti: $jti) { jti client { clientId clientName } user { username tokens { totalCount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Missing {\n    client(clientId: \"client_nope\") { clientId }\n    token(jti: \"nope\") { jti }\n    user(username: \"nobody\") { username }\n  }\n"): (typeof documents)["\n  query Missing {\n    client(clientId: \"client_nope\") { clientId }\n    token(jti: \"nope\") { jti }\n    user(username: \"nobody\") { username }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Secrets {\n    clients(first: 500) { edges { node { clientId clientSecret registrationAccessToken } } }\n    refreshTokens(first: 500) { edges { cursor node { fingerprint token } } }\n    authCodes(first: 500) { edges { cursor node { fingerprint code } } }\n  }\n"): (typeof documents)["\n  query Secrets {\n    clients(first: 500) { edges { node { clientId clientSecret registrationAccessToken } } }\n    refreshTokens(first: 500) { edges { cursor node { fingerprint token } } }\n    authCodes(first: 500) { edges { cursor node { fingerprint code } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nested {\n    clients(first: 500) {\n      edges {\n        node {\n          clientId\n          clientName\n          keyExpiresAt\n          tokens(first: 10) { totalCount edges { node { jti status client { clientName } user { username tokens(first: 5) { totalCount } } } } }\n          refreshTokens(first: 5) { totalCount }\n          users(first: 5) { edges { node { username clients { totalCount } } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Nested {\n    clients(first: 500) {\n      edges {\n        node {\n          clientId\n          clientName\n          keyExpiresAt\n          tokens(first: 10) { totalCount edges { node { jti status client { clientName } user { username tokens(first: 5) { totalCount } } } } }\n          refreshTokens(first: 5) { totalCount }\n          users(first: 5) { edges { node { username clients { totalCount } } } }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;