#!/usr/bin/env bash
# 100 uploads of English articles to ./tarjim local (Apertium's APy translating each into Spanish and Catalan): the
# seconds from the start of `aws s3 cp --recursive` until every report is settled (stored, es and ca translated).
# Starts its own stack on free ports and a temporary data folder, as ./tarjim local runs it, and stops it after.
# Options (environment): UPLOADS (100); INGEST_CONCURRENCY (the stack's, default 4); BENCH_APY_ARGS, e.g.
# "-j 2 -i 2": run APy with these options (this script starts it; the stack then runs with --no-apy), to see whether
# the one shared translator is what limits the figure. Prints one line and writes bench/target/bench/uploads.json
# ({"ingest.uploads_100_seconds": ...}). Needs what ./tarjim local needs, apertium-apy with eng-spa and eng-cat,
# and Debian's AWS CLI v2 (/usr/bin/aws).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/target/bench"
UPLOADS="${UPLOADS:-100}"
AWS=/usr/bin/aws
say() { printf 'uploads: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

[[ -x "$AWS" ]] || die "Debian's AWS CLI v2 is missing (apt-get install awscli)"
command -v apertium-apy >/dev/null || die "apertium-apy is missing (./tarjim setup as root)"
mkdir -p "$OUT"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dynamo=$(free_port); s3=$(free_port); apy=$(free_port); gateway=$(free_port)
data="$(mktemp -d)"
log="$OUT/uploads-stack.log"
stack_pid=""; apy_pid=""
cleanup() {
  [[ -n "$stack_pid" ]] && kill "$stack_pid" 2>/dev/null && wait "$stack_pid" 2>/dev/null
  [[ -n "$apy_pid" ]] && kill "$apy_pid" 2>/dev/null && wait "$apy_pid" 2>/dev/null
  rm -rf "$data"
}
trap cleanup EXIT

stack_args=(--data "$data")
if [[ -n "${BENCH_APY_ARGS:-}" ]]; then
  # shellcheck disable=SC2086
  apertium-apy -p "$apy" ${BENCH_APY_ARGS} /usr/share/apertium/modes >"$OUT/uploads-apy.log" 2>&1 &
  apy_pid=$!
  stack_args+=(--no-apy)
fi

say "starting the stack (log: $log)"
AWS_ENDPOINT_URL_S3="http://127.0.0.1:$s3" AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$dynamo" \
  APERTIUM_URL="http://127.0.0.1:$apy" PUBLIC_BASE_URL="http://127.0.0.1:$gateway" TARJIM_ACCESS_LOG=false \
  TARGET_LANGUAGES=en,es,ca "$ROOT/tarjim" local "${stack_args[@]}" >"$log" 2>&1 &
stack_pid=$!
for _ in $(seq 1 600); do
  grep -q "Tarjim local stack is up" "$log" && break
  kill -0 "$stack_pid" 2>/dev/null || { tail -30 "$log" >&2; die "the stack did not start"; }
  sleep 0.5
done
grep -q "Tarjim local stack is up" "$log" || die "the stack did not start in 5 minutes"
if [[ -z "${BENCH_APY_ARGS:-}" ]] && grep -q "APy)      not running" "$log"; then
  die "APy is not running in the stack: the figure is for real translations"
fi
if [[ -n "$apy_pid" ]]; then
  for _ in $(seq 1 120); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$apy),1)" 2>/dev/null && break
    sleep 0.5
  done
fi

batch="$data/batch"
mkdir -p "$batch"
# Distinct sentences in every article, so that the translation memory saves nothing and each one costs APy its work.
python3 - "$batch" "$UPLOADS" <<'EOF'
import sys, os
out, n = sys.argv[1], int(sys.argv[2])
cities = ["London", "Madrid", "Barcelona", "Paris", "Berlin", "Rome", "Lisbon", "Vienna", "Dublin", "Warsaw"]
topics = ["schools", "hospitals", "roads", "housing", "water", "energy", "parks", "libraries", "transport", "markets"]
people = ["the mayor", "the minister", "the council", "the president", "the director", "the union", "the company"]
templates = [
    "On {day} {who} of {city} announced a plan of {m} million euros for {topic}.",
    "The plan, which {who} presented at a meeting with {k} local groups, would take {y} years.",
    "According to the report, {p} per cent of the families in {city} use the {topic} every week.",
    "Critics said that the money for {topic} was not enough and that {who} had waited too long.",
    "The government will publish the details of the project before the end of {month}.",
    "In {city}, {k} new workers will join the service and the budget will grow by {p} per cent.",
    "Local newspapers wrote that the decision on {topic} was the most important of the year.",
    "The first part of the work will begin in {month}, and the rest will follow in {y} stages.",
    "Residents of {city} told reporters that they hoped the {topic} would improve soon.",
    "{Who} said on {day} that the city would also ask the European Union for {m} million euros.",
]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
months = ["January", "March", "May", "July", "September", "November"]
for i in range(1, n + 1):
    city, topic = cities[i % len(cities)], topics[(i * 3) % len(topics)]
    paragraphs = []
    for p in range(4):
        sentences = []
        for s in range(2):
            t = templates[(i + p * 3 + s) % len(templates)]
            who = people[(i + p + s) % len(people)]
            sentences.append(t.format(day=days[(i + s) % 5], who=who, Who=who[0].upper() + who[1:], city=city,
                                      topic=topic, m=i * 7 + p * 13 + s, k=i + p + s + 2, y=2 + (i + p) % 6,
                                      p=10 + (i * 11 + p * 7 + s) % 80, month=months[(i + p) % 6]))
        paragraphs.append(" ".join(sentences))
    title = f"{city} approves a plan of {i * 7} million euros for {topic}"
    with open(os.path.join(out, f"bench-{i:03d}.md"), "w") as f:
        f.write(f"---\ntitle: {title}\nlang: en\n---\n\n" + "\n\n".join(paragraphs) + "\n")
