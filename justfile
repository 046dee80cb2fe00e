# oauth-admin: the gateway's OAuth management commands, on our GraphQL operations.
# Data recipes run in-process against REDIS_URL, or against a running service when ADMIN_URL is set
# (with ADMIN_TOKEN). Add --json to any listing for output a script can parse, e.g.
#   just oauth-list-tokens --json | jq '.[] | select(.status == "ACTIVE") | .jti'

set positional-arguments := true

cli := "node --max-semi-space-size=8 --max-old-space-size=1024 --import tsx src/cli/index.ts"

# List the recipes
default:
    @just --list --unsorted

# ── Listing ─────────────────────────────────────────────────────────────

# Show all registered OAuth clients
oauth-list-registrations *args:
    @{{cli}} list-registrations "$@"

# Show all access tokens with their status (--active / --expired to filter)
oauth-list-tokens *args:
    @{{cli}} list-tokens "$@"

# Show complete OAuth statistics
oauth-stats *args:
    @{{cli}} stats "$@"

# Display everything (stats + registrations + tokens)
oauth-show-all *args:
    @{{cli}} show-all "$@"

# ── Client deletion ─────────────────────────────────────────────────────

# Delete a specific client registration (the client key only)
oauth-delete-registration client_id *args:
    @{{cli}} delete-registration "$@"

# Delete client and ALL associated data (tokens, refresh tokens, codes, states, index entries)
oauth-delete-client-complete client_id *args:
    @{{cli}} delete-client-complete "$@"

# Delete ALL registrations (dangerous! asks; OAUTH_ADMIN_CONFIRM=yes in scripts; --cascade for their data)
oauth-delete-all-registrations *args:
    @{{cli}} delete-all-registrations "$@"

# ── Token management ────────────────────────────────────────────────────

# Delete specific token by JTI
oauth-delete-token jti *args:
    @{{cli}} delete-token "$@"

# Delete ALL tokens (dangerous! access and refresh tokens and user indexes; asks)
oauth-delete-all-tokens *args:
    @{{cli}} delete-all-tokens "$@"

# Log one user out everywhere (--dry-run to preview)
oauth-revoke-user username *args:
    @{{cli}} revoke-user "$@"

# Purge expired tokens (dry run)
oauth-purge-expired-dry *args:
    @{{cli}} purge-expired --dry-run "$@"

# Actually purge expired tokens
oauth-purge-expired *args:
    @{{cli}} purge-expired "$@"

# ── Backup and restore ──────────────────────────────────────────────────

# Backup all OAuth registrations and tokens (backups/oauth-backup-YYYYMMDD-HHMMSS.json, mode 0600)
oauth-backup *args:
    @{{cli}} backup "$@"

# List available backups
oauth-backup-list *args:
    @{{cli}} backup-list "$@"

# View contents of latest backup
oauth-backup-view *args:
    @{{cli}} backup-view "$@"

# View specific backup file
oauth-backup-view-file file *args:
    @{{cli}} backup-view "$@"

# Restore from latest backup (merge: other keys stay; expired entries are not brought back)
oauth-restore *args:
    @{{cli}} restore "$@"

# Restore from specific file
oauth-restore-file file *args:
    @{{cli}} restore "$@"

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

# Clean up test registrations completely
test-cleanup *args:
    @{{cli}} test-cleanup "$@"

# ── Gateway tokens (.env) ───────────────────────────────────────────────

# Generate new JWT secret into .env (GATEWAY_JWT_SECRET)
generate-jwt-secret:
    @{{cli}} generate-jwt-secret

# Generate RSA key pair for RS256 into .env (JWT_PRIVATE_KEY_B64); a valid key is kept
generate-rsa-keys:
    @{{cli}} generate-rsa-keys

# Generate GitHub OAuth token (device flow) and the gateway client token
generate-github-token:
    @{{cli}} generate-github-token

# Refresh existing tokens in .env when near expiry
refresh-tokens *args:
    @{{cli}} refresh-tokens "$@"

# Validate all configured tokens (--online also asks the gateway and GitHub)
validate-tokens *args:
    @{{cli}} validate-tokens "$@"

# Check token expiration
check-token-expiry *args:
    @{{cli}} check-token-expiry "$@"

# Generate token for mcp-streamablehttp-client (registers a client, PKCE authorization)
mcp-client-token:
    @{{cli}} mcp-client-token

# Complete OAuth flow with auth code
mcp-client-token-complete code:
    @{{cli}} mcp-client-token-complete "$@"

# ── Development ─────────────────────────────────────────────────────────

# Run the service with reload (starts a private redis-server when none answers); --demo seeds demo data
dev *args:
    @node --import tsx scripts/dev.ts "$@"

# Fill an empty Redis with realistic gateway-format demo data
seed-demo *args:
    @{{cli}} seed-demo "$@"

# Run the test suite against a private redis-server
test:
    npm test

# Start Redis and the service in containers (needs a Docker engine)
up:
    docker compose up -d --build

# Print the CLI's own help
cli-help:
    @{{cli}} --help
