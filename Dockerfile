# The admin service's image, in two stages: `build` installs every dependency, compiles dist/ (esbuild,
# a dev dependency) and prunes node_modules to the production dependencies; the runtime stage gets
# dist/ and those node_modules only (no npm install, no compiler, no esbuild/tsx, no sources) and
# runs as uid 1000.
#
# Both bases can be replaced with build arguments: CI, which reaches no image registry, builds them
# from the host's own node (docker/local-images.sh) and passes
#   --build-arg BUILD_IMAGE=oauth-admin-node-build:local --build-arg RUNTIME_IMAGE=oauth-admin-node:local
# The runtime stage runs no command of its own (only COPY), so a base without a shell works.
ARG BUILD_IMAGE=node:20-bookworm-slim
ARG RUNTIME_IMAGE=node:20-bookworm-slim

FROM ${BUILD_IMAGE} AS build
WORKDIR /app
# npm ci runs our postinstall (scripts/link-just.mjs: .bin/just straight to the native binary).
COPY package.json package-lock.json ./
COPY scripts/link-just.mjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY schema ./schema
# Build, then keep only the production dependencies; dist/ loads nothing else (its imports are the
# runtime dependencies). `npm prune` leaves the emptied scope directory of esbuild's binaries and
# the .bin links behind: removed too. /backups is made here so the runtime stage can take it with its owner.
RUN node scripts/build.mjs --force \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@esbuild node_modules/.bin \
 && mkdir -p /out/backups

FROM ${RUNTIME_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 BACKUP_DIR=/backups
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The backup directory belongs to the user the service runs as (1000, `node` in node images): a
# named volume mounted here starts as a copy of it, owner included, so the first backup can be written.
COPY --from=build --chown=1000:1000 /out/backups /backups
VOLUME ["/backups"]
USER 1000:1000
EXPOSE 4000
# The service's Node flags (README "Quick start"; test/unit/node-flags.test.ts keeps every copy equal):
# a young generation of 8 MiB and an old generation capped at 1 GiB, under which V8 collects before
# its heap grows far past what is live (bench/RESULTS-backup.md). The same command as `npm start`.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "--max-old-space-size=1024", "dist/server.js"]
