using Hearsay.Attributions;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>How the labeller's attributions combine with those the quote sieves found before it.</summary>
public enum SieveMerge
{
    /// <summary>Keep every sieve attribution; add the labeller's where they share no token with one.</summary>
    KeepSieves,
    /// <summary>Replace the sieve attributions by the labeller's (which see the sieves' roles as features).</summary>
    Replace,
    /// <summary>Keep a sieve's direct quote; let the labeller's clashing attribution replace a sieve's mixed or partial quote.</summary>
    PreferLabeller,
}

/// <summary>Settings of <see cref="AttributionTagger"/>.</summary>
public sealed record AttributionTaggerOptions
{
    public static AttributionTaggerOptions Default { get; } = new();
    public SieveMerge Merge { get; init; } = SieveMerge.PreferLabeller;
    public AttributionGrouperOptions Grouping { get; init; } = AttributionGrouperOptions.Default;
    /// <summary>Look inside contents for attributions reported within them (see <see cref="AttributionNester.FindReported"/>).</summary>
    public bool FindNested { get; init; } = true;
    /// <summary>Labeller attributions whose cue label won by less than this score margin are dropped (0 keeps all).</summary>
    public float MinCueMargin { get; init; }
    /// <summary>
    /// A sieve's direct quote of at most this many words that lies inside the content of a clashing labeller
    /// attribution ("Comey said there was clear evidence that Clinton was “extremely careless” …") is a
    /// quoted fragment of that paraphrase and gives way to it (0: direct quotes always stay).
    /// </summary>
    public int FragmentWords { get; init; } = 4;
    /// <summary>
    /// Attributions the model's confidence puts below this probability of being right are dropped (0 keeps
    /// all); an attribution with others reported inside it stays. On four held-out tenths of train (stop 25,
    /// the labeller and the confidence model trained on jackknifed syntax, the held-out articles read with syntax
    /// trained without them), mean attribution F1 is 0.6485 / 0.6503 / 0.6523 / 0.6518 at 0.1 / 0.15 / 0.2 / 0.25,
    /// and cue overlap falls as the threshold rises (0.634 / 0.628 / 0.621 / 0.613). (0.15 when it came in, stop 18;
    /// 0.1 in stop 24, when F1 was level from 0.1 to 0.15 on labellers trained on their own articles' near-perfect parses.)
    /// </summary>
    public double MinConfidence { get; init; } = 0.2;
    /// <summary>
    /// When a labeller attribution that displaced a sieve's quote in the merge is dropped for its confidence,
    /// the quote comes back (if it is likely enough itself): on four held-out tenths of train, F1 +0.001 / 0 /
    /// 0 / 0, direct quotes with the correct speaker up on two of them.
    /// </summary>
    public bool RestoreDisplaced { get; init; } = true;
    /// <summary>
    /// A document longer than this many tokens (some 50 times a long article) is labelled in windows of about
    /// this size, cut where a paragraph ends, so that the labeller's per-token arrays stay small on huge inputs.
    /// </summary>
    public int WindowTokens { get; init; } = 100_000;
}

/// <summary>
/// Finds every attribution the corpus annotates — indirect and mixed speech, "according to", beliefs and
/// intentions, headline colons — by labelling each token as source, cue or content (greedy averaged
/// perceptron, BIO), grouping the labelled spans into attributions (<see cref="AttributionGrouper"/>),
/// combining them with the direct-quote sieves' results and nesting them (<see cref="AttributionNester"/>).
/// </summary>
public sealed class AttributionTagger : IStage
{
    private readonly AttributionModel _model;
    private readonly AttributionTaggerOptions _options;

    public AttributionTagger(AttributionModel model, AttributionTaggerOptions? options = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options ?? AttributionTaggerOptions.Default;
    }

    public string Name => "attribution-tagger";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Quotations;
    public Layers Provides => Layers.Attributions;

