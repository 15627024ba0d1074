using Hearsay.Nlp;

namespace Hearsay.Stages.Parsing;

/// <summary>
/// A greedy arc-hybrid dependency parser: one averaged perceptron chooses the move (shift, left,
/// right) from word, tag, child, label, valency and distance features of the configuration, and a
/// second one labels each arc when it is made, from the head, the dependent and the dependent's
/// (then complete) children. Read-only once built; safe to share across threads.
/// </summary>
public sealed class ParserModel
{
    public const string Kind = "parser";
    public const string RootLabel = "root";
    public const string PunctLabel = "punct";
    internal const int MaxMoveFeatures = 80;
    internal const int MaxLabelFeatures = 32;

    private readonly string[] _labels;

    internal ParserModel(string[] labels, LinearModel moves, LinearModel labeller)
    {
        _labels = labels;
        Moves = moves;
        Labeller = labeller;
        RootLabelIndex = Array.IndexOf(labels, RootLabel);
        PunctLabelIndex = Array.IndexOf(labels, PunctLabel);
    }

    public IReadOnlyList<string> Labels => _labels;
    internal LinearModel Moves { get; }
    internal LinearModel Labeller { get; }
    internal int RootLabelIndex { get; }
    internal int PunctLabelIndex { get; }
    public int FeatureCount => Moves.FeatureCount + Labeller.FeatureCount;

    /// <summary>Scratch space for parsing one sentence at a time; one per thread.</summary>
    public sealed class Workspace
    {
        internal readonly ArcHybrid State = new();
        internal readonly float[] MoveScores;
        internal readonly float[] LabelScores;
        internal readonly uint[] Features = new uint[Math.Max(MaxMoveFeatures, MaxLabelFeatures)];

        public Workspace(ParserModel model)
        {
            MoveScores = new float[model.Moves.Stride];
            LabelScores = new float[model.Labeller.Stride];
        }
    }

    /// <summary>
    /// Parses one sentence. <paramref name="heads"/> receives the head of each word as a sentence index,
    /// -1 for the root; <paramref name="labels"/> the relation index (see <see cref="Labels"/>).
    /// </summary>
    public void Parse(ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Span<int> heads, Span<int> labels, Workspace ws)
    {
        var state = ws.State;
        state.Reset(words.Length);
        state.MarkPunctuation(tags, CommaTag, ColonTag);
        var features = ws.Features.AsSpan();
        while (!state.IsTerminal)
        {
            int n = ExtractMove(state, words, tags, features);
            Moves.Score(features[..n], ws.MoveScores);
            var move = BestValid(state, ws.MoveScores);
            int label = move == Move.Shift ? -1 : PredictLabel(state, move, words, tags, ws);
            state.Apply(move, label);
        }
        for (int i = 0; i < words.Length; i++)
        {
            heads[i] = state.Heads[i] == state.Root ? -1 : state.Heads[i];
            labels[i] = state.Labels[i];
        }
        AttachOpeningQuotation(tags, heads, labels, PunctLabelIndex);
    }

    private static readonly ulong OpenQuoteTag = FeatureHash.Of("``"), CloseQuoteTag = FeatureHash.Of("''");

    /// <summary>
    /// A sentence that opens with a quotation and goes on past it to the word that governs the quoted clause
    /// ("“We will win,” he said."): the corpus's converter attaches both quotation marks, and the comma or
    /// colon before the closing one, to that word (95–98% of such sentences in silver train), which a greedy
    /// parser cannot know when it meets the opening mark. Only tokens without dependents move, so the
    /// result stays a tree. On silver dev: UAS +0.16.
    /// </summary>
    internal static void AttachOpeningQuotation(ReadOnlySpan<ulong> tags, Span<int> heads, Span<int> labels, int punctLabel)
    {
        int n = tags.Length;
        if (punctLabel < 0 || n < 3 || tags[0] != OpenQuoteTag) return;
        int close = 1;
        while (close < n && tags[close] != CloseQuoteTag && tags[close] != OpenQuoteTag) close++;
        if (close >= n - 1 || tags[close] != CloseQuoteTag) return;
        // The quoted clause's head: its first word (not punctuation) governed from outside the quotation.
        int top = -1;
        for (int k = 1; k < close && top < 0; k++)
            if (tags[k] != CommaTag && tags[k] != ColonTag && tags[k] != FinalTag && (heads[k] < 0 || heads[k] > close)) top = k;
        if (top < 0 || heads[top] <= close) return;
        int governor = heads[top];
        bool markBefore = tags[close - 1] == CommaTag || tags[close - 1] == ColonTag;
        ReadOnlySpan<int> marks = markBefore ? [0, close, close - 1] : [0, close];
        foreach (int token in marks)
        {
            bool hasDependents = false;
            for (int k = 0; k < n && !hasDependents; k++) hasDependents = heads[k] == token;
            if (hasDependents) continue;
            heads[token] = governor;
            labels[token] = punctLabel;
        }
    }

