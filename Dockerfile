FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY schema ./schema
RUN node scripts/build.mjs
USER node
EXPOSE 4000
# The service's Node flags (README "Quick start"; test/unit/node-flags.test.ts keeps every copy equal):
# a young generation of 8 MiB and an old generation capped at 1 GiB, under which V8 collects before
# its heap grows far past what is live (bench/RESULTS-backup.md).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "--max-old-space-size=1024", "dist/server.js"]
