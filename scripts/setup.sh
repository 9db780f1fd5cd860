#!/usr/bin/env bash
# Prepares a Debian 12 machine to run and test Adl: system packages, PostgreSQL and Redis,
# npm dependencies, a development signing certificate, then build, migrate and seed.
# Safe to run again; a run on a ready machine only rebuilds, migrates and seeds.
#
#   bash scripts/setup.sh && npm start
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PORT="${PORT:-3000}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/adl}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export DOCUMENT_SIGNING_PASSWORD="${DOCUMENT_SIGNING_PASSWORD:-adl-dev}"
# puppeteer-core never downloads a browser, but a stray `puppeteer` dependency would try to.
export PUPPETEER_SKIP_DOWNLOAD=1

SIGNING_P12=var/certs/adl-dev.p12
SERVICE_WAIT_SECONDS=30

step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# ---------------------------------------------------------------------------------------------
# URLs: host and port, for probing and for deciding whether a service is ours to start.

url_host() { # url
  local rest=${1#*://}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  rest=${rest##*@}
  if [[ $rest == \[* ]]; then
    rest=${rest#[}
    printf '%s' "${rest%%]*}"
  else
    printf '%s' "${rest%%:*}"
  fi
}

url_port() { # url default-port
  local rest=${1#*://}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  rest=${rest##*@}
  rest=${rest##*]}
  if [[ $rest == *:* && -n ${rest##*:} ]]; then printf '%s' "${rest##*:}"; else printf '%s' "$2"; fi
}

is_local() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }

port_open() { # host port
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

wait_for() { # description command...
  local what=$1 i
  shift
  for ((i = 0; i < SERVICE_WAIT_SECONDS * 2; i++)); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  die "$what did not answer within ${SERVICE_WAIT_SECONDS}s."
}

PG_HOST=$(url_host "$DATABASE_URL")
PG_PORT=$(url_port "$DATABASE_URL" 5432)
REDIS_HOST=$(url_host "$REDIS_URL")
REDIS_PORT=$(url_port "$REDIS_URL" 6379)

# ---------------------------------------------------------------------------------------------
step "System packages"

packages=(chromium fonts-noto-core fonts-hosny-amiri poppler-utils openssl)
# A remote database or Redis needs no local server.
fresh_postgresql=false
if is_local "$PG_HOST" && ! dpkg -s postgresql >/dev/null 2>&1; then
  packages+=(postgresql)
  fresh_postgresql=true
fi
if is_local "$REDIS_HOST" && ! dpkg -s redis-server >/dev/null 2>&1; then
  packages+=(redis-server)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done

if ((${#missing[@]})); then
  note "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  # Recommends would add ~100 desktop packages (upower, mesa, notification daemon) that
  # headless Chromium does not use.
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  note "all present"
fi

[[ -x $CHROMIUM_PATH ]] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable."

# ---------------------------------------------------------------------------------------------
step "PostgreSQL at $PG_HOST:$PG_PORT"

pg_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
  else
    port_open "$PG_HOST" "$PG_PORT"
  fi
}

# The local cluster configured for our port, as "version name" (on these machines `15 main`).
pg_cluster() {
  local found
  found=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }')
  [[ -n $found ]] || die "no local PostgreSQL cluster is set up for port $PG_PORT (see pg_lsclusters)."
  printf '%s' "$found"
}

pg_cluster_ctl() { # "version name" action
  local version name
  read -r version name <<<"$1"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$name" "$2"
}

if $fresh_postgresql; then
  # Configure it like the machines this project is developed on: trust on loopback, so the
  # default DATABASE_URL (no password) works; Debian's default asks for a password that the
  # postgres role does not have.
  cluster=$(pg_cluster)
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' \
    "/etc/postgresql/${cluster/ //}/pg_hba.conf"
  note "new cluster $cluster: trust authentication on loopback"
  if pg_ready; then pg_cluster_ctl "$cluster" reload; fi
fi

if pg_ready; then
  note "running"
elif is_local "$PG_HOST"; then
  cluster=$(pg_cluster)
  note "starting cluster $cluster"
  # "Already running" (while it is still starting up) is no failure; readiness is what counts.
  pg_cluster_ctl "$cluster" start || true
  wait_for "PostgreSQL on port $PG_PORT" pg_ready
  note "started"
else
  die "cannot reach PostgreSQL at $PG_HOST:$PG_PORT (DATABASE_URL)."
fi

# ---------------------------------------------------------------------------------------------
step "Redis at $REDIS_HOST:$REDIS_PORT"

if port_open "$REDIS_HOST" "$REDIS_PORT"; then
  note "running"
elif is_local "$REDIS_HOST"; then
  note "starting redis-server"
  # No persistence: queues on a development machine are disposable. "-::1" listens on IPv6
  # loopback too where it exists, since Node may resolve localhost to ::1.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir "${TMPDIR:-/tmp}"
  wait_for "Redis on port $REDIS_PORT" port_open "$REDIS_HOST" "$REDIS_PORT"
  note "started"
else
  die "cannot reach Redis at $REDIS_HOST:$REDIS_PORT (REDIS_URL)."
fi

# BullMQ loses jobs silently if Redis may evict keys.
if command -v redis-cli >/dev/null && [[ $REDIS_URL == redis://* ]]; then
  redis() { redis-cli --no-auth-warning -u "$REDIS_URL" "$@"; }
  policy=$(redis CONFIG GET maxmemory-policy 2>/dev/null | sed -n 2p || true)
  if [[ -z $policy ]]; then
    note "could not read maxmemory-policy; BullMQ needs noeviction"
  elif [[ $policy != noeviction ]]; then
    redis CONFIG SET maxmemory-policy noeviction >/dev/null
    note "maxmemory-policy was $policy, set to noeviction (until Redis restarts)"
  fi
fi

# ---------------------------------------------------------------------------------------------
step "npm dependencies"

# The native addons (argon2) are built for one Node ABI, so that is part of the stamp too.
lock_stamp() {
  printf '%s node-abi-%s\n' "$(sha256sum package-lock.json | cut -d' ' -f1)" "$(node -p process.versions.modules)"
}
stamp_file=node_modules/.adl-lock-hash

if [[ -f $stamp_file && "$(cat "$stamp_file")" == "$(lock_stamp)" ]]; then
  note "up to date"
else
  # npm ci refuses a lockfile that lacks other platforms' optional packages (a lockfile written
  # against a registry that did not serve them); npm install accepts it. Its own errors follow if
  # it fails too.
  ci_log=$(mktemp)
  if npm ci --no-audit --no-fund >"$ci_log" 2>&1; then
    grep -E '^(added|changed|removed)' "$ci_log" | sed 's/^/    /' || true
  else
    # The first missing package says more than npm's generic sentence.
    reason=$(awk '/^npm error Missing:/ { print substr($0, 11); found = 1; exit }
      /^npm error [^ ]/ && !/^npm error code / && first == "" { first = substr($0, 11) }
      END { if (!found) print first }' "$ci_log")
    note "npm ci failed: $reason"
    note "falling back to npm install"
    npm install --no-audit --no-fund
  fi
  rm -f "$ci_log"
  lock_stamp >"$stamp_file"
fi

# ---------------------------------------------------------------------------------------------
step "Document signing certificate"

if [[ -f $SIGNING_P12 ]]; then
  if openssl pkcs12 -in "$SIGNING_P12" -passin env:DOCUMENT_SIGNING_PASSWORD -noout 2>/dev/null; then
    note "$SIGNING_P12 present"
  else
    note "WARNING: $SIGNING_P12 does not open with DOCUMENT_SIGNING_PASSWORD; delete it to make a new one"
  fi
else
  mkdir -p "$(dirname "$SIGNING_P12")"
  workdir=$(mktemp -d)
  trap 'rm -rf "$workdir"' EXIT
  # ECDSA P-256: as strong as RSA-3072 and much cheaper per signature (one per document).
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -sha256 -days 3650 -nodes \
    -subj "/C=SA/O=Adl/CN=Adl Development Signing" \
    -addext "keyUsage=critical,digitalSignature,nonRepudiation" \
    -addext "basicConstraints=critical,CA:FALSE" \
    -keyout "$workdir/key.pem" -out "$workdir/cert.pem" 2>/dev/null
  # SHA1/3DES rather than OpenSSL 3's AES default, which macOS Keychain and older Java and
  # PDF tools cannot open; every PKCS#12 reader takes these.
  (umask 077 && openssl pkcs12 -export -name "Adl Development Signing" \
    -inkey "$workdir/key.pem" -in "$workdir/cert.pem" \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 \
    -passout env:DOCUMENT_SIGNING_PASSWORD -out "$SIGNING_P12")
  note "created $SIGNING_P12 (self-signed, for development only)"
fi

# ---------------------------------------------------------------------------------------------
step "Build"
# tsc never deletes output, and a stale compiled file (a removed migration, say) would still load.
rm -rf dist
npm run --silent build

step "Migrate"
npm run --silent migrate

step "Seed"
npm run --silent seed

step "Ready: npm start serves the portal at http://localhost:$PORT/ and GraphQL at /graphql"
