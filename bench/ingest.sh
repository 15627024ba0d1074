#!/usr/bin/env bash
# Ingest throughput: articles per second into a fresh SQLite file and a fresh PostgreSQL schema, over the
# PolNeAR dev articles, median and best of RUNS runs (interleaved, so that load from elsewhere hits both alike).
# Extraction (the standard pipeline) is included; "extract only" is the same pipeline without a store.
#   bash bench/ingest.sh [CORPUS_DIR] [RUNS]
# PostgreSQL: the test database of .ci/run (role and password hearsay); skipped when unreachable.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpora/polnear/dev/text}"
runs="${2:-5}"
pg="Host=127.0.0.1;Port=5432;Database=hearsay_test;Username=hearsay;Password=hearsay"
out="${HEARSAY_ARTIFACTS:-artifacts}"
dotnet build src/Hearsay.Cli -c Release -v q -nologo >/dev/null
hearsay="$out/bin/Hearsay.Cli/release/Hearsay.Cli"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
n=$(find "$corpus" -name '*.txt' | wc -l)
echo "corpus: $corpus ($n articles), $(nproc) cores, $runs runs each, load average $(cut -d' ' -f1-3 /proc/loadavg)"

psql_() { PGPASSWORD=hearsay psql -q -h 127.0.0.1 -U hearsay hearsay_test -c "set client_min_messages = warning; $1" >/dev/null; }
have_pg=0; psql_ "select 1" 2>/dev/null && have_pg=1
rate() { sed -n 's/.*(\([0-9.]*\) articles\/s).*/\1/p'; }
summary() { sort -n | awk -v label="$1" '{ a[NR] = $1 } END { if (NR) printf "%-13s median %6.1f, best %6.1f articles/s\n", label, a[int((NR + 1) / 2)], a[NR] }'; }

for i in $(seq "$runs"); do
  "$hearsay" extract "$corpus" -f jsonl 2>&1 >/dev/null | sed -n 's/.* \([0-9,]*\) of .* in \([0-9.]*\)s.*/\1 \2/p' | tr -d , | awk '{ printf "%.1f\n", $1 / $2 }' >> "$tmp/extract"
  rm -f "$tmp"/bench.db*
  "$hearsay" ingest "$corpus" --db "$tmp/bench.db" --no-progress | rate >> "$tmp/sqlite"
  if [ "$have_pg" = 1 ]; then
    schema="bench_$$_$i"
    psql_ "create schema $schema"
    "$hearsay" ingest "$corpus" --db "$pg;Search Path=$schema" --no-progress | rate >> "$tmp/postgres"
    psql_ "drop schema $schema cascade"
  fi
done
summary "extract only:" < "$tmp/extract"
summary "SQLite:" < "$tmp/sqlite"
if [ "$have_pg" = 1 ]; then summary "PostgreSQL:" < "$tmp/postgres"; else echo "PostgreSQL:   not reachable, skipped"; fi