EOF

reports="$data/s3/tarjim-articles/reports/incoming"
settled() {  # prints how many reports are stored with es and ca translated
  python3 - "$reports" <<'EOF'
import json, os, sys
d, n = sys.argv[1], 0
for name in (os.listdir(d) if os.path.isdir(d) else []):
    try:
        r = json.load(open(os.path.join(d, name)))
    except (ValueError, OSError):
        continue
    langs = r.get("languages", {})
    if r.get("status") == "stored" and all(langs.get(l, {}).get("status") == "translated" for l in ("es", "ca")):
        n += 1
print(n)
EOF
}

cpu_seconds() {  # CPU seconds used so far by the stack's JVM, the translator (APy and its pipelines) and dynalite
  python3 - "$stack_pid" "${apy_pid:-0}" <<'EOF'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
roots = {int(a) for a in sys.argv[1:] if a != "0"}
procs = {}
for d in os.listdir("/proc"):
    if d.isdigit():
        try:
            f = open(f"/proc/{d}/stat").read()
        except OSError:
            continue
        name, rest = f[f.index("(") + 1:f.rindex(")")], f[f.rindex(")") + 2:].split()
        # ppid; utime, stime, cutime, cstime (the last two: children that exited, as pipelines APy restarted)
        procs[int(d)] = (name, int(rest[1]), sum(int(x) for x in rest[11:15]))
tree, grew = set(roots), True
while grew:
    grew = False
    for pid, (name, ppid, _) in procs.items():
        if ppid in tree and pid not in tree:
            tree.add(pid)
            grew = True
groups = {"java": 0, "translator": 0, "dynalite": 0}
for pid in tree:
    if pid in procs:
        name, _, ticks = procs[pid]
        groups["java" if name == "java" else "dynalite" if name.startswith("node") else "translator"] += ticks
print(" ".join(f"{g}={t / hz:.1f}" for g, t in groups.items()))
EOF
}

concurrency=$(sed -n 's/.*invoke IngestFunction (\([0-9]*\) at once).*/\1/p' "$log" | head -1)
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "uploading $UPLOADS articles (ingest concurrency ${concurrency:-1}, load $load_before)"
cpu_before="$(cpu_seconds)"
t0=$(date +%s.%N)
"$AWS" --endpoint-url "http://127.0.0.1:$s3" s3 cp --recursive --quiet "$batch" s3://tarjim-articles/incoming/
t_up=$(date +%s.%N)
done_count=0
deadline=$(( $(date +%s) + 900 ))
while (( $(date +%s) < deadline )); do
  done_count=$(settled)
  (( done_count >= UPLOADS )) && break
  sleep 0.2
done
t1=$(date +%s.%N)
(( done_count >= UPLOADS )) || die "only $done_count of $UPLOADS settled in 15 minutes (log: $log)"
cpu_after="$(cpu_seconds)"
seconds=$(python3 -c "print(round($t1 - $t0, 1))")
upload_s=$(python3 -c "print(round($t_up - $t0, 1))")
per_event=$(grep -o 'ingest ObjectCreated:Put incoming/bench-[0-9]*\.md -> [a-z]* .*(\([0-9]*\) ms)' "$log" \
  | sed 's/.*(\([0-9]*\) ms)$/\1/' | sort -n | awk '{a[NR]=$1} END {if (NR) printf "%d", a[int((NR+1)/2)]}')
printf '%d uploads (English, APy es+ca), ingest concurrency %s%s: all settled in %s s (upload took %s s; median ingest %s ms; load %s -> %s)\n' \
  "$UPLOADS" "${concurrency:-1}" "${BENCH_APY_ARGS:+, APy $BENCH_APY_ARGS}" "$seconds" "$upload_s" "${per_event:-?}" \
  "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_used=$(python3 -c "
b = dict(x.split('=') for x in '$cpu_before'.split()); a = dict(x.split('=') for x in '$cpu_after'.split())
print(', '.join(f'{k} {float(a[k]) - float(b[k]):.0f} s' for k in a))")
printf 'CPU used meanwhile by the stack (2 cores give at most %s s in that time): %s\n' \
  "$(python3 -c "print(round(2 * ($t1 - $t0)))")" "$cpu_used"
printf '{"ingest.uploads_100_seconds": %s}\n' "$seconds" >"$OUT/uploads.json"
