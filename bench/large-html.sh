#!/usr/bin/env bash
# Times `hearsay extract` on large generated HTML pages (BENCHMARKS.md, "Large HTML pages").
# Usage: bench/large-html.sh [HEARSAY_COMMAND ...]   (default: hearsay); each command runs on each page in turn.
set -euo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
said = 'The senator said that the plan would fail, according to officials who spoke on condition of anonymity.'
def page(name, title, body):
    open(f'{d}/{name}.html', 'w').write(f'<html><head><title>{title}</title><meta name="author" content="Jane Reporter"></head>'
                                       f'<body><nav><a href="/">Home</a></nav>{body}</body></html>')
# 3,000 and 10,000 blocks of a link and a paragraph, each in its own <div> (15,000 and 50,000 elements)
for n in (3000, 10000):
    page(f'divs-{n}', 'Divs', ''.join(f'<div class="c"><span><a href="/x{i}">link {i}</a></span><p>{said}</p></div>\n' for i in range(n)))
# one article of 25,000 paragraphs
page('paragraphs-25000', 'Long page', '<article><h1>Long page</h1>' + ''.join(f'<p>{said} Paragraph {i}.</p>\n' for i in range(25000)) + '</article>')
# 7,000 paragraphs inside 250 nested <div>s (7,250 elements)
page('deep-7000', 'Deep', '<div>' * 250 + ''.join(f'<p>{said} Paragraph {i}.</p>' for i in range(7000)) + '</div>' * 250)
# a 40-paragraph article under 20,000 comments and 5,000 links
article = ''.join(f'<p>The mayor said on Tuesday that plan number {i} would go ahead despite objections from residents.</p>' for i in range(40))
comments = ''.join(f'<div class="comment"><div><a href="/u/{i}">reader{i}</a> <span>2 hours ago</span></div>'
                   f'<p>Comment number {i} says the plan is a waste of money and time.</p></div>' for i in range(20000))
links = ''.join(f'<li><a href="/story/{i}">Other story {i}</a></li>' for i in range(5000))
page('comments-20000', 'Plan approved', f'<article><h1>Plan approved</h1>{article}</article><div class="comments">{comments}</div><ul>{links}</ul>')
PY
[ $# -eq 0 ] && set -- hearsay
for f in "$dir"/*.html; do
  for cmd in "$@"; do
    /usr/bin/time -f "$(basename "$f") $(du -k "$f" | cut -f1) KB | $cmd | %e s, peak %M KB" \
      $cmd extract "$f" --format jsonl -q 2>&1 >"$dir/out.jsonl" | tail -1
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('   words', len(d['text'].split()), 'attributions', len(d['attributions']))" "$dir/out.jsonl"
  done
done
