# AskProAI app image (PostgreSQL and Redis come from outside, see compose.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
# The heap limits `npm start` sets (package.json config.serverNodeOptions): V8 otherwise keeps
# several times the live heap. A NODE_OPTIONS of your own (docker run -e) replaces them.
ENV NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=8"
COPY --from=build /app ./
EXPOSE 3000
# SIGTERM reaches Next.js directly (no shell in between): readiness turns 503, the outbox
# worker finishes its job, connections close.
CMD ["node", "server/doors/http/server.mjs"]