    public void Process(Document document)
    {
        int n = document.Tokens.Count;
        if (n == 0) return;
        var windows = Windows(document, _options.WindowTokens);
        var margins = new float[n];
        int[] labels;
        if (windows.Count == 1)
            labels = Label(_model, new AttributionFeatures(document, _model.CueRates, _model.NeighbourRates), margins);
        else
        {
            labels = new int[n];
            foreach (var (first, end) in windows)
            {
                var features = new AttributionFeatures(document, _model.CueRates, _model.NeighbourRates, first, end);
                var windowMargins = new float[end - first];
                Label(_model, features, windowMargins).CopyTo(labels, first);
                windowMargins.CopyTo(margins, first);
            }
        }
        Attribute(document, labels, margins, _model.Confidence, _model.CueRates, _options);
        // After the confidence model has rated the attributions, which it learned to do on the labeller's cues.
        if (_options.Grouping.CueAdjuncts && DocumentPatterns.ExtendCueAdjuncts(document) && _options.Grouping.CueColons)
            DocumentPatterns.TakeCueColons(document);
        if (_options.FindNested) AttributionNester.FindReported(document, _model.CueRates);
    }

    /// <summary>
    /// Everything after labelling, up to the nesting of the attributions found: groups the labelled spans,
    /// merges them with the sieves' attributions, applies the document patterns, nests, and rates each
    /// attribution with the model's confidence (dropping those below <see cref="AttributionTaggerOptions.MinConfidence"/>).
    /// Without a confidence model (as when training one) nothing is rated or dropped. Returns the labeller's
    /// margin on the cue of each attribution it found.
    /// </summary>
    internal static Dictionary<Attribution, float> Attribute(Document document, int[] labels, float[] margins,
        AttributionConfidence? confidence, IReadOnlyDictionary<string, float> cueRates, AttributionTaggerOptions options)
    {
        var found = AttributionGrouper.Group(document, AttributionGrouper.Spans(labels), options.Grouping);
        var cueMargins = new Dictionary<Attribution, float>(ReferenceEqualityComparer.Instance);
        foreach (var a in found)
        {
            float margin = margins[document.TokenAtOrAfter(a.Cue!.Value.Start)];
            cueMargins[a] = margin;
            // Without a confidence model: how far the cue's first label beat the runner-up.
            a.Confidence = 1.0 / (1.0 + Math.Exp(-margin));
        }
        if (options.MinCueMargin > 0) found.RemoveAll(a => cueMargins[a] < options.MinCueMargin);
        var displaced = Merge(document, found, options.Merge, options.FragmentWords);
        if (options.Grouping.CueColons) DocumentPatterns.TakeCueColons(document);
        if (options.Grouping.SourceOpeners) DocumentPatterns.TrimSourceOpeners(document, options.Grouping.PrepositionalSources);
        if (options.Grouping.WholeSubjects) DocumentPatterns.CompleteSubjects(document, options.Grouping.WholeSubjectTokens, options.Grouping.PrepositionalSources);
        if (options.Grouping.SourceAppositions) DocumentPatterns.AddSourceAppositions(document, options.Grouping.SourceRelatives);
        if (options.Grouping.TranscriptSpeakers && DocumentPatterns.AddTranscriptLines(document))
            Renumber(document.Attributions);
        if (options.Grouping.HeadlineColon && DocumentPatterns.AddHeadlineColon(document))
            Renumber(document.Attributions);
        if (options.Grouping.NameColonQuotes && DocumentPatterns.AddNameColonQuotes(document))
            Renumber(document.Attributions);
        if (options.Grouping.InPolls && DocumentPatterns.AddPollPrepositions(document))
            Renumber(document.Attributions);
        AttributionNester.Nest(document);
        if (confidence is null) return cueMargins;
        // Only the attributions scored as the corpus draws them are rated; those reported inside another keep 1.
        var rated = new List<Attribution>();
        var parents = new HashSet<Attribution>(ReferenceEqualityComparer.Instance);
        foreach (var a in document.Attributions)
        {
            if (AttributionNester.IsReportedInside(a)) parents.Add(a.Parent!);
            else rated.Add(a);
        }
        foreach (var a in rated)
            a.Confidence = confidence.Probability(document, a, cueMargins.TryGetValue(a, out float m) ? m : null, cueRates);
        if (options.MinConfidence <= 0) return cueMargins;
        var unlikely = rated.FindAll(a => a.Confidence < options.MinConfidence && !parents.Contains(a));
        if (unlikely.Count == 0) return cueMargins;
        var dropped = new HashSet<Attribution>(unlikely, ReferenceEqualityComparer.Instance);
        document.Attributions.RemoveAll(dropped.Contains);
        if (options.RestoreDisplaced)
            Restore(document, unlikely, displaced, s => confidence.Probability(document, s, null, cueRates), options.MinConfidence);
        Renumber(document.Attributions);
        return cueMargins;
    }

