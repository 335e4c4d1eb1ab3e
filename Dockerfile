# Specwright — production image. Build: docker build -t specwright .
# Runs as a non-root user; needs DATABASE_URL and NEXTAUTH_SECRET, and REDIS_URL for several replicas (see docker-compose.yml).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN DATABASE_URL=postgresql://localhost:5432/build npx prisma generate \
 && npx next build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    SPECWRIGHT_SKIP_BUILD=1 \
    SPECWRIGHT_DATA_DIR=/app/.data
WORKDIR /app
# PDF export prints with the system Chromium (its headless shell); Liberation fonts match the print stylesheet;
# Git sync runs git (ssh for ssh:// repositories)
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium-headless-shell fonts-liberation git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 1001 specwright \
 && useradd --system --uid 1001 --gid specwright --home-dir /app specwright \
 && mkdir -p /app/.data && chown specwright:specwright /app/.data
COPY --from=build --chown=specwright:specwright /app/package.json /app/package-lock.json /app/next.config.js /app/prisma.config.ts /app/proxy.ts /app/tsconfig.json ./
COPY --from=build --chown=specwright:specwright /app/node_modules ./node_modules
COPY --from=build --chown=specwright:specwright /app/.next ./.next
COPY --from=build --chown=specwright:specwright /app/public ./public
COPY --from=build --chown=specwright:specwright /app/lib ./lib
COPY --from=build --chown=specwright:specwright /app/prisma ./prisma
COPY --from=build --chown=specwright:specwright /app/scripts ./scripts
COPY --from=build --chown=specwright:specwright /app/server ./server
USER specwright
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# applies migrations, then serves Next.js and the collaboration socket on $PORT
CMD ["node", "--import", "tsx", "scripts/start.ts"]
