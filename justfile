# oauth-admin: the gateway's OAuth management commands, on our GraphQL operations.
set dotenv-load := false

# List the recipes
default:
    @just --list

# Run the service with reload on change
dev:
    npm run dev

# Run the test suite against a private redis-server
test:
    npm test

# Start Redis and the service in containers (needs a Docker engine)
up:
    docker compose up -d --build