    private int PredictLabel(ArcHybrid state, Move move, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Workspace ws)
    {
        var (head, dependent) = state.ArcOf(move);
        if (head == state.Root && RootLabelIndex >= 0) return RootLabelIndex;
        int n = ExtractLabel(state, head, dependent, words, tags, ws.Features);
        Labeller.Score(ws.Features.AsSpan(0, n), ws.LabelScores);
        return ArgMaxLabel(ws.LabelScores);
    }

    internal int ArgMaxLabel(ReadOnlySpan<float> scores)
    {
        int best = RootLabelIndex == 0 ? 1 : 0;
        for (int c = 0; c < _labels.Length; c++)
            if (c != RootLabelIndex && scores[c] > scores[best]) best = c;
        return best;
    }

    internal static Move BestValid(ArcHybrid state, ReadOnlySpan<float> scores)
    {
        Move best = Move.Shift;
        float bestScore = float.NegativeInfinity;
        for (int m = 0; m < 3; m++)
        {
            var move = (Move)m;
            if (state.IsValid(move) && scores[m] > bestScore) { best = move; bestScore = scores[m]; }
        }
        return best;
    }

    private static readonly ulong NoWord = FeatureHash.Of("<none>"), RootWord = FeatureHash.Of("<root>");
    internal static readonly ulong CommaTag = FeatureHash.Of(","), ColonTag = FeatureHash.Of(":"), FinalTag = FeatureHash.Of(".");
    private const ulong NoTag = 2_000_001, RootTag = 2_000_002, NoLabel = 2_000_003;

    private static ulong W(int i, ArcHybrid s, ReadOnlySpan<WordFeatures> words) => i < 0 ? NoWord : i == s.Root ? RootWord : words[i].Lower;
    private static ulong T(int i, ArcHybrid s, ReadOnlySpan<ulong> tags) => i < 0 ? NoTag : i == s.Root ? RootTag : tags[i];
    private static ulong L(int i, ArcHybrid s) => i < 0 || s.Labels[i] < 0 ? NoLabel : (ulong)s.Labels[i];
    private static int At(int i, int[] children) => i < 0 ? -1 : children[i];

    private static ulong Distance(int a, int b)
    {
        if (a < 0 || b < 0) return 99;
        int d = Math.Abs(b - a);
        return (ulong)(d <= 5 ? d : d <= 10 ? 6 : 7);
    }

