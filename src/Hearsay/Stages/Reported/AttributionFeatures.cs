using Hearsay.Attributions;
using Hearsay.Nlp;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// The per-token facts the attribution labeller looks at, computed once per document: word forms,
/// cue-likeness from the learned lexicon, the nearest strong cue on each side within the sentence,
/// quotation state, position in sentence and paragraph, and the role the quote sieves already gave the
/// token. <see cref="Extract"/> turns them, with the previous labels, into hashed features.
/// </summary>
internal sealed class AttributionFeatures
{
    public const int MaxFeatures = 100;
    /// <summary>A word is a strong cue when at least this share of its training occurrences are cue words.</summary>
    public const float StrongCue = 0.25f;
    public const float WeakCue = 0.04f;

    private readonly ulong[] _lower, _suffix, _shape;
    private readonly byte[] _cue;          // cue-rate bucket 0..5
    private readonly byte[] _near;         // neighbour cue-rate bucket 0..5 (CueNeighbours), 0 without a table
    private readonly int[] _leftCue, _rightCue;   // nearest strong cue in the sentence, or -1
    private readonly int[] _leftWeak, _rightWeak; // nearest weaker cue-like word (rate >= WeakCue) in the sentence, or -1
    private readonly byte[] _quote;        // 0 outside quotes, 1 inside, 2 a quotation mark
    private readonly byte[] _sieve;        // role from earlier attributions: 0 none, 1 source, 2 cue, 3 content
    private readonly int[] _sentenceStart, _sentenceEnd;
    private readonly byte[] _flags;        // 1 headline paragraph, 2 paragraph start, 4 sentence start, 8 colon earlier in sentence, 16 "that" earlier in sentence after a cue
    private readonly int _count;
    // Syntax (None when the document has no tags or parse): the token's tag, entity type and relation,
    // its head's word, and the nearest cue-like word above it in the tree with the relation of the
    // branch the token hangs from ("nsubj" under "said" marks a source, "ccomp" a content).
    private readonly ulong[] _tag, _entity, _relation, _headLower, _governor, _branch;
    private readonly byte[] _governorDepth, _governorCue;
    // Which complements the token governs (bit 1 clausal "ccomp"/"parataxis", 2 "xcomp", 4 a subject,
    // 8 a personal subject: a pronoun or PERSON, 16 "that"/"whether"/"if" marker below a clausal
    // complement): a verb or noun with a clausal complement and a human subject is cue-like even when
    // the lexicon has never seen it.
    private readonly byte[] _complements;
    private readonly int[] _heads, _governors;
    // The first pass's roles (0 none, 1 source, 2 cue, 3 content) when this is the second pass of a
    // stacked labeller, and what they imply for each token: which roles its dependents took, and the
    // distance to the nearest first-pass cue and content on each side within the sentence.
    private byte[]? _first;
    private byte[] _childRoles = [];
    private int[] _firstCueLeft = [], _firstCueRight = [], _firstContentRight = [];

    private static readonly ulong Pad = FeatureHash.Of("!PAD");
    private static readonly ulong OpenQuote = FeatureHash.Of("!OPENQ");
    private static readonly ulong CloseQuote = FeatureHash.Of("!CLOSEQ");
    private static readonly ulong None = FeatureHash.Of("!NONE");

    public AttributionFeatures(Document doc, IReadOnlyDictionary<string, float> cueRates,
        IReadOnlyDictionary<string, float>? neighbourRates = null)
        : this(doc, cueRates, neighbourRates, 0, doc.Tokens.Count)
    {
    }

