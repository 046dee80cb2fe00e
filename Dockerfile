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
CMD ["node", "--enable-source-maps", "dist/server.js"]
