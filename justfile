# oauth-admin: the gateway's OAuth management commands, on our GraphQL operations.
# Data recipes run in-process against REDIS_URL, or against a running service when ADMIN_URL is set
# (with ADMIN_TOKEN). Add --json to any listing for output a script can parse, e.g.
#   just oauth-list-tokens --json | jq '.[] | select(.status == "ACTIVE") | .jti'
# Every recipe takes --help (its usage; nothing else is done). The CLI checks each recipe's
# arguments strictly: an unknown option or a missing or extra argument is exit 2, and nothing runs.

set positional-arguments := true
# A failing recipe prints our one `error: …` line and exits with our code, without just's own
# "recipe failed on line N" after it (exit codes: 0 success, 1 failure, 2 usage, 3 not confirmed).
set no-exit-message := true

# The compiled CLI (dist/cli.js, rebuilt first only when a source changed), with the service's Node flags.
cli := "node --enable-source-maps --max-semi-space-size=8 --max-old-space-size=1024 scripts/cli.mjs"

# List the recipes
default:
    @just --list --unsorted

# ── Listing ─────────────────────────────────────────────────────────────

# Show all registered OAuth clients [--json]
oauth-list-registrations *args:
    @{{cli}} list-registrations "$@"

# Show all access tokens with their status [--active | --expired] [--json]
oauth-list-tokens *args:
    @{{cli}} list-tokens "$@"

# Show complete OAuth statistics [--json]
oauth-stats *args:
    @{{cli}} stats "$@"

# Display everything (stats + registrations + tokens) [--json]
oauth-show-all *args:
    @{{cli}} show-all "$@"

# ── Watching ────────────────────────────────────────────────────────────

# Print the gateway's events as they happen, a line each [--client ID] [--user NAME] [--kind KIND ...] [--json]
oauth-watch *args:
    @{{cli}} watch "$@"

# ── Client deletion ─────────────────────────────────────────────────────

# CLIENT_ID: delete a client registration (the client key only)
oauth-delete-registration *args:
    @{{cli}} delete-registration "$@"

# CLIENT_ID: delete a client and ALL its data (tokens, refresh tokens, codes, states, index entries), or an unregistered id's orphans
oauth-delete-client-complete *args:
    @{{cli}} delete-client-complete "$@"

# Delete ALL registrations [--cascade: and their data] (dangerous! asks; OAUTH_ADMIN_CONFIRM=yes in scripts)
oauth-delete-all-registrations *args:
    @{{cli}} delete-all-registrations "$@"

# ── Client lifecycle (RFC 7592 parity; admin) ───────────────────────────

# CLIENT_ID [--name TEXT] [--redirect-uri URI]... [--scope ...]: update a client (TTL kept; removing a redirect URI asks; see --help)
oauth-client-update *args:
    @{{cli}} client-update "$@"

# CLIENT_ID: replace the client secret (asks; OAUTH_ADMIN_CONFIRM=yes in scripts); prints the new one once
oauth-client-rotate-secret *args:
    @{{cli}} client-rotate-secret "$@"

# CLIENT_ID: replace the RFC 7592 registration access token (asks; OAUTH_ADMIN_CONFIRM=yes in scripts); prints the new one once
oauth-client-rotate-registration-token *args:
    @{{cli}} client-rotate-registration-token "$@"

# ── Token management ────────────────────────────────────────────────────

# JTI: delete one access token and its user-index entry
oauth-delete-token *args:
    @{{cli}} delete-token "$@"

# Delete ALL tokens (dangerous! access and refresh tokens and user indexes; asks)
oauth-delete-all-tokens *args:
    @{{cli}} delete-all-tokens "$@"

# USERNAME [--dry-run]: log one user out everywhere
oauth-revoke-user *args:
    @{{cli}} revoke-user "$@"

# Purge expired tokens (dry run)
oauth-purge-expired-dry *args:
    @{{cli}} purge-expired --dry-run "$@"

# Actually purge expired tokens [--dry-run]
oauth-purge-expired *args:
    @{{cli}} purge-expired "$@"

# ── Backup and restore ──────────────────────────────────────────────────

# Backup all OAuth registrations and tokens [--note TEXT] (backups/oauth-backup-YYYYMMDD-HHMMSS.json, mode 0600)
oauth-backup *args:
    @{{cli}} backup "$@"

