#!/bin/bash
# The benchmarks of issues 7-10 one after the other, each result kept (docs/performance.md, "closing runs"):
#   tests/Emulation.Benchmarks/closing-runs.sh [output folder, default /tmp/closing-runs]
# Run it from a checkout with nothing else busy on the machine; it prints nothing, read <folder>/log and <folder>/*.md.
cd "$(dirname "$0")/../.." || exit 1
out=${1:-/tmp/closing-runs}; mkdir -p "$out"
run() { local name=$1; shift; echo "== $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"
  ./build.sh bench "$@" > "$out/$name.log" 2>&1; cp .artifacts/bench-results.md "$out/$name.md"
  echo "   end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"; }
run import --import --models 5000
run report --report --models 200000
run documents --documents
run awards --awards
run scoring --scoring --seconds 15 --clients 16
run dashboard --dashboard
echo DONE >> "$out/log"
