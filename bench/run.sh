#!/usr/bin/env bash
# Tarjim's benchmarks, one command (./tarjim bench runs it): builds what they need, starts the emulators they use,
# runs them all and prints one summary.
#   cold start  fresh JVM per run for each function over the real Lambda zip, lean vs naive build, beside a floor
#               (a constant handler in a zip of its own, same harness); zip sizes; jars that load no class
#   feed render JMH: a 50-entry Arabic feed in RSS, Atom, JSON Feed vs Rome's plain SyndFeedOutput
#   gateway     wrk against the local gateway: 304 poll and full feed (requests/s, p50, p99; median of runs)
#   uploads     100 English uploads through the local stack (APy en->es,ca) until every report settles
#   memory      translation memory: re-upload with one paragraph changed, with vs without (needs APy)
#   change log  partner poll cost for 1,000 and 10,000 changes
# Writes bench/target/bench/summary.txt (what it prints), summary.json (the figures by name, medians of the runs:
# see README, Benchmarks; with BENCH_ONLY, figures of the benchmarks not run stay from before) and unused-jars.txt
# (the zips' jars from which the cold starts loaded no class).
# Options (environment): BENCH_RUNS (7) and BENCH_NAIVE_RUNS (5) cold-start runs; BENCH_GATEWAY_URL to measure a
# running ./tarjim local instead of starting one; BENCH_WRK_SECONDS (10) and BENCH_WRK_RUNS (3); BENCH_UPLOADS (100)
# and BENCH_UPLOAD_RUNS (1); BENCH_POLLS (30); BENCH_ONLY, a space separated subset of:
# coldstart feed gateway uploads memory changelog.
# Installs what is missing like ./tarjim local does (./tarjim setup: dynalite; as root, Apertium and the AWS CLI via
# apt) and, as root, wrk via apt. Needs java 17+ and mvn. Never runs mvn install.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/target/bench"
SUMMARY="$OUT/summary.txt"
JSON="$OUT/summary.json"
ONLY="${BENCH_ONLY:-coldstart feed gateway uploads memory changelog}"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
wanted() { [[ " $ONLY " == *" $1 "* ]]; }

command -v java >/dev/null || die "java is missing"
command -v mvn >/dev/null || die "mvn is missing"
"$ROOT/tarjim" setup || die "./tarjim setup failed"
[[ -f .local/dynalite/node_modules/dynalite/cli.js ]] || die "dynalite is missing: run ./tarjim setup"
if wanted gateway; then
  if ! command -v wrk >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
      say "installing wrk"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null \
        || die "apt-get install wrk failed"
    else
      die "wrk is missing: as root, apt-get install wrk (or BENCH_ONLY without gateway)"
    fi
  fi
fi

mkdir -p "$OUT"
: > "$SUMMARY"
# A full run starts summary.json afresh; with BENCH_ONLY, the figures of the benchmarks not run are kept.
[[ -z "${BENCH_ONLY:-}" ]] && rm -f "$JSON"
wanted coldstart && rm -f "$OUT/unused-jars.txt"
started=$(date +%s)

say "building (mvn -DskipTests package; log: $OUT/build.log)"
# One reactor build: the Lambda zips, the test classes of core (two benchmarks live there) and the class path of the
# bench module, which then points at the reactor's fresh jars rather than at any installed snapshot.
if ! mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=runtime >"$OUT/build.log" 2>&1; then
  tail -40 "$OUT/build.log" >&2
  die "the build failed"
fi
if wanted coldstart && [[ ! -d bench/target/naive-lib ]]; then
  say "resolving the naive build's jars (bench/naive/pom.xml)"
  mvn -q -B -f bench/naive/pom.xml dependency:copy-dependencies -DoutputDirectory=../target/naive-lib \
    >>"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log" >&2; die "cannot resolve the naive jars"; }
