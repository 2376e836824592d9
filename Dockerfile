# EPNS application image, used by docker-compose.yml for three services:
#   app      next start (the default command)
#   migrate  npm run db:migrate
#   worker   npm run worker (pg-boss periodic jobs)
# Configuration comes only from environment variables at run time (README.md, "Configuration").
# Nothing secret is baked into the image.

# ---- dependencies -----------------------------------------------------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    # docs/decisions/002: only the Prisma client is generated; no schema engine is fetched.
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true
# postinstall runs `prisma generate`, which needs the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# ---- build ------------------------------------------------------------------
FROM deps AS build
# Explicit list, so local files (.data/, .env, .next/) never end up in the image.
COPY next.config.ts tsconfig.json ./
COPY messages ./messages
COPY public ./public
COPY scripts ./scripts
COPY src ./src
# `prebuild` copies the DSFR icons into public/dsfr, then `next build` runs.
RUN npm run build

# ---- runtime ----------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/true \
    PORT=3000
# The full node_modules is kept: `npm run db:migrate` (and the worker) run TypeScript
# through tsx, which is a devDependency. A slimmer image would bundle those entry points.
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/prisma.config.ts /app/next.config.ts /app/tsconfig.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/messages ./messages
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/scripts ./scripts
COPY --from=build --chown=node:node /app/src ./src
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `next start` directly (what `npm start` does), never the local launcher: scripts/run.ts starts local
# stand-ins for unset parts and seeds demo data, which production must never do.
CMD ["node", "node_modules/next/dist/bin/next", "start", "--hostname", "0.0.0.0", "--port", "3000"]
