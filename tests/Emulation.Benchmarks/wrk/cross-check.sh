#!/usr/bin/env bash
# Cross-check of the in-process load generator with an outside one (wrk, C): GET /api/auth/me and
# POST /api/registry/models (a draft with a unique name) against a host that is already running, e.g.
#   EMULATION_PORT=5185 ./build.sh run          (in another terminal)
#   tests/Emulation.Benchmarks/wrk/cross-check.sh 5185
# Prints wrk's summaries; compare with the `GET /api/auth/me` row of ./build.sh bench.
set -euo pipefail
cd "$(dirname "$0")"
PORT=${1:-5185}; SECONDS_=${2:-10}; CONNECTIONS=${3:-16}
URL="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
token() {
  curl -sf -H 'content-type: application/json' -d "{\"userName\":\"$1\",\"password\":\"DanVanKheo2025\"}" "$URL/api/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}
OFFICER=$(token canbo.phuong1)
PERIOD=$(curl -sf -H "authorization: Bearer $OFFICER" "$URL/api/registry/campaigns" |
  python3 -c 'import json,sys; print([p["id"] for c in json.load(sys.stdin) for p in c["periods"] if p.get("open", True)][-1])')
echo "== GET /api/auth/me, $CONNECTIONS connections, $SECONDS_ s"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -H "authorization: Bearer $OFFICER" "$URL/api/auth/me"
echo "== POST /api/registry/models (draft), $CONNECTIONS connections, $SECONDS_ s, period $PERIOD"
TOKEN=$OFFICER PERIOD=$PERIOD wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s draft.lua "$URL/api/registry/models"
