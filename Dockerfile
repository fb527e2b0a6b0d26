# syntax=docker/dockerfile:1
# One image for the API (default command), the worker and the set-up step; see docker-compose.yml.
#   docker build -t dualroute .
#   docker run --env-file .env -p 3000:3000 dualroute                      # API
#   docker run --env-file .env dualroute node dist/src/worker.js            # worker
#   docker run --env-file .env dualroute node dist/src/cli/seed-demo.js     # migrate (+ demo data)
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
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