    /// <summary>
    /// The features of the document's tokens <paramref name="first"/> up to <paramref name="end"/> (whole
    /// sentences), which this object numbers from 0: a window's arrays instead of the whole document's.
    /// </summary>
    public AttributionFeatures(Document doc, IReadOnlyDictionary<string, float> cueRates,
        IReadOnlyDictionary<string, float>? neighbourRates, int first, int end)
    {
        int n = _count = end - first;
        var tokens = new TokenWindow(doc.Tokens, first, end);
        _lower = new ulong[n];
        _suffix = new ulong[n];
        _shape = new ulong[n];
        _cue = new byte[n];
        _near = new byte[n];
        _leftCue = new int[n];
        _rightCue = new int[n];
        _leftWeak = new int[n];
        _rightWeak = new int[n];
        _quote = new byte[n];
        _sieve = new byte[n];
        _sentenceStart = new int[n];
        _sentenceEnd = new int[n];
        _flags = new byte[n];
        _tag = new ulong[n];
        _entity = new ulong[n];
        _relation = new ulong[n];
        _headLower = new ulong[n];
        _governor = new ulong[n];
        _branch = new ulong[n];
        _governorDepth = new byte[n];
        _governorCue = new byte[n];
        _complements = new byte[n];
        _heads = new int[n];
        _governors = new int[n];
        var rates = new float[n];
        for (int i = 0; i < n; i++)
        {
            var token = tokens[i];
            string lower = Normalize(token.Text);
            if (token.Shape == TokenShape.OpeningQuote) _lower[i] = OpenQuote;
            else if (token.Shape == TokenShape.ClosingQuote) _lower[i] = CloseQuote;
            else _lower[i] = FeatureHash.Of(lower);
            _suffix[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 3))) + 11;
            _shape[i] = Shape(token.Text) + 13;
            float rate = cueRates.TryGetValue(lower, out float r) ? r : 0f;
            rates[i] = rate;
            _cue[i] = RateBucket(rate);
            // A word the lexicon does not know counts as cue-like as its neighbours are (the nearest cues on
            // each side and the governor above a token look for cue-like words).
            if (neighbourRates is not null && neighbourRates.TryGetValue(lower, out float near))
            {
                _near[i] = RateBucket(near);
                if (rate <= 0) rates[i] = near;
            }
        }
        foreach (var q in doc.Quotations)
            for (int i = Math.Max(q.FirstToken, first) - first; i < q.EndToken - first && i < n; i++)
                _quote[i] = tokens[i].IsQuote ? (byte)2 : (byte)1;
        foreach (var a in doc.Attributions)
        {
            Mark(doc, a.Source, 1);
            Mark(doc, a.Cue, 2);
            foreach (var c in a.Content) Mark(doc, c, 3);
        }
        foreach (var s in doc.Sentences)
        {
            if (s.EndToken <= first || s.FirstToken >= end) continue;
            int last = -1, lastWeak = -1;
            bool colon = false, that = false;
            bool headline = s.Paragraph == 0;
            bool paragraphStart = s.Paragraph >= 0 && s.Paragraph < doc.Paragraphs.Count && doc.Paragraphs[s.Paragraph].Range.Start >= s.Range.Start - 1
                && (s.Index == 0 || doc.Sentences[s.Index - 1].Paragraph != s.Paragraph);
            int sentenceStart = Math.Max(s.FirstToken, first) - first, sentenceEnd = Math.Min(s.EndToken, end) - first;
            for (int i = sentenceStart; i < sentenceEnd; i++)
            {
                _sentenceStart[i] = sentenceStart;
                _sentenceEnd[i] = sentenceEnd;
                _leftCue[i] = last;
                _leftWeak[i] = lastWeak;
                byte f = 0;
                if (headline) f |= 1;
                if (paragraphStart) f |= 2;
                if (i == s.FirstToken - first) f |= 4;
                if (colon) f |= 8;
                if (that) f |= 16;
                _flags[i] = f;
                string t = tokens[i].Text;
                if (t == ":") colon = true;
                if (last >= 0 && (t == "that" || t == "That")) that = true;
                if (rates[i] >= StrongCue) last = i;
                if (rates[i] >= WeakCue) lastWeak = i;
            }
            int next = -1, nextWeak = -1;
            for (int i = sentenceEnd - 1; i >= sentenceStart; i--)
            {
                _rightCue[i] = next;
                _rightWeak[i] = nextWeak;
                if (rates[i] >= StrongCue) next = i;
                if (rates[i] >= WeakCue) nextWeak = i;
            }
        }

        bool tagged = doc.Has(Layers.PartOfSpeech), parsed = doc.Has(Layers.Dependencies), entities = doc.Has(Layers.NamedEntities);
        for (int i = 0; i < n; i++)
        {
            var token = tokens[i];
            _tag[i] = tagged && token.Tag is { } tag ? FeatureHash.Of(tag) + 17 : None;
            _entity[i] = entities && token.EntityTag is { } e ? FeatureHash.Of(e) + 19 : None;
            if (!parsed) { _relation[i] = _headLower[i] = _governor[i] = _branch[i] = None; _heads[i] = _governors[i] = -1; continue; }
            _relation[i] = token.Relation is { } rel ? FeatureHash.Of(rel) + 23 : None;
            int tokenHead = tokens.Local(token.Head);
            _headLower[i] = tokenHead >= 0 ? _lower[tokenHead] : Pad;
            _governor[i] = _branch[i] = None;
            _heads[i] = tokenHead;
            _governors[i] = -1;
            int child = i, head = tokenHead;
            for (int depth = 1; head >= 0 && head < n && depth <= 8; depth++)
            {
                if (rates[head] >= WeakCue)
                {
                    _governor[i] = _lower[head];
                    _branch[i] = tokens[child].Relation is { } r ? FeatureHash.Of(r) + 23 : None;
                    _governorDepth[i] = (byte)Math.Min(depth, 4);
                    _governorCue[i] = _cue[head];
                    _governors[i] = head;
                    break;
                }
                child = head;
                head = tokens.Local(tokens[head].Head);
            }
            if (tokenHead >= 0)
            {
                ref byte c = ref _complements[tokenHead];
                switch (token.Relation)
                {
                    case "ccomp" or "parataxis": c |= 1; break;
                    case "xcomp": c |= 2; break;
                    case "nsubj" or "nsubjpass":
                        c |= 4;
                        if (token.Tag is "PRP" || token.EntityTag is "PERSON") c |= 8;
                        break;
                    case "mark" when token.Text is "that" or "whether" or "if" && tokens[tokenHead].Relation is "ccomp":
                        int h = tokens.Local(tokens[tokenHead].Head);
                        if (h >= 0 && h < n) _complements[h] |= 16;
                        break;
                }
            }
        }

        void Mark(Document d, TextRange? range, byte role)
        {
            if (range is not { } r) return;
            var (from, to) = d.TokensIn(r);
            for (int i = Math.Max(from, first) - first; i < to - first && i < n; i++) if (_sieve[i] == 0) _sieve[i] = role;
        }
    }

    public int Count => _count;

    /// <summary>A window of a document's tokens, numbered from 0.</summary>
    private readonly struct TokenWindow(List<Token> tokens, int first, int end)
    {
        public Token this[int i] => tokens[first + i];

        /// <summary>The window's number for document token <paramref name="index"/>, or -1 outside the window.</summary>
        public int Local(int index) => index >= first && index < end ? index - first : -1;
    }

    private static byte RateBucket(float rate) =>
        rate <= 0 ? (byte)0 : rate < 0.02f ? (byte)1 : rate < 0.1f ? (byte)2 : rate < StrongCue ? (byte)3 : rate < 0.6f ? (byte)4 : (byte)5;

    /// <summary>Gives the features of a second, stacked pass the labels of the first pass.</summary>
    public void SetFirstPass(ReadOnlySpan<int> labels)
    {
        int n = _count;
        _first = new byte[n];
        _childRoles = new byte[n];
        _firstCueLeft = new int[n];
        _firstCueRight = new int[n];
        _firstContentRight = new int[n];
        for (int i = 0; i < n; i++) _first[i] = (byte)AttributionLabels.RoleOf(labels[i]);
        for (int i = 0; i < n; i++)
            if (_heads[i] >= 0 && _first[i] > 0) _childRoles[_heads[i]] |= (byte)(1 << (_first[i] - 1));
        int cue = -1, start = -1;
        for (int i = 0; i < n; i++)
        {
            if (_sentenceStart[i] != start) { start = _sentenceStart[i]; cue = -1; }
            _firstCueLeft[i] = cue < 0 ? -1 : i - cue;
            if (_first[i] == 2) cue = i;
        }
        int content = -1, end = -1;
        cue = -1;
        for (int i = n - 1; i >= 0; i--)
        {
            if (_sentenceEnd[i] != end) { end = _sentenceEnd[i]; cue = content = -1; }
            _firstCueRight[i] = cue < 0 ? -1 : cue - i;
            _firstContentRight[i] = content < 0 ? -1 : content - i;
            if (_first[i] == 2) cue = i;
            if (_first[i] == 3) content = i;
        }
    }

    private ulong First(int i) => i >= 0 && i < _count ? _first![i] : 9UL;

    /// <summary>Lower case with typographic apostrophes and quotes made plain.</summary>
    internal static string Normalize(string text)
    {
        Span<char> chars = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToLowerInvariant(text[i]);
            chars[i] = c switch { '’' or '‘' or '`' => '\'', '“' or '”' => '"', _ => c };
        }
        return new string(chars);
    }

    private static ulong Shape(string form) => WordShape.Hash(form, maxLength: 8, maxRun: 2);

    private ulong Lower(int i) => i >= 0 && i < _count ? _lower[i] : Pad;

    private static int Bucket(int distance) => distance switch
    {
        < 0 => -1,
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        <= 5 => 4,
        <= 8 => 5,
        <= 12 => 6,
        <= 20 => 7,
        _ => 8,
    };

    /// <summary>Writes the features of token <paramref name="i"/> given the two previous labels; returns how many.</summary>
    public int Extract(int i, int p1, int p2, Span<uint> f)
    {
        int k = 0;
        ulong w = _lower[i], wl = Lower(i - 1), wr = Lower(i + 1);
        ulong P1 = (ulong)(p1 + 1), P2 = (ulong)(p2 + 1);
        int start = _sentenceStart[i], end = _sentenceEnd[i];
        int left = _leftCue[i], right = _rightCue[i];
        ulong dl = (ulong)(Bucket(left < 0 ? -1 : i - left) + 2), dr = (ulong)(Bucket(right < 0 ? -1 : right - i) + 2);
        ulong lw = left >= 0 ? _lower[left] : None, rw = right >= 0 ? _lower[right] : None;
        ulong cue = _cue[i], cuel = i > 0 ? _cue[i - 1] : 9UL, cuer = i + 1 < _count ? _cue[i + 1] : 9UL;
        ulong quote = _quote[i], sieve = _sieve[i];
        ulong sievel = i > 0 ? _sieve[i - 1] : 9UL, siever = i + 1 < _count ? _sieve[i + 1] : 9UL;
        ulong flags = _flags[i];
        ulong pos = (ulong)Bucket(i - start), toEnd = (ulong)Bucket(end - 1 - i);

        f[k++] = FeatureHash.Feature(0);
        f[k++] = FeatureHash.Feature(1, w);
        f[k++] = FeatureHash.Feature(2, wl);
        f[k++] = FeatureHash.Feature(3, wr);
        f[k++] = FeatureHash.Feature(4, Lower(i - 2));
        f[k++] = FeatureHash.Feature(5, Lower(i + 2));
        f[k++] = FeatureHash.Feature(6, wl, w);
        f[k++] = FeatureHash.Feature(7, w, wr);
        f[k++] = FeatureHash.Feature(8, _suffix[i]);
        f[k++] = FeatureHash.Feature(9, _shape[i]);
        f[k++] = FeatureHash.Feature(10, i > 0 ? _shape[i - 1] : Pad, _shape[i]);
        f[k++] = FeatureHash.Feature(11, _shape[i], i + 1 < _count ? _shape[i + 1] : Pad);
        f[k++] = FeatureHash.Feature(12, cuel, cue, cuer);
        f[k++] = FeatureHash.Feature(13, cue);
        f[k++] = FeatureHash.Feature(14, quote);
        f[k++] = FeatureHash.Feature(15, quote, cue);
        f[k++] = FeatureHash.Feature(16, sieve);
        f[k++] = FeatureHash.Feature(17, sievel, sieve, siever);
        f[k++] = FeatureHash.Feature(18, dl);
        f[k++] = FeatureHash.Feature(19, dr);
        f[k++] = FeatureHash.Feature(20, dl, dr);
        f[k++] = FeatureHash.Feature(21, dl, lw);
        f[k++] = FeatureHash.Feature(22, dr, rw);
        f[k++] = FeatureHash.Feature(23, dl, dr, quote);
        f[k++] = FeatureHash.Feature(24, pos);
        f[k++] = FeatureHash.Feature(25, toEnd);
        f[k++] = FeatureHash.Feature(26, flags);
        f[k++] = FeatureHash.Feature(27, flags, pos, cue);
        f[k++] = FeatureHash.Feature(28, P1);
        f[k++] = FeatureHash.Feature(29, P1, P2);
        f[k++] = FeatureHash.Feature(30, P1, w);
        f[k++] = FeatureHash.Feature(31, P1, cue);
        f[k++] = FeatureHash.Feature(32, P1, quote, sieve);
        f[k++] = FeatureHash.Feature(33, P1, dl, dr);
        f[k++] = FeatureHash.Feature(34, P1, _shape[i]);
        f[k++] = FeatureHash.Feature(35, P1, toEnd);
        f[k++] = FeatureHash.Feature(36, P1, wr);
        f[k++] = FeatureHash.Feature(37, P1, flags);
        f[k++] = FeatureHash.Feature(38, dl, w);
        f[k++] = FeatureHash.Feature(39, dr, w);
        f[k++] = FeatureHash.Feature(40, lw, rw);
        f[k++] = FeatureHash.Feature(41, dl, lw, w);
        f[k++] = FeatureHash.Feature(42, dr, rw, w);
        f[k++] = FeatureHash.Feature(43, P1, P2, w);
        f[k++] = FeatureHash.Feature(44, P1, sieve, cue);
        f[k++] = FeatureHash.Feature(45, wl, w, wr);
        f[k++] = FeatureHash.Feature(46, Lower(i - 2), wl);
        f[k++] = FeatureHash.Feature(47, wr, Lower(i + 2));
        f[k++] = FeatureHash.Feature(48, flags, _shape[i], wr);
        f[k++] = FeatureHash.Feature(49, dl, left >= 0 ? Lower(left + 1) : None);
        f[k++] = FeatureHash.Feature(50, dr, right >= 0 ? Lower(right - 1) : None, right >= 0 ? Lower(right + 1) : None);
        f[k++] = FeatureHash.Feature(51, P1, dl, left >= 0 ? Lower(left + 1) : None);
        int lweak = _leftWeak[i], rweak = _rightWeak[i];
        ulong wdl = (ulong)(Bucket(lweak < 0 ? -1 : i - lweak) + 2), wdr = (ulong)(Bucket(rweak < 0 ? -1 : rweak - i) + 2);
        f[k++] = FeatureHash.Feature(52, wdl, wdr);
        f[k++] = FeatureHash.Feature(53, wdl, lweak >= 0 ? _lower[lweak] : None);
        f[k++] = FeatureHash.Feature(54, wdr, rweak >= 0 ? _lower[rweak] : None);
        f[k++] = FeatureHash.Feature(55, P1, wdl, wdr);

        ulong tag = _tag[i], rel = _relation[i], branch = _branch[i], depth = _governorDepth[i], govCue = _governorCue[i];
        f[k++] = FeatureHash.Feature(56, tag);
        f[k++] = FeatureHash.Feature(57, i > 0 ? _tag[i - 1] : Pad, tag);
        f[k++] = FeatureHash.Feature(58, tag, i + 1 < _count ? _tag[i + 1] : Pad);
        f[k++] = FeatureHash.Feature(59, P1, tag);
        f[k++] = FeatureHash.Feature(60, _entity[i]);
        f[k++] = FeatureHash.Feature(61, P1, _entity[i]);
        f[k++] = FeatureHash.Feature(62, rel);
        f[k++] = FeatureHash.Feature(63, rel, tag);
        f[k++] = FeatureHash.Feature(64, rel, _headLower[i]);
        f[k++] = FeatureHash.Feature(65, P1, rel);
        f[k++] = FeatureHash.Feature(66, branch, depth);
        f[k++] = FeatureHash.Feature(67, branch, govCue);
        f[k++] = FeatureHash.Feature(68, branch, _governor[i]);
        f[k++] = FeatureHash.Feature(69, P1, branch, depth);
        f[k++] = FeatureHash.Feature(70, branch, rel, cue);
        f[k++] = FeatureHash.Feature(71, branch, quote);
        f[k++] = FeatureHash.Feature(72, branch, tag, depth);
        ulong complements = _complements[i];
        f[k++] = FeatureHash.Feature(73, complements, tag);
        f[k++] = FeatureHash.Feature(74, complements, cue);
        f[k++] = FeatureHash.Feature(75, P1, complements);
        f[k++] = FeatureHash.Feature(76, complements, _suffix[i]);
        ulong near = _near[i];
        f[k++] = FeatureHash.Feature(77, near, tag);
        f[k++] = FeatureHash.Feature(78, near, complements);
        f[k++] = FeatureHash.Feature(79, near, cue);
        if (_first is null) return k;

        ulong r = _first[i], rl = First(i - 1), rr = First(i + 1), children = _childRoles[i];
        ulong head = _heads[i] >= 0 ? _first[_heads[i]] : 8UL, governor = _governors[i] >= 0 ? _first[_governors[i]] : 8UL;
        ulong cueLeft = (ulong)(Bucket(_firstCueLeft[i]) + 2), cueRight = (ulong)(Bucket(_firstCueRight[i]) + 2);
        ulong contentRight = (ulong)(Bucket(_firstContentRight[i]) + 2);
        f[k++] = FeatureHash.Feature(80, r);
        f[k++] = FeatureHash.Feature(81, rl, r);
        f[k++] = FeatureHash.Feature(82, r, rr);
        f[k++] = FeatureHash.Feature(83, rl, r, rr);
        f[k++] = FeatureHash.Feature(84, First(i - 2), rl, r);
        f[k++] = FeatureHash.Feature(85, r, rr, First(i + 2));
        f[k++] = FeatureHash.Feature(86, P1, r);
        f[k++] = FeatureHash.Feature(87, P1, r, rr);
        f[k++] = FeatureHash.Feature(88, r, tag);
        f[k++] = FeatureHash.Feature(89, r, w);
        f[k++] = FeatureHash.Feature(90, head, rel, r);
        f[k++] = FeatureHash.Feature(91, governor, branch, r);
        f[k++] = FeatureHash.Feature(92, children, tag, r);
        f[k++] = FeatureHash.Feature(93, children, cue);
        f[k++] = FeatureHash.Feature(94, cueLeft, cueRight, r);
        f[k++] = FeatureHash.Feature(95, cueRight, contentRight, r);
        f[k++] = FeatureHash.Feature(96, P1, cueLeft, cueRight);
        f[k++] = FeatureHash.Feature(97, children, complements, r);
        return k;
    }
}