    /// <summary>
    /// The token windows <see cref="Process"/> labels one at a time: the whole document when it has at most
    /// <paramref name="size"/> tokens; otherwise windows that end with the first paragraph to end after
    /// <paramref name="size"/> tokens, or with the first sentence to end after that when no paragraph ends
    /// within twice the size.
    /// </summary>
    internal static List<(int First, int End)> Windows(Document document, int size)
    {
        int n = document.Tokens.Count, first = 0;
        var windows = new List<(int, int)>();
        var sentences = document.Sentences;
        int cut = -1;
        for (int s = 0; s < sentences.Count && n - first > size; s++)
        {
            int end = sentences[s].EndToken;
            if (end - first < size || end >= n) continue;
            if (cut < 0) cut = end;
            bool paragraphEnds = s + 1 == sentences.Count || sentences[s + 1].Paragraph != sentences[s].Paragraph;
            if (paragraphEnds) cut = end;
            else if (end - first < 2 * size) continue;
            windows.Add((first, cut));
            first = cut;
            cut = -1;
        }
        windows.Add((first, n));
        return windows;
    }

    /// <summary>Labels with the model's first pass, then, when it has one, its stacked second pass.</summary>
    internal static int[] Label(AttributionModel model, AttributionFeatures features, float[]? margins = null)
    {
        if (model.Stacked is null) return Label(model.Weights, features, margins);
        features.SetFirstPass(Label(model.Weights, features));
        return Label(model.Stacked, features, margins);
    }

    /// <summary>Greedy left-to-right labelling; only well-formed BIO sequences.</summary>
    internal static int[] Label(LinearModel weights, AttributionFeatures features, float[]? margins = null)
    {
        int n = features.Count;
        var labels = new int[n];
        Span<uint> f = stackalloc uint[AttributionFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[Math.Max(weights.Stride, AttributionLabels.Count)];
        int p1 = -1, p2 = -1;
        for (int i = 0; i < n; i++)
        {
            int k = features.Extract(i, p1, p2, f);
            weights.Score(f[..k], scores);
            int best = Best(scores, p1);
            labels[i] = best;
            if (margins is not null)
            {
                float second = float.NegativeInfinity;
                for (int c = 0; c < AttributionLabels.Count; c++)
                    if (c != best && AttributionLabels.Allowed(p1, c)) second = Math.Max(second, scores[c]);
                margins[i] = scores[best] - second;
            }
            p2 = p1;
            p1 = best;
        }
        return labels;
    }

    internal static int Best(ReadOnlySpan<float> scores, int previous)
    {
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int c = 0; c < AttributionLabels.Count; c++)
        {
            if (!AttributionLabels.Allowed(previous, c)) continue;
            if (scores[c] > bestScore) { bestScore = scores[c]; best = c; }
        }
        return best;
    }

