#!/usr/bin/env bash
# Ingest throughput: articles per second into a fresh SQLite file and a fresh PostgreSQL schema,
# over the PolNeAR dev articles, best and median of RUNS runs. Extraction (the standard pipeline) is included.
#   bash bench/ingest.sh [CORPUS_DIR] [RUNS]
# PostgreSQL: HEARSAY_BENCH_POSTGRES (default: the test database of .ci/run); skipped when unreachable.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpora/polnear/dev/text}"
runs="${2:-3}"
pg="${HEARSAY_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Database=hearsay_test;Username=hearsay;Password=hearsay}"
out="${HEARSAY_ARTIFACTS:-artifacts}"
dotnet build src/Hearsay.Cli -c Release -v q -nologo >/dev/null
hearsay="$out/bin/Hearsay.Cli/release/Hearsay.Cli"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
n=$(find "$corpus" -name '*.txt' | wc -l)
echo "corpus: $corpus ($n articles), $(nproc) cores, $runs runs each"

rate() { sed -n 's/.*(\([0-9.]*\) articles\/s).*/\1/p'; }
summary() { sort -n | awk '{ a[NR] = $1 } END { printf "median %.1f, best %.1f articles/s\n", a[int((NR + 1) / 2)], a[NR] }'; }

for i in $(seq "$runs"); do
  rm -f "$tmp"/bench.db*
  "$hearsay" ingest "$corpus" --db "$tmp/bench.db" --no-progress | rate
done | summary | sed 's/^/SQLite:     /'

if command -v psql >/dev/null && PGCONNECT_TIMEOUT=3 psql "host=127.0.0.1 port=5432 dbname=hearsay_test user=hearsay password=hearsay" -c 'select 1' >/dev/null 2>&1; then
  for i in $(seq "$runs"); do
    schema="bench_$$_$i"
    PGPASSWORD=hearsay psql -q -h 127.0.0.1 -U hearsay hearsay_test -c "create schema $schema" >/dev/null
    "$hearsay" ingest "$corpus" --db "$pg;Search Path=$schema" --no-progress | rate
    PGPASSWORD=hearsay psql -q -h 127.0.0.1 -U hearsay hearsay_test -c "set client_min_messages = warning; drop schema $schema cascade" >/dev/null
  done | summary | sed 's/^/PostgreSQL: /'
else
  echo "PostgreSQL: not reachable, skipped"
fi
