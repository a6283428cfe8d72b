# Samenspraak: the bot in a container. Build: docker build -t samenspraak .
# Run with compose.yaml (bot + PostgreSQL), or alone on the embedded database in /data.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# Read at run time: the migrations, the agendas, the card templates, the school holidays, the manifests.
COPY src/store/migrations ./src/store/migrations
COPY agendas ./agendas
COPY cards ./cards
COPY holidays ./holidays
COPY manifests ./manifests
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
# The image's own unprivileged user; the embedded database lives in the /data volume.
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node itself is PID 1's child through tini-like --init in compose; never `npm start` here: npm does not
# pass SIGTERM on, so `docker stop` would kill the bot instead of letting it finish what is in flight.
CMD ["node", "dist/main.js"]
