// Runs wink-nlp (wink-eng-lite-web-model) over the PolNeAR silver dev texts: tokens, sentences, POS and
// entities, single thread. Prints words per second (words = the silver CoreNLP tokens of the same texts,
// the count Hearsay's measurement divides by) and POS agreement with the silver tags, matching tokens
// by character offsets and reading each Penn tag as its compatible universal tags (see UniversalTags in
// bench/Hearsay.Benchmarks/NlpThroughput.cs, which applies the same rule to Hearsay).
// Usage: node wink-runner.mjs [CORPUS_DIR]   (default ../../../shared/corpora/polnear)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = process.argv[2] ?? path.resolve(here, '../../../shared/corpora/polnear');

// Silver dev: per article, tokens with offsets and Penn tags.
const silver = new Map();
let current = null;
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(corpus, 'silver', 'dev.conllu.gz'))).toString('utf8').split('\n')) {
  if (line.startsWith('# newdoc id = ')) { current = line.slice(14).trim(); silver.set(current, []); continue; }
  if (!line || line.startsWith('#')) continue;
  const cols = line.split('\t');
  const offset = /Offset=(\d+)-(\d+)/.exec(cols[9]);
  silver.get(current).push({ start: +offset[1], end: +offset[2], tag: cols[4] });
}
const articles = [...silver.keys()]
  .map((id) => ({ id, file: path.join(corpus, 'dev', 'text', id + '.txt') }))
  .filter((a) => fs.existsSync(a.file))
  .map((a) => ({ ...a, text: fs.readFileSync(a.file, 'utf8'), tokens: silver.get(a.id) }));
const words = articles.reduce((n, a) => n + a.tokens.length, 0);

const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;

function analyse(text) {
  const doc = nlp.readDoc(text);
  return {
    values: doc.tokens().out(its.value),
    spaces: doc.tokens().out(its.precedingSpaces),
    pos: doc.tokens().out(its.pos),
    sentences: doc.sentences().length(),
    entities: doc.entities().out(its.detail),
  };
}

// Warm up, then best of several timed passes.
for (const a of articles) analyse(a.text);
let best = Infinity;
for (let pass = 0; pass < 5; pass++) {
  const t0 = process.hrtime.bigint();
  for (const a of articles) analyse(a.text);
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}

const base = { CC: 'CCONJ', CD: 'NUM', DT: 'DET', PDT: 'DET', WDT: 'DET', EX: 'PRON', FW: 'X', LS: 'X', IN: 'ADP',
  JJ: 'ADJ', JJR: 'ADJ', JJS: 'ADJ', MD: 'AUX', NN: 'NOUN', NNS: 'NOUN', NNP: 'PROPN', NNPS: 'PROPN', POS: 'PART', TO: 'PART',
  PRP: 'PRON', 'PRP$': 'PRON', WP: 'PRON', 'WP$': 'PRON', RB: 'ADV', RBR: 'ADV', RBS: 'ADV', WRB: 'ADV', RP: 'ADP',
  SYM: 'SYM', '#': 'SYM', $: 'SYM', UH: 'INTJ', VB: 'VERB', VBD: 'VERB', VBG: 'VERB', VBN: 'VERB', VBP: 'VERB', VBZ: 'VERB' };
const verbs = new Set(['VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ', 'MD']);
function compatible(penn, upos) {
  if (upos === (base[penn] ?? 'PUNCT')) return true;
  if (penn === 'IN') return upos === 'SCONJ' || upos === 'ADV';
  if (verbs.has(penn)) return upos === 'AUX' || upos === 'VERB';
  if (penn === 'DT' || penn === 'WDT' || penn === 'PDT') return upos === 'PRON';
  if (penn === 'PRP$' || penn === 'WP$') return upos === 'DET';
  if (penn === 'RP') return upos === 'PART' || upos === 'ADV';
  if (penn === 'TO') return upos === 'ADP';
  if (penn === 'CC') return upos === 'SCONJ';
  if (penn === '$' || penn === '#' || penn === 'SYM') return upos === 'PUNCT';
  return false;
}

let aligned = 0, agree = 0, tokens = 0, sentences = 0, entities = 0;
for (const a of articles) {
  const r = analyse(a.text);
  const byOffsets = new Map();
  let at = 0;
  for (let i = 0; i < r.values.length; i++) {
    at += r.spaces[i].length;
    // wink's token values are the text as written, so offsets follow by adding lengths.
    if (a.text.startsWith(r.values[i], at)) { byOffsets.set(at + ':' + (at + r.values[i].length), r.pos[i]); at += r.values[i].length; }
    else { const found = a.text.indexOf(r.values[i], at); if (found >= 0) { byOffsets.set(found + ':' + (found + r.values[i].length), r.pos[i]); at = found + r.values[i].length; } }
  }
  tokens += r.values.length; sentences += r.sentences; entities += r.entities.length;
  for (const t of a.tokens) {
    const pos = byOffsets.get(t.start + ':' + t.end);
    if (pos === undefined) continue;
    aligned++;
    if (compatible(t.tag, pos)) agree++;
  }
}
const result = {
  system: 'wink-nlp', versions: { 'wink-nlp': JSON.parse(fs.readFileSync(path.join(here, 'node_modules/wink-nlp/package.json'))).version,
    'wink-eng-lite-web-model': JSON.parse(fs.readFileSync(path.join(here, 'node_modules/wink-eng-lite-web-model/package.json'))).version },
  articles: articles.length, words, seconds: +best.toFixed(4), wordsPerSecond: Math.round(words / best),
  winkTokens: tokens, sentences, entities, alignedTokens: aligned,
  uposAgreement: +(agree / words).toFixed(4), uposAgreementOnAligned: +(agree / aligned).toFixed(4),
  peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log('json ' + JSON.stringify(result));
