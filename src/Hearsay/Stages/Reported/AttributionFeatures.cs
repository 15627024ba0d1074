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
    public const int MaxFeatures = 64;
    /// <summary>A word is a strong cue when at least this share of its training occurrences are cue words.</summary>
    public const float StrongCue = 0.25f;
    public const float WeakCue = 0.04f;

    private readonly ulong[] _lower, _suffix, _shape;
    private readonly byte[] _cue;          // cue-rate bucket 0..5
    private readonly int[] _leftCue, _rightCue;   // nearest strong cue in the sentence, or -1
    private readonly int[] _leftWeak, _rightWeak; // nearest weaker cue-like word (rate >= WeakCue) in the sentence, or -1
    private readonly byte[] _quote;        // 0 outside quotes, 1 inside, 2 a quotation mark
    private readonly byte[] _sieve;        // role from earlier attributions: 0 none, 1 source, 2 cue, 3 content
    private readonly int[] _sentenceStart, _sentenceEnd;
    private readonly byte[] _flags;        // 1 headline paragraph, 2 paragraph start, 4 sentence start, 8 colon earlier in sentence, 16 "that" earlier in sentence after a cue
    private readonly int _count;

    private static readonly ulong Pad = FeatureHash.Of("!PAD");
    private static readonly ulong OpenQuote = FeatureHash.Of("!OPENQ");
    private static readonly ulong CloseQuote = FeatureHash.Of("!CLOSEQ");
    private static readonly ulong None = FeatureHash.Of("!NONE");

    public AttributionFeatures(Document doc, IReadOnlyDictionary<string, float> cueRates)
    {
        int n = _count = doc.Tokens.Count;
        _lower = new ulong[n];
        _suffix = new ulong[n];
        _shape = new ulong[n];
        _cue = new byte[n];
        _leftCue = new int[n];
        _rightCue = new int[n];
        _leftWeak = new int[n];
        _rightWeak = new int[n];
        _quote = new byte[n];
        _sieve = new byte[n];
        _sentenceStart = new int[n];
        _sentenceEnd = new int[n];
        _flags = new byte[n];
        Span<char> buffer = stackalloc char[64];
        var rates = new float[n];
        for (int i = 0; i < n; i++)
        {
            var token = doc.Tokens[i];
            string lower = Normalize(token.Text);
            if (token.Shape == TokenShape.OpeningQuote) _lower[i] = OpenQuote;
            else if (token.Shape == TokenShape.ClosingQuote) _lower[i] = CloseQuote;
            else _lower[i] = FeatureHash.Of(lower);
            _suffix[i] = FeatureHash.Of(lower.AsSpan(Math.Max(0, lower.Length - 3))) + 11;
            _shape[i] = Shape(token.Text) + 13;
            float rate = cueRates.TryGetValue(lower, out float r) ? r : 0f;
            rates[i] = rate;
            _cue[i] = rate <= 0 ? (byte)0 : rate < 0.02f ? (byte)1 : rate < 0.1f ? (byte)2 : rate < StrongCue ? (byte)3 : rate < 0.6f ? (byte)4 : (byte)5;
        }
        foreach (var q in doc.Quotations)
            for (int i = q.FirstToken; i < q.EndToken && i < n; i++)
                _quote[i] = doc.Tokens[i].IsQuote ? (byte)2 : (byte)1;
        foreach (var a in doc.Attributions)
        {
            Mark(doc, a.Source, 1);
            Mark(doc, a.Cue, 2);
            foreach (var c in a.Content) Mark(doc, c, 3);
        }
        foreach (var s in doc.Sentences)
        {
            int last = -1, lastWeak = -1;
            bool colon = false, that = false;
            bool headline = s.Paragraph == 0;
            bool paragraphStart = s.Paragraph >= 0 && s.Paragraph < doc.Paragraphs.Count && doc.Paragraphs[s.Paragraph].Range.Start >= s.Range.Start - 1
                && (s.Index == 0 || doc.Sentences[s.Index - 1].Paragraph != s.Paragraph);
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                _sentenceStart[i] = s.FirstToken;
                _sentenceEnd[i] = s.EndToken;
                _leftCue[i] = last;
                _leftWeak[i] = lastWeak;
                byte f = 0;
                if (headline) f |= 1;
                if (paragraphStart) f |= 2;
                if (i == s.FirstToken) f |= 4;
                if (colon) f |= 8;
                if (that) f |= 16;
                _flags[i] = f;
                string t = doc.Tokens[i].Text;
                if (t == ":") colon = true;
                if (last >= 0 && (t == "that" || t == "That")) that = true;
                if (rates[i] >= StrongCue) last = i;
                if (rates[i] >= WeakCue) lastWeak = i;
            }
            int next = -1, nextWeak = -1;
            for (int i = s.EndToken - 1; i >= s.FirstToken; i--)
            {
                _rightCue[i] = next;
                _rightWeak[i] = nextWeak;
                if (rates[i] >= StrongCue) next = i;
                if (rates[i] >= WeakCue) nextWeak = i;
            }
        }

        void Mark(Document d, TextRange? range, byte role)
        {
            if (range is not { } r) return;
            var (first, end) = d.TokensIn(r);
            for (int i = first; i < end && i < n; i++) if (_sieve[i] == 0) _sieve[i] = role;
        }
    }

    public int Count => _count;

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
        return k;
    }
}