    /// <summary>The move features of the configuration.</summary>
    internal static int ExtractMove(ArcHybrid s, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Span<uint> f)
    {
        int s0 = s.Stack(0), s1 = s.Stack(1), s2 = s.Stack(2);
        int b0 = s.BufferAt(0), b1 = s.BufferAt(1), b2 = s.BufferAt(2);
        int s0l1 = At(s0, s.Left1), s0l2 = At(s0, s.Left2), s0r1 = At(s0, s.Right1), s0r2 = At(s0, s.Right2);
        int b0l1 = At(b0, s.Left1), b0l2 = At(b0, s.Left2), s1r1 = At(s1, s.Right1), s1l1 = At(s1, s.Left1);

        ulong ws0 = W(s0, s, words), ws1 = W(s1, s, words), ws2 = W(s2, s, words);
        ulong wb0 = W(b0, s, words), wb1 = W(b1, s, words), wb2 = W(b2, s, words);
        ulong ts0 = T(s0, s, tags), ts1 = T(s1, s, tags), ts2 = T(s2, s, tags);
        ulong tb0 = T(b0, s, tags), tb1 = T(b1, s, tags), tb2 = T(b2, s, tags);
        ulong ts0l1 = T(s0l1, s, tags), ts0l2 = T(s0l2, s, tags), ts0r1 = T(s0r1, s, tags), ts0r2 = T(s0r2, s, tags);
        ulong tb0l1 = T(b0l1, s, tags), tb0l2 = T(b0l2, s, tags), ts1r1 = T(s1r1, s, tags), ts1l1 = T(s1l1, s, tags);
        ulong ls0l1 = L(s0l1, s), ls0l2 = L(s0l2, s), ls0r1 = L(s0r1, s), ls0r2 = L(s0r2, s);
        ulong lb0l1 = L(b0l1, s), lb0l2 = L(b0l2, s), ls1r1 = L(s1r1, s);
        ulong ds0b0 = Distance(s0, b0), ds1s0 = Distance(s1, s0);
        ulong vs0l = s0 < 0 ? 99 : (ulong)s.LeftCount[s0], vs0r = s0 < 0 ? 99 : (ulong)s.RightCount[s0];
        ulong vb0l = (ulong)s.LeftCount[b0];
        ulong vs1r = s1 < 0 ? 99 : (ulong)s.RightCount[s1];

        int k = 0;
        f[k++] = FeatureHash.Feature(200);
        // unigrams
        f[k++] = FeatureHash.Feature(201, ws0);
        f[k++] = FeatureHash.Feature(202, ws1);
        f[k++] = FeatureHash.Feature(203, ws2);
        f[k++] = FeatureHash.Feature(204, wb0);
        f[k++] = FeatureHash.Feature(205, wb1);
        f[k++] = FeatureHash.Feature(206, wb2);
        f[k++] = FeatureHash.Feature(207, ts0);
        f[k++] = FeatureHash.Feature(208, ts1);
        f[k++] = FeatureHash.Feature(209, ts2);
        f[k++] = FeatureHash.Feature(210, tb0);
        f[k++] = FeatureHash.Feature(211, tb1);
        f[k++] = FeatureHash.Feature(212, tb2);
        f[k++] = FeatureHash.Feature(213, ws0, ts0);
        f[k++] = FeatureHash.Feature(214, wb0, tb0);
        f[k++] = FeatureHash.Feature(215, ws1, ts1);
        f[k++] = FeatureHash.Feature(216, wb1, tb1);
        // children
        f[k++] = FeatureHash.Feature(217, ts0l1);
        f[k++] = FeatureHash.Feature(218, ts0r1);
        f[k++] = FeatureHash.Feature(219, tb0l1);
        f[k++] = FeatureHash.Feature(220, ts1r1);
        f[k++] = FeatureHash.Feature(221, W(s0l1, s, words));
        f[k++] = FeatureHash.Feature(222, W(s0r1, s, words));
        f[k++] = FeatureHash.Feature(223, W(b0l1, s, words));
        f[k++] = FeatureHash.Feature(224, ls0l1);
        f[k++] = FeatureHash.Feature(225, ls0r1);
        f[k++] = FeatureHash.Feature(226, lb0l1);
        f[k++] = FeatureHash.Feature(227, ls1r1);
        f[k++] = FeatureHash.Feature(228, ls0l1, ls0l2);
        f[k++] = FeatureHash.Feature(229, ls0r1, ls0r2);
        f[k++] = FeatureHash.Feature(230, lb0l1, lb0l2);
        f[k++] = FeatureHash.Feature(231, ts0, ls0l1, ls0r1);
        // pairs
        f[k++] = FeatureHash.Feature(232, ws0, wb0);
        f[k++] = FeatureHash.Feature(233, ws0, ts0, wb0);
        f[k++] = FeatureHash.Feature(234, ws0, wb0, tb0);
        f[k++] = FeatureHash.Feature(235, ws0, ts0, tb0);
        f[k++] = FeatureHash.Feature(236, ts0, wb0, tb0);
        f[k++] = FeatureHash.Feature(237, ts0, tb0);
        f[k++] = FeatureHash.Feature(238, tb0, tb1);
        f[k++] = FeatureHash.Feature(239, ws1, ws0);
        f[k++] = FeatureHash.Feature(240, ts1, ts0);
        f[k++] = FeatureHash.Feature(241, ws1, ts0);
        f[k++] = FeatureHash.Feature(242, ts1, ws0);
        f[k++] = FeatureHash.Feature(243, ts1, tb0);
        f[k++] = FeatureHash.Feature(244, ws0, tb0);
        f[k++] = FeatureHash.Feature(245, ts0, wb0);
        // tag trigrams
        f[k++] = FeatureHash.Feature(246, tb0, tb1, tb2);
        f[k++] = FeatureHash.Feature(247, ts0, tb0, tb1);
        f[k++] = FeatureHash.Feature(248, ts1, ts0, tb0);
        f[k++] = FeatureHash.Feature(249, ts0, ts0l1, tb0);
        f[k++] = FeatureHash.Feature(250, ts0, ts0r1, tb0);
        f[k++] = FeatureHash.Feature(251, ts0, tb0, tb0l1);
        f[k++] = FeatureHash.Feature(252, ts0, ts0l1, ts0l2);
        f[k++] = FeatureHash.Feature(253, ts0, ts0r1, ts0r2);
        f[k++] = FeatureHash.Feature(254, tb0, tb0l1, tb0l2);
        f[k++] = FeatureHash.Feature(255, ts2, ts1, ts0);
        f[k++] = FeatureHash.Feature(256, ts1, ts1r1, ts0);
        f[k++] = FeatureHash.Feature(257, ts1, ts1l1, ts0);
        // valency and distance
        f[k++] = FeatureHash.Feature(258, ws0, vs0l);
        f[k++] = FeatureHash.Feature(259, ws0, vs0r);
        f[k++] = FeatureHash.Feature(260, wb0, vb0l);
        f[k++] = FeatureHash.Feature(261, ts0, vs0l, vs0r);
        f[k++] = FeatureHash.Feature(262, tb0, vb0l);
        f[k++] = FeatureHash.Feature(263, ts1, vs1r);
        f[k++] = FeatureHash.Feature(264, ws0, ds0b0);
        f[k++] = FeatureHash.Feature(265, wb0, ds0b0);
        f[k++] = FeatureHash.Feature(266, ts0, tb0, ds0b0);
        f[k++] = FeatureHash.Feature(267, ws0, wb0, ds0b0);
        f[k++] = FeatureHash.Feature(268, ts1, ts0, ds1s0);
        f[k++] = FeatureHash.Feature(269, ws1, ws0, ds1s0);
        f[k++] = FeatureHash.Feature(270, ts0, ts0r1, ts1);
        f[k++] = FeatureHash.Feature(271, ts0, tb0, (ulong)s.PunctuationBetween(s0, b0));
        f[k++] = FeatureHash.Feature(272, ts1, ts0, (ulong)s.PunctuationBetween(s1, s0));
        f[k++] = FeatureHash.Feature(273, wb0, wb1);
        f[k++] = FeatureHash.Feature(274, ws0, tb0, tb1);
        f[k++] = FeatureHash.Feature(275, ts0, wb0, tb1);
        f[k++] = FeatureHash.Feature(276, wb0, tb1);
        f[k++] = FeatureHash.Feature(277, ws1, ts1, ws0);
        f[k++] = FeatureHash.Feature(278, ws1, ws0, ts0);
        return k;
    }

