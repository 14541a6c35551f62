#!/usr/bin/env bash
# Emulation build script. ./build.sh help lists the commands.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
PGDIR=${EMULATION_PGDATA:-$ROOT/.pgdata}
PGPORT=${EMULATION_PGPORT:-}
PGBIN=${EMULATION_PGBIN:-/usr/lib/postgresql/15/bin}
APP_PORT=${EMULATION_PORT:-5080}
ARTIFACTS=$ROOT/.artifacts
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) to run: $*"; fi; }

APT_UPDATED=
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die ".NET SDK 10 is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)"
}

ensure_postgres_binaries() {
  [ -x "$PGBIN/postgres" ] || apt_install postgresql-15
  [ -x "$PGBIN/postgres" ] || die "PostgreSQL 15 server not found in $PGBIN"
}

# The private cluster belongs to the postgres OS user when we are root (initdb refuses root), else to us.
pg_as() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

db_url() { echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1;Pooling=true;Maximum Pool Size=60"; }

# The postgres OS user must be able to reach the cluster folder; a checkout under a private home
# directory is not reachable, so the cluster then lives under /var/lib/postgresql instead.
resolve_pgdir() {
  if [ "$(id -u)" = 0 ] && [ -z "${EMULATION_PGDATA:-}" ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$ROOT"; then
    PGDIR=/var/lib/postgresql/emulation-$(printf '%s' "$ROOT" | md5sum | cut -c1-12)
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The cluster keeps the port it was created with (read back from its postgresql.conf); a new cluster
# takes the first free port from 55432 unless EMULATION_PGPORT says otherwise.
resolve_port() {
  if [ -n "${EMULATION_PGPORT:-}" ]; then PGPORT=$EMULATION_PGPORT; return; fi
  local conf
  conf=$( (pg_as cat "$PGDIR/postgresql.conf" 2>/dev/null || true) | sed -n 's/^port = \([0-9]*\).*/\1/p' | tail -n 1)
  if [ -n "$conf" ]; then PGPORT=$conf; return; fi
  PGPORT=55432
  while ! port_free "$PGPORT"; do PGPORT=$((PGPORT + 1)); done
}

ensure_db() {
  ensure_postgres_binaries
  resolve_pgdir
  resolve_port
  if [ ! -f "$PGDIR/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $PGDIR (port $PGPORT, loopback only)"
    mkdir -p "$PGDIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
    chmod 700 "$PGDIR"
    pg_as "$PGBIN/initdb" -D "$PGDIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PGDIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDIR'
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  if ! pg_as "$PGBIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PGPORT"
    pg_as "$PGBIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 start >/dev/null
  fi
}


ensure_database() {
  local name=$1
  if [ "$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -c "select 1 from pg_database where datname='$name'" postgres)" != 1 ]; then
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "create database \"$name\"" postgres
  fi
}

ensure_fonts() { apt_install fonts-liberation2 fonts-dejavu-core; }
ensure_browser() { command -v chromium >/dev/null || apt_install chromium; }
# Certificate tests render PDF pages (poppler) and read their QR codes back (zbar).
ensure_pdf_tools() { apt_install poppler-utils zbar-tools; }

restore_build() {
  ensure_dotnet
  # Generated handler code is only for a publish; left in place, stale copies would be compiled into this build.
  rm -rf src/Host/Internal
  log "building"
  # The build's own status decides (a pipeline status or a later `|| true` would hide a failed build).
  local status=0
  mkdir -p "$ARTIFACTS"
  dotnet build Emulation.sln -c "${CONFIGURATION:-Debug}" -nologo -v quiet -clp:NoSummary "$@" > "$ARTIFACTS/build.log" 2>&1 || status=$?
  grep -vE 'warning NU1603' "$ARTIFACTS/build.log" || true
  [ "$status" = 0 ] || die "build failed (exit $status)"
}

cmd_run() {
  ensure_fonts
  apt_install postgresql-client-15 2>/dev/null || true
  ensure_db
  ensure_database emulation
  restore_build
  local url="http://127.0.0.1:$APP_PORT"
  cat <<MSG

  Emulation is starting at $url
  Demo accounts (password for all: DanVanKheo2025):
    quantri          quản trị hệ thống
    canbo.phuong1    cán bộ Phường 1, TP Cà Mau (đăng ký mô hình)
    canbo.khanhhoi   cán bộ xã Khánh Hội, huyện U Minh
    canbo.phunu      cán bộ Hội LHPN tỉnh Cà Mau
    thuky.bdvtinh    thư ký Ban Dân vận Tỉnh ủy Cà Mau
    uyvien.bdvtinh   thành viên Ban Dân vận Tỉnh ủy Cà Mau
    thuky.bdvtp      thư ký Ban Dân vận Thành ủy Cà Mau
    thuky.phuong1    thư ký Ban Chỉ đạo QCDC Phường 1
    lanhdao.tinh     lãnh đạo phê duyệt cấp tỉnh
    chuyengia.kinhte chuyên gia thẩm định của Ban Dân vận Tỉnh ủy (cũng: chuyengia.xahoi)
  API documentation: $url/api-docs   Health: $url/health   Jobs (admin): $url/hangfire
  Stop with Ctrl+C; the database keeps running (./build.sh db-stop stops it).

MSG
  ConnectionStrings__Emulation="$(db_url emulation)" DemoData__Seed=true ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} \
    exec dotnet run --no-build --project src/Host -- --urls "$url"
}

trx_summary() {
  python3 - "$@" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + '/**/*.trx', recursive=True):
    c = ET.parse(f).getroot().find('.//{*}ResultSummary/{*}Counters')
    if c is None: continue
    passed += int(c.get('passed', 0)); failed += int(c.get('failed', 0)) + int(c.get('error', 0)) + int(c.get('timeout', 0)) + int(c.get('aborted', 0))
    skipped += int(c.get('notExecuted', 0))
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
}

cmd_test() {
  ensure_fonts
  ensure_browser
  ensure_pdf_tools
  apt_install postgresql-client-15 2>/dev/null || true
  ensure_db
  restore_build
  rm -rf "$ARTIFACTS/test-results"
  log "running tests (PostgreSQL on 127.0.0.1:$PGPORT, Chromium $(command -v chromium))"
  local rc=0
  EMULATION_TEST_ADMIN_DB="$(db_url postgres)" EMULATION_CHROMIUM=$(command -v chromium) \
    dotnet test Emulation.sln --no-build -nologo -v quiet --logger "trx" --logger "console;verbosity=normal" \
      --results-directory "$ARTIFACTS/test-results" "$@" || rc=$?
  trx_summary "$ARTIFACTS/test-results"
  return $rc
}

cmd_bench() {
  ensure_db
  apt_install postgresql-contrib 2>/dev/null || true
  CONFIGURATION=Release restore_build
  ensure_database emulation_bench
  EMULATION_BENCH_ADMIN_DB="$(db_url postgres)" EMULATION_PGPORT=$PGPORT \
    dotnet run -c Release --no-build --project tests/Emulation.Benchmarks -- "$@"
}

cmd_codegen() {
  ensure_db; ensure_database emulation; restore_build
  ConnectionStrings__Emulation="$(db_url emulation)" dotnet run --no-build --project src/Host -- codegen write
}

cmd_publish() {
  cmd_codegen
  log "publishing a Release build with the generated handlers to $ARTIFACTS/publish"
  dotnet publish src/Host -c Release -nologo -v quiet -o "$ARTIFACTS/publish"
  rm -rf src/Host/Internal
  echo "Run it with: ConnectionStrings__Emulation='Host=...;Database=...' ASPNETCORE_ENVIRONMENT=Production dotnet $ARTIFACTS/publish/Emulation.Host.dll"
}

case "${1:-help}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  build) shift; restore_build "$@" ;;
  codegen) shift; cmd_codegen ;;
  publish) shift; cmd_publish ;;
  db-start) ensure_db; ensure_database emulation; echo "$(db_url emulation)" ;;
  db-stop) resolve_pgdir; resolve_port; pg_as "$PGBIN/pg_ctl" -D "$PGDIR" -m fast stop ;;
  db-reset)
    resolve_pgdir
    pg_as "$PGBIN/pg_ctl" -D "$PGDIR" -m fast stop 2>/dev/null || true
    rm -rf "$PGDIR"; log "database removed; the next run creates and seeds a new one" ;;
  help|*) cat <<HELP
usage: ./build.sh <command>
  run        start the private database, seed demo data once, run the web app on http://127.0.0.1:$APP_PORT
  test       run all tests (unit, integration against PostgreSQL, architecture, browser); last line: N passed, N failed
  bench      run the benchmarks (see docs/performance.md)
  build      restore and build
  codegen    write Wolverine's generated handler code (for fast production start-up)
  publish    codegen, then a Release build in .artifacts/publish
  db-start   start the private database and print its connection string
  db-stop    stop the private database
  db-reset   delete the private database (all local data)
HELP
  ;;
esac
