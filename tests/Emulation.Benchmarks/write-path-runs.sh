#!/bin/bash
# The write path and the register at full size, one after the other (docs/performance.md, "What a write costs"):
#   tests/Emulation.Benchmarks/write-path-runs.sh [output folder, default /tmp/write-path-runs]
# Run it from a checkout with nothing else busy on the machine; it prints nothing, read <folder>/log and <folder>/*.md.
cd "$(dirname "$0")/../.." || exit 1
out=${1:-/tmp/write-path-runs}; mkdir -p "$out"
run() { local name=$1; shift; echo "== $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"
  ./build.sh bench "$@" > "$out/$name.log" 2>&1; cp .artifacts/bench-results.md "$out/$name.md"
  echo "   end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"; }
run register --models 200000 --seconds 10 --directory 1300
run scoring --scoring --seconds 15 --clients 16
run monitoring --monitoring --seconds 10 --clients 16
echo DONE >> "$out/log"
