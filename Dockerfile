# syntax=docker/dockerfile:1
# One image for the API (default command), the worker and the set-up step; see docker-compose.yml
# (development) and docker-compose.prod.yml (production). The image runs with NODE_ENV=production:
# it needs JWT_SECRET, PUBLIC_BASE_URL, (the worker) SEAL_P12_PATH, and BOOTSTRAP_ADMIN_* for a
# first admin.
#   docker build -t dualroute .
#   docker run --env-file .env -p 3000:3000 dualroute                      # API
#   docker run --env-file .env dualroute node dist/src/worker.js            # worker (health on 3001)
#   docker run --env-file .env dualroute node dist/src/cli/seed-demo.js     # migrate (no demo data)
ARG NODE_VERSION=20

# --- build: all dependencies, compile, then drop the dev dependencies --------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY nest-cli.json tsconfig.json tsconfig.build.json ./
COPY libs ./libs
COPY migrations ./migrations
COPY src ./src
COPY assets ./assets
RUN npx nest build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled code and production dependencies only, as the unprivileged node user ------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The open-licence fonts every agreement PDF embeds.
COPY --from=build /app/assets ./assets
# A writable directory for local state (e.g. a local document store), owned by the app user.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# 3000: the API; 3001: the worker's health endpoints (WORKER_HEALTH_PORT).
EXPOSE 3000 3001
CMD ["node", "dist/src/main.js"]
