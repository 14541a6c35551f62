#!/bin/bash
# Benchmarks one after the other, each result kept (docs/performance.md, "closing runs"):
#   tests/Emulation.Benchmarks/closing-runs.sh [output folder, default /tmp/closing-runs] [issues|write-path]
# issues (default): the benchmarks of issues 7-10; write-path: the register at full size, score submissions and
# monitoring report appends ("What a write costs"); whole-path: the benchmarks whose method the audit of issues 6-8
# changed ("Benchmarks that measure the whole path"); prepared: the assignment and the two write ratios after ADR 0071.
# Run it from a checkout with nothing else busy on the machine; it prints nothing, read <folder>/log and <folder>/*.md.
cd "$(dirname "$0")/../.." || exit 1
out=${1:-/tmp/closing-runs}; mkdir -p "$out"
run() { local name=$1; shift; echo "== $name $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"
  ./build.sh bench "$@" > "$out/$name.log" 2>&1; cp .artifacts/bench-results.md "$out/$name.md"
  echo "   end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/log"; }
if [ "${2:-issues}" = whole-path ]; then
  run review --review
  run documents --documents
  run evidence --evidence
  run monitoring --monitoring --seconds 10 --clients 16
  run scoring --scoring --seconds 15 --clients 16
  run recovery --recovery --rounds 3
elif [ "${2:-issues}" = prepared ]; then
  run review --review
  run monitoring --monitoring --seconds 10 --clients 16
  run scoring --scoring --seconds 15 --clients 16
elif [ "${2:-issues}" = write-path ]; then
  run register --models 200000 --seconds 10 --directory 1300
  run scoring --scoring --seconds 15 --clients 16
  run monitoring --monitoring --seconds 10 --clients 16
else
  run import --import --models 5000
  run report --report --models 200000
  run documents --documents
  run awards --awards
  run scoring --scoring --seconds 15 --clients 16
  run dashboard --dashboard
fi
echo DONE >> "$out/log"