    /// <summary>Adds <paramref name="found"/> to the document's attributions as <paramref name="merge"/> says, renumbering ids.</summary>
    internal static Dictionary<Attribution, List<Attribution>> Merge(Document document, List<Attribution> found, SieveMerge merge, int fragmentWords = 0)
    {
        var all = document.Attributions;
        if (merge == SieveMerge.Replace) all.Clear();
        var sieves = all.ToList();
        var index = new SieveIndex(sieves);
        var dropped = new HashSet<Attribution>(ReferenceEqualityComparer.Instance);
        var displaced = new Dictionary<Attribution, List<Attribution>>(ReferenceEqualityComparer.Instance);
        foreach (var a in found)
        {
            var clashes = index.ClashingWith(a);
            if (clashes.Count == 0) { all.Add(a); continue; }
            if (merge == SieveMerge.KeepSieves) continue;
            // PreferLabeller: a sieve's direct quote stays (its speaker is what most users come for); a
            // sieve's mixed or partial quote gives way to the labeller's attribution around it.
            if (clashes.Any(s => s.Kind == AttributionKind.Direct && !IsFragmentOf(document, s, a, fragmentWords))) continue;
            foreach (var s in clashes) dropped.Add(s);
            displaced[a] = clashes;
            all.Add(a);
        }
        all.RemoveAll(dropped.Contains);
        Renumber(all);
        return displaced;
    }

    /// <summary>
    /// Brings back the sieve attributions that gave way in the merge to attributions since dropped, where
    /// nothing left clashes with them and they are likely enough themselves (<paramref name="rate"/> sets their confidence).
    /// </summary>
    internal static void Restore(Document document, IEnumerable<Attribution> dropped, IReadOnlyDictionary<Attribution, List<Attribution>> displaced,
        Func<Attribution, double> rate, double least)
    {
        foreach (var a in dropped)
        {
            if (!displaced.TryGetValue(a, out var sieves)) continue;
            foreach (var s in sieves)
            {
                if (document.Attributions.Any(other => Clash(other, s) || Clash(s, other))) continue;
                s.Confidence = rate(s);
                if (s.Confidence >= least) document.Attributions.Add(s);
            }
        }
    }

    /// <summary>Whether the sieve's quote is one short fragment inside the content of the labeller's attribution.</summary>
    private static bool IsFragmentOf(Document document, Attribution sieve, Attribution labelled, int maxWords)
    {
        if (maxWords <= 0 || sieve.Content.Count != 1) return false;
        var quote = sieve.Content[0];
        if (!labelled.Content.Any(c => c.Contains(quote) && c.Length > quote.Length)) return false;
        var (first, end) = document.TokensIn(quote);
        int words = 0;
        for (int i = first; i < end; i++) if (document.Tokens[i].Shape == TokenShape.Word) words++;
        return words <= maxWords;
    }

    /// <summary>Sorts attributions into text order and numbers them A1, A2, ...</summary>
    private static void Renumber(List<Attribution> all)
    {
        all.Sort((x, y) => Anchor(x).CompareTo(Anchor(y)));
        for (int i = 0; i < all.Count; i++) all[i].Id = "A" + (i + 1);
    }

    /// <summary>
    /// The sieves' attributions by every range they cover (source, cue, content), so that those a labeller
    /// attribution clashes with are found without a pass over all of them: an article with thousands of
    /// quotes is merged in n log n steps rather than n².
    /// </summary>
    private sealed class SieveIndex(List<Attribution> sieves)
    {
        private readonly RangeIndex<int> _ranges = new(sieves.SelectMany((s, i) =>
            (s.Source is { } source ? s.CueAndContent.Prepend(source) : s.CueAndContent).Select(r => (r, i))));

        /// <summary>The sieves' attributions that <paramref name="a"/> clashes with, in their order (see <see cref="Clash"/>).</summary>
        public List<Attribution> ClashingWith(Attribution a)
        {
            var hits = new SortedSet<int>();
            foreach (var r in a.CueAndContent)
                foreach (var (range, sieve) in _ranges.Around(r.End, r.Start))
                    if (r.Overlaps(range)) hits.Add(sieve);
            return hits.Select(i => sieves[i]).ToList();
        }
    }

    private static bool Clash(Attribution sieve, Attribution a)
    {
        foreach (var r in a.CueAndContent)
        {
            if (sieve.Source is { } s && r.Overlaps(s)) return true;
            foreach (var x in sieve.CueAndContent) if (r.Overlaps(x)) return true;
        }
        return false;
    }

    private static int Anchor(Attribution a) =>
        Math.Min(a.Cue?.Start ?? int.MaxValue, a.Content.Count > 0 ? a.Content.Min(c => c.Start) : int.MaxValue);
}
