# cognito-emulator image: a local, offline Amazon Cognito user pool for tests and CI.
#   docker build -t cognito-emulator .
#   docker run -p 9229:9229 cognito-emulator                       # the example fixture
#   docker run -p 9229:9229 -v "$PWD/fixtures:/fixtures:ro" -e FIXTURES=/fixtures cognito-emulator
#   docker run -p 9229:9229 -p 9443:9443 -e HTTPS_PORT=9443 cognito-emulator   # also https, local CA
# Every stage starts from the same Debian-based Node image, so a locally made stand-in with this
# name is enough to build offline (test/docker/run.sh does that).
ARG NODE_IMAGE=node:24-bookworm-slim

# --- build: dev dependencies, tsc, then the two bundles ---------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; we build explicitly below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts/bundle.mjs ./scripts/
# `npm run build` compiles dist/, then bundles dist/main.js and dist/cli.js in place (scripts/bundle.mjs).
RUN npm run build

# --- deps: production dependencies only, without npm's cache ----------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# --- runtime: what runs, nothing else ----------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG VERSION=dev
ARG SOURCE=https://github.com/cognito-emulator/cognito-emulator
LABEL org.opencontainers.image.title="cognito-emulator" \
      org.opencontainers.image.description="Local, offline, Amazon Cognito compatible OAuth2/OIDC server for tests" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
# Application files stay owned by root (read-only for the process); only /data is writable.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
# The two bundles and cli.js's chunks (dist/cli-*.js: what is imported on first use, such as the JSON
# API's operations, jose and the public test keys, and code they share with cli.js) are the whole of
# dist/ that runs: everything they import from dist/ is inside them, and the rest comes from node_modules.
COPY --from=build /app/dist/main.js /app/dist/cli*.js ./dist/
COPY fixtures ./fixtures
# /data: where DATA_FILE goes (e.g. DATA_FILE=/data/state.json with `-v cognito-data:/data`).
# Not declared as a VOLUME, so plain runs leave no anonymous volumes behind; a named volume
# mounted here starts out owned by node.
# /app/compile-cache: Node's compile cache (NODE_COMPILE_CACHE), the emulator's code compiled once.
RUN mkdir -p /data /app/compile-cache && chown node:node /data /app/compile-cache
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=9229 \
    FIXTURES=/app/fixtures/example.json \
    NODE_COMPILE_CACHE=/app/compile-cache
USER node
# Fills the compile cache, so that every start reads the emulator's compiled code instead of
# compiling it: --help loads dist/cli.js and the chunks it imports (all that start-up compiles) and
# exits; the import() then compiles the chunks loaded later. Node keeps one cache per Node version
# and user, hence as the user that runs the emulator.
# https://nodejs.org/api/module.html#module-compile-cache
RUN node /app/dist/main.js --help >/dev/null \
 && cd /app/dist && node -e "Promise.all(require('node:fs').readdirSync('.').filter((f) => /^cli-.+\.js$/.test(f)).map((f) => import('./' + f)))" \
 && test -n "$(ls -A /app/compile-cache)"
# 9443: the TLS listener when HTTPS_PORT=9443 is set (off by default). Its generated CA is kept in
# /data/cognito-emulator-tls with DATA_FILE=/data/..., else in /home/node/.cache (set TLS_DIR to
# choose), and served at /_emulator/tls/ca.pem.
EXPOSE 9229 9443
# node only (the image has no curl or wget); follows PORT when it is overridden.
HEALTHCHECK --interval=3s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||9229)+'/health',{signal:AbortSignal.timeout(2500)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (src/cli.ts): it stops accepting connections, lets
# in-flight requests finish, flushes DATA_FILE and exits 0. No init process is needed.
STOPSIGNAL SIGTERM
# Flags may follow the image name: `docker run cognito-emulator --log-level debug`.
ENTRYPOINT ["node", "/app/dist/main.js"]
