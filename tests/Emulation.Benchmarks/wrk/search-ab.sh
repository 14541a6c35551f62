#!/usr/bin/env bash
# The register's search under 8 connections, two hosts in turn (e.g. the code before and after a change, both against one
# copy of the benchmark's 200,000-model database), so that both meet the same load on a shared machine:
#   tests/Emulation.Benchmarks/wrk/search-ab.sh 5090 5091 [rounds] [seconds]
set -euo pipefail
cd "$(dirname "$0")"
A=$1; B=$2; ROUNDS=${3:-3}; SECONDS_=${4:-15}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
token() {
  curl -sf -H 'content-type: application/json' -d "{\"userName\":\"$2\",\"password\":\"DanVanKheo2025\"}" "http://127.0.0.1:$1/api/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
for r in $(seq "$ROUNDS"); do
  for port in $A $B; do
    echo "== round $r, host :$port, load $(cut -d' ' -f1-3 /proc/loadavg)"
    TOKENS="$(token "$port" quantri) $(token "$port" canbo.khanhhoi)" \
      wrk -t2 -c8 -d"${SECONDS_}s" --latency -s search.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
  done
done
