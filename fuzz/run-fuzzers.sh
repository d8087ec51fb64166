#!/usr/bin/env bash
# Runs every libFuzzer target built in <fuzz-bin-dir> (see ./setup.sh fuzz and README.md):
#   1. the committed inputs in fuzz/regressions/<target>/ (each once: crashes found earlier),
#   2. a fresh seed corpus from the demo tenant (ledger_fuzz_seeds) for <seconds> of fuzzing.
# A crash, a sanitizer report, a leak or an input slower than 10 s fails the run; the input is
# kept in <work-dir>/<target>/ (add it to tests/ as a regression test, and to fuzz/regressions/).
# usage: run-fuzzers.sh <fuzz-bin-dir> <work-dir> <seconds>
set -euo pipefail
bin=$1 work=$2 seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
targets=(fuzz_jsonscanner fuzz_bodytext fuzz_grapherror fuzz_httprequest fuzz_csvwriter)
rm -rf "$work/seeds"
mkdir -p "$work"
"$bin/ledger_fuzz_seeds" "$work/seeds"
failed=()
for t in "${targets[@]}"; do
    mkdir -p "$work/$t/corpus"
    regressions=()
    if compgen -G "$here/regressions/$t/*" >/dev/null; then
        regressions=("$here/regressions/$t"/*)
    fi
    start=$SECONDS
    if [ ${#regressions[@]} -gt 0 ] && ! "$bin/$t" -timeout=10 "${regressions[@]}" >"$work/$t/regressions.log" 2>&1; then
        echo "run-fuzzers: $t fails on a committed regression input:"; tail -40 "$work/$t/regressions.log"
        failed+=("$t")
        continue
    fi
    # -max_len 64 KiB: bodies and pages larger than that add nothing the seeds do not cover.
    if "$bin/$t" "$work/$t/corpus" "$work/seeds/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/$t/" >"$work/$t/fuzz.log" 2>&1; then
        echo "run-fuzzers: $t: $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$work/$t/fuzz.log" | grep -Eo '[0-9]+$') runs in $((SECONDS - start)) s, no finding"
    else
        echo "run-fuzzers: $t FOUND A PROBLEM (input kept in $work/$t/):"; tail -60 "$work/$t/fuzz.log"
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "run-fuzzers: failed: ${failed[*]}"
    exit 1
fi
echo "run-fuzzers: all ${#targets[@]} targets ran ${seconds} s each without a finding"
