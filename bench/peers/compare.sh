#!/usr/bin/env bash
# Hearsay vs wink-nlp on the PolNeAR silver dev texts, one after the other in the same run.
# Usage: bench/peers/compare.sh [CORPUS_DIR]   (from the repository root; needs node and the .NET SDK)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(cd "${1:-$root/../shared/corpora/polnear}" && pwd)"
(cd "$root/bench/peers" && [ -d node_modules ] || npm install --no-audit --no-fund >/dev/null)
dotnet build -c Release "$root/bench/Hearsay.Benchmarks" >/dev/null
dll="$(find "${HEARSAY_ARTIFACTS:-$root/artifacts}/bin/Hearsay.Benchmarks" -name Hearsay.Benchmarks.dll -path '*release*' | head -n 1)"
ours="$(cd "$root" && dotnet "$dll" --nlp-throughput "$corpus" | tee /dev/stderr | grep '^json ' | cut -c6-)"
peer="$(node "$root/bench/peers/wink-runner.mjs" "$corpus" | grep '^json ' | cut -c6-)"
echo "wink-nlp: $peer"
node -e '
const [ours, peer] = process.argv.slice(1).map(JSON.parse);
console.log(`hearsay end to end ${ours.wordsPerSecond} words/s, tagging only ${ours.taggingWordsPerSecond} words/s; wink-nlp ${peer.wordsPerSecond} words/s`);
console.log(`ratio hearsay/wink-nlp: end to end ${(ours.wordsPerSecond / peer.wordsPerSecond).toFixed(2)}, tagging ${(ours.taggingWordsPerSecond / peer.wordsPerSecond).toFixed(2)}`);
console.log(`POS agreement with silver (universal, compatible): hearsay ${(100 * ours.uposAgreement).toFixed(2)}%, wink-nlp ${(100 * peer.uposAgreement).toFixed(2)}%`);
' "$ours" "$peer"