    /// <summary>The features for labelling the arc head -> dependent (the dependent's children are complete).</summary>
    internal static int ExtractLabel(ArcHybrid s, int head, int dep, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Span<uint> f)
    {
        ulong wd = W(dep, s, words), td = T(dep, s, tags), wh = W(head, s, words), th = T(head, s, tags);
        ulong dir = head < dep ? 1UL : 0UL;
        ulong dist = Distance(head, dep) + 10 * dir;
        int dl1 = s.Left1[dep], dr1 = s.Right1[dep];
        ulong ldl1 = L(dl1, s), ldr1 = L(dr1, s), tdl1 = T(dl1, s, tags), tdr1 = T(dr1, s, tags);
        ulong lhl1 = L(s.Left1[head], s), lhr1 = L(s.Right1[head], s);
        ulong tdp = T(dep > 0 ? dep - 1 : -1, s, tags), tdn = T(dep + 1 < s.Root ? dep + 1 : -1, s, tags);
        ulong vd = (ulong)(s.LeftCount[dep] * 8 + Math.Min(7, s.RightCount[dep]));
        int k = 0;
        f[k++] = FeatureHash.Feature(400);
        f[k++] = FeatureHash.Feature(401, wd);
        f[k++] = FeatureHash.Feature(402, td);
        f[k++] = FeatureHash.Feature(403, wh);
        f[k++] = FeatureHash.Feature(404, th);
        f[k++] = FeatureHash.Feature(405, wd, td);
        f[k++] = FeatureHash.Feature(406, wh, th);
        f[k++] = FeatureHash.Feature(407, dist);
        f[k++] = FeatureHash.Feature(408, td, th, dir);
        f[k++] = FeatureHash.Feature(409, wd, th, dir);
        f[k++] = FeatureHash.Feature(410, td, wh, dir);
        f[k++] = FeatureHash.Feature(411, td, th, dist);
        f[k++] = FeatureHash.Feature(412, wd, wh);
        f[k++] = FeatureHash.Feature(413, ldl1);
        f[k++] = FeatureHash.Feature(414, ldr1);
        f[k++] = FeatureHash.Feature(415, td, ldl1, ldr1);
        f[k++] = FeatureHash.Feature(416, td, tdl1);
        f[k++] = FeatureHash.Feature(417, td, tdr1);
        f[k++] = FeatureHash.Feature(418, th, lhl1, dir);
        f[k++] = FeatureHash.Feature(419, th, lhr1, dir);
        f[k++] = FeatureHash.Feature(420, tdp, td, tdn);
        f[k++] = FeatureHash.Feature(421, td, vd);
        f[k++] = FeatureHash.Feature(422, wd, dir);
        f[k++] = FeatureHash.Feature(423, th, td, tdl1);
        f[k++] = FeatureHash.Feature(424, wd, ldl1);
        f[k++] = FeatureHash.Feature(425, td, tdn, dir);
        // What is already attached decides between relations the words alone do not: a subject under a verb that has
        // an "auxpass" child is "nsubjpass"; a clause with a "mark" child is "advcl" or "ccomp" by that word.
        ulong headChildren = s.ChildLabels[head], depChildren = s.ChildLabels[dep];
        ulong wdl1 = W(dl1, s, words), whl1 = W(s.Left1[head], s, words);
        f[k++] = FeatureHash.Feature(426, th, headChildren, dir);
        f[k++] = FeatureHash.Feature(427, td, th, headChildren);
        f[k++] = FeatureHash.Feature(428, td, depChildren);
        f[k++] = FeatureHash.Feature(429, wh, wdl1);
        f[k++] = FeatureHash.Feature(430, td, wdl1, th);
        f[k++] = FeatureHash.Feature(431, th, whl1, td);
        return k;
    }

    /// <summary>A copy without the feature rows whose weights are all below <paramref name="minWeight"/> in magnitude.</summary>
    public ParserModel Prune(float minMoveWeight, float minLabelWeight) => new(_labels, Moves.Prune(minMoveWeight), Labeller.Prune(minLabelWeight));

    public void Save(Stream output) => ModelFile.Write(output, Kind, w =>
    {
        ModelFile.WriteStrings(w, _labels);
        Moves.Write(w);
        Labeller.Write(w);
    });

    public static ParserModel Load(Stream input) => ModelFile.Read(input, Kind, r =>
    {
        var labels = ModelFile.ReadStrings(r);
        var moves = LinearModel.Read(r);
        return new ParserModel(labels, moves, LinearModel.Read(r));
    });
}