# List available backups (reads BACKUP_DIR only: no Redis needed)
oauth-backup-list *args:
    @{{cli}} backup-list "$@"

# View contents of latest backup (no Redis needed; fails on an unreadable file)
oauth-backup-view *args:
    @{{cli}} backup-view "$@"

# FILE: view one backup file in BACKUP_DIR (no Redis needed; fails on an unreadable file)
oauth-backup-view-file *args:
    @{{cli}} backup-view-file "$@"

# Restore from latest backup (merge: other keys stay; expired entries are not brought back) [--dry-run]
oauth-restore *args:
    @{{cli}} restore "$@"

# FILE: restore one backup file in BACKUP_DIR [--dry-run] [--replace]
oauth-restore-file *args:
    @{{cli}} restore-file "$@"

# Clear existing data before restore (dangerous! asks; writes a safety backup first)
oauth-restore-clear *args:
    @{{cli}} restore --replace "$@"

# Dry run - see what would be restored, overwritten, unchanged or skipped as expired
oauth-restore-dry *args:
    @{{cli}} restore --dry-run "$@"

# ── Test data ───────────────────────────────────────────────────────────

# Show all test registrations (names starting with "TEST ") and what cleanup would remove
test-cleanup-show *args:
    @{{cli}} test-cleanup-show "$@"

# Clean up test registrations completely [--dry-run]
test-cleanup *args:
    @{{cli}} test-cleanup "$@"

# ── Gateway tokens (.env) ───────────────────────────────────────────────

# Generate a JWT secret into .env (GATEWAY_JWT_SECRET); an existing one is kept unless --force
generate-jwt-secret *args:
    @{{cli}} generate-jwt-secret "$@"

# Generate RSA key pair for RS256 into .env (JWT_PRIVATE_KEY_B64); a valid key is kept
generate-rsa-keys *args:
    @{{cli}} generate-rsa-keys "$@"

# Generate GitHub OAuth token (device flow) and the gateway client token
generate-github-token *args:
    @{{cli}} generate-github-token "$@"

# CODE: finish generate-github-token with the code from its authorize URL
generate-github-token-complete *args:
    @{{cli}} generate-github-token-complete "$@"

# Refresh the tokens in .env that are expired, near expiry or refused by the gateway
refresh-tokens *args:
    @{{cli}} refresh-tokens "$@"

# Validate all configured tokens [--online: also ask the gateway and GitHub]
validate-tokens *args:
    @{{cli}} validate-tokens "$@"

# Check token expiration [--online]
check-token-expiry *args:
    @{{cli}} check-token-expiry "$@"

# Generate token for mcp-streamablehttp-client (registers a client, PKCE authorization)
mcp-client-token *args:
    @{{cli}} mcp-client-token "$@"

# CODE: complete the MCP client's OAuth flow with the authorization code
mcp-client-token-complete *args:
    @{{cli}} mcp-client-token-complete "$@"

# ── Service keys (API_KEYS_FILE) ────────────────────────────────────────

# NAME ROLE: add a named service key (admin or viewer); prints the key once, the file keeps its hash [--json]
api-key-create *args:
    @{{cli}} api-key-create "$@"

# List the service keys: name, role, created [--json]
api-key-list *args:
    @{{cli}} api-key-list "$@"

# NAME: revoke a service key; a running service refuses it within a second [--json]
api-key-revoke *args:
    @{{cli}} api-key-revoke "$@"

# ── Development ─────────────────────────────────────────────────────────

# Run the service with reload (starts a private redis-server when none answers) [--demo: seed demo data]
dev *args:
    @node --import tsx scripts/dev.ts "$@"

# Fill an empty Redis with realistic gateway-format demo data [--force]
seed-demo *args:
    @{{cli}} seed-demo "$@"

# Run the test suite against a private redis-server
test:
    npm test

# Start Redis and the service in containers (needs a Docker engine; Compose v2 or v1, whichever is installed)
up:
    @if docker compose version >/dev/null 2>&1; then set -x; docker compose up -d --build; elif command -v docker-compose >/dev/null 2>&1; then set -x; docker-compose up -d --build; else echo "error: no Docker Compose: neither 'docker compose' (v2) nor 'docker-compose' (v1) is installed" >&2; exit 1; fi

# Print the CLI's own help
cli-help:
    @{{cli}} --help