fi
CP="$ROOT/bench/target/classes:$(cat bench/target/bench-classpath.txt)"
TEST_CP="$ROOT/core/target/test-classes:$ROOT/emulators/target/classes:$CP"
JAVA=(java -Dtarjim.root="$ROOT")

{
  echo "Tarjim benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "load at start: $(uptime)"
} >>"$SUMMARY"

failed=()
step() {  # step NAME COMMAND...: runs one benchmark, its full output in $OUT/NAME.log
  local name="$1"; shift
  wanted "$name" || return 0
  say "$name ... (log: $OUT/$name.log)"
  local t0=$(date +%s)
  if "$@" >"$OUT/$name.log" 2>&1; then
    say "$name done in $(( $(date +%s) - t0 )) s"
  else
    failed+=("$name")
    say "$name FAILED; last lines of its log:"
    tail -15 "$OUT/$name.log" >&2
    printf '\n== %s: FAILED (see %s) ==\n' "$name" "$OUT/$name.log" >>"$SUMMARY"
  fi
}

# The two benchmarks in core's tests print their own tables: keep those lines for the summary.
table_of() {  # table_of NAME TITLE: appends the benchmark's table (lines after its first blank line) to the summary
  wanted "$1" || return 0
  [[ " ${failed[*]-} " == *" $1 "* ]] && return 0
  printf '\n== %s ==\n' "$2" >>"$SUMMARY"
  grep -v -E '^\{|^[0-9]{2}:[0-9]{2}:[0-9]{2}|^\s*$|WARN|INFO' "$OUT/$1.log" >>"$SUMMARY"
}

step coldstart "${JAVA[@]}" -cp "$CP" dev.tarjim.bench.ColdStart --root "$ROOT" \
  --naive-lib "$ROOT/bench/target/naive-lib" --runs "${BENCH_RUNS:-7}" --naive-runs "${BENCH_NAIVE_RUNS:-5}" \
  --out "$SUMMARY" --json "$JSON" --unused "$OUT/unused-jars.txt"
step feed "${JAVA[@]}" -cp "$CP" dev.tarjim.bench.FeedRenderMain --out "$SUMMARY"
gateway_args=(--root "$ROOT" --duration "${BENCH_WRK_SECONDS:-10}" --runs "${BENCH_WRK_RUNS:-3}" --out "$SUMMARY"
  --json "$JSON")
[[ -n "${BENCH_GATEWAY_URL:-}" ]] && gateway_args+=(--url "$BENCH_GATEWAY_URL")
step gateway "${JAVA[@]}" -cp "$CP" dev.tarjim.bench.GatewayBench "${gateway_args[@]}"
step uploads "${JAVA[@]}" -cp "$CP" dev.tarjim.bench.UploadsBench --root "$ROOT" --uploads "${BENCH_UPLOADS:-100}" \
  --runs "${BENCH_UPLOAD_RUNS:-1}" --out "$SUMMARY" --json "$JSON" --log "$OUT/uploads-localstack.log"
step memory "${JAVA[@]}" -cp "$TEST_CP" dev.tarjim.translation.TranslationMemoryBenchmark
table_of memory "Translation memory (TranslationMemoryBenchmark, real APy en->es, dynalite)"
step changelog "${JAVA[@]}" -cp "$TEST_CP" dev.tarjim.syndication.ChangeLogBenchmark "${BENCH_POLLS:-30}"
table_of changelog "Partner poll cost (ChangeLogBenchmark, dynalite, ${BENCH_POLLS:-30} polls per row)"

{
  echo
  echo "load at end: $(uptime)"
  echo "total: $(( $(date +%s) - started )) s; full logs in $OUT"
  [[ -f "$JSON" ]] && printf '\n== %s ==\n%s\n' "$JSON" "$(cat "$JSON")"
} >>"$SUMMARY"
echo
cat "$SUMMARY"
if (( ${#failed[@]} )); then
  say "failed: ${failed[*]}"
  exit 1
fi
