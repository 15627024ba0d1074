using Hearsay.Attributions;
using Hearsay.Nlp;
using Hearsay.Text;
using Change = Hearsay.Stages.Reported.AttributionAlternatives.Change;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Decides, for each found attribution, whether one of its other readings (<see cref="AttributionAlternatives"/>)
/// is the better one: a logistic regression over the change (what words the content loses or gains, which
/// subject would replace the source) and the attribution around it, trained on attributions found in articles
/// the labeller did not learn from, where each reading was scored against the annotation. Read-only; safe to
/// share across threads.
/// </summary>
public sealed class AlternativeChooser
{
    private readonly LogisticRegression _model;

    private AlternativeChooser(LogisticRegression model) => _model = model;

    public int FeatureCount => _model.FeatureCount;

    internal double Probability(ReadOnlySpan<uint> features) => _model.Probability(features);

    /// <summary>
    /// Replaces, in place, the source or content of each attribution whose likeliest other reading is better with at
    /// least probability <paramref name="least"/>. Attributions with others reported inside them are left as they are.
    /// </summary>
    public void Revise(Document document, ReadOnlySpan<float> margins, IReadOnlyDictionary<Attribution, float> cueMargins,
        IReadOnlyDictionary<string, float> cueRates, double least)
    {
        var parents = new HashSet<Attribution>(ReferenceEqualityComparer.Instance);
        foreach (var a in document.Attributions) if (a.Parent is { } p) parents.Add(p);
        var features = new List<uint>(32);
        foreach (var a in document.Attributions)
        {
            if (parents.Contains(a) || AttributionNester.IsReportedInside(a)) continue;
            float? margin = cueMargins.TryGetValue(a, out float m) ? m : null;
            Attribution? best = null;
            double bestProbability = least;
            foreach (var (change, alternative) in AttributionAlternatives.Of(document, a))
            {
                Features(document, a, change, alternative, margin, margins, cueRates, features);
                double p = _model.Probability(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features));
                if (p >= bestProbability) { bestProbability = p; best = alternative; }
            }
            if (best is null) continue;
            a.Source = best.Source;
            a.Content.Clear();
            a.Content.AddRange(best.Content);
        }
    }

    private enum Template
    {
        Bias, Rule, CueWords, CueRate, Margin, Kind, Length, Changed, Share, FirstWord, FirstTag, FirstRelation, BoundaryWord,
        Clause, StrongCue, Quote, Sentence, ComplementRelation, OldSource, NewSource, SourcePair, SourceSide, Passive, CueTag,
        ChangedMargin, LeastMargin, EdgeMargin, SourceMargin,
    }

    /// <summary>The labeller's margins, bucketed: how sure it was of the labels it gave those tokens.</summary>
    private static ulong MarginBucket(float m) => m < 2 ? 0UL : m < 4 ? 1UL : m < 8 ? 2UL : m < 16 ? 3UL : m < 32 ? 4UL : 5UL;

    internal static void Features(Document doc, Attribution a, Change change, Attribution alternative, float? cueMargin,
        ReadOnlySpan<float> margins, IReadOnlyDictionary<string, float> cueRates, List<uint> into)
    {
        into.Clear();
        ulong c = (ulong)change + 1;
        void Add(Template t, ulong value) => into.Add(FeatureHash.Feature((int)t, c, value));
        void Add2(Template t, ulong x, ulong y) => into.Add(FeatureHash.Feature((int)t, c, x, y));
        ulong Lower(int i) => FeatureHash.OfLower(doc.Tokens[i].Text);
        ulong Text(string? s) => FeatureHash.Of(s ?? "-");

        Add(Template.Bias, 0);
        Add(Template.Rule, Text(a.Rule));
        Add(Template.Kind, (ulong)a.Kind);
        var (cueFirst, cueEnd) = doc.TokensIn(a.Cue!.Value);
        ulong words = 0;
        float rate = 0;
        for (int i = cueFirst; i < cueEnd; i++)
        {
            words = FeatureHash.Avalanche(words ^ Lower(i));
            rate = Math.Max(rate, cueRates.GetValueOrDefault(AttributionFeatures.Normalize(doc.Tokens[i].Text)));
        }
        Add(Template.CueWords, words);
        ulong rateBucket = rate >= 0.5f ? 5UL : rate >= AttributionFeatures.StrongCue ? 4UL : rate >= 0.1f ? 3UL : rate >= AttributionFeatures.WeakCue ? 2UL : rate > 0 ? 1UL : 0UL;
        Add(Template.CueRate, rateBucket);
        Add(Template.Margin, cueMargin is not { } m ? 9UL : m < 4 ? 0UL : m < 8 ? 1UL : m < 16 ? 2UL : m < 32 ? 3UL : 4UL);
        int head = cueEnd - 1;
        Add(Template.CueTag, Text(doc.Tokens[head].Tag));

        if (change is Change.SubjectSource or Change.NoSource)
        {
            ulong oldSource = SourceShape(doc, a.Source), newSource = SourceShape(doc, alternative.Source);
            Add(Template.OldSource, oldSource);
            Add(Template.NewSource, newSource);
            Add2(Template.SourcePair, oldSource, newSource);
            if (a.Source is { } s) Add2(Template.SourceSide, s.Start < a.Cue!.Value.Start ? 1UL : 2UL, rateBucket);
            bool passive = false;
            var sentence = doc.Sentences[doc.Tokens[head].Sentence];
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = doc.Tokens[i];
                if (t.Head >= cueFirst && t.Head < cueEnd && t.Relation is "auxpass" or "nsubjpass") passive = true;
            }
            Add2(Template.Passive, passive ? 1UL : 0UL, Text(doc.Tokens[head].Tag));
            if (a.Source is { } old && margins.Length == doc.Tokens.Count)
            {
                var (sFirst, sEnd) = doc.TokensIn(old);
                float least = float.MaxValue;
                for (int i = sFirst; i < sEnd; i++) least = Math.Min(least, margins[i]);
                if (sEnd > sFirst) Add2(Template.SourceMargin, MarginBucket(least), newSource);
            }
            return;
        }

        var (first, end) = doc.TokensIn(a.Content[0]);
        var (_, newEnd) = doc.TokensIn(alternative.Content[0]);
        int from = Math.Min(end, newEnd), to = Math.Max(end, newEnd);
        if (to <= from) return;
        Add(Template.Length, Bucket(end - first));
        Add(Template.Changed, Bucket(to - from));
        Add(Template.Share, (ulong)Math.Min(4, 4 * (to - from) / Math.Max(1, end - first)));
        Add(Template.FirstWord, Lower(from));
        Add2(Template.FirstTag, Text(doc.Tokens[from].Tag), from > 0 ? Text(doc.Tokens[from - 1].Tag) : 0);
        Add(Template.FirstRelation, Text(doc.Tokens[from].Relation));
        Add(Template.BoundaryWord, from > 0 ? Lower(from - 1) : 0);
        bool clause = false, strong = false, quote = false;
        for (int i = from; i < to; i++)
        {
            var t = doc.Tokens[i];
            if (t.Relation is "nsubj" or "nsubjpass") clause = true;
            if (cueRates.GetValueOrDefault(AttributionFeatures.Normalize(t.Text)) >= AttributionFeatures.StrongCue) strong = true;
            if (t.IsQuote) quote = true;
        }
        Add2(Template.Clause, clause ? 1UL : 0UL, strong ? 1UL : 0UL);
        Add(Template.StrongCue, strong ? 1UL : 0UL);
        Add(Template.Quote, quote ? 1UL : 0UL);
        Add(Template.Sentence, doc.Tokens[from].Sentence == doc.Tokens[to - 1].Sentence ? 1UL : 0UL);
        int k = first;
        for (int steps = 0; k >= 0 && steps < 64 && !(doc.Tokens[k].Head >= cueFirst && doc.Tokens[k].Head < cueEnd); steps++) k = doc.Tokens[k].Head;
        Add(Template.ComplementRelation, k >= 0 ? Text(doc.Tokens[k].Relation) : 0);
        if (margins.Length == doc.Tokens.Count)
        {
            float sum = 0, least = float.MaxValue;
            for (int i = from; i < to; i++) { sum += margins[i]; least = Math.Min(least, margins[i]); }
            Add(Template.ChangedMargin, MarginBucket(sum / (to - from)));
            Add(Template.LeastMargin, MarginBucket(least));
            Add2(Template.EdgeMargin, MarginBucket(margins[from]), MarginBucket(margins[from - 1]));
        }
    }

    /// <summary>A source's length and the tag and entity type of its last word (or "none").</summary>
    private static ulong SourceShape(Document doc, TextRange? source)
    {
        if (source is not { } s) return 1;
        var (first, end) = doc.TokensIn(s);
        if (end <= first) return 1;
        var last = doc.Tokens[end - 1];
        return FeatureHash.Avalanche(Bucket(end - first) * 31 ^ FeatureHash.Of(last.Tag ?? "-") ^ FeatureHash.Of(last.EntityTag ?? "O") * 7);
    }

    private static ulong Bucket(int n) => n switch { <= 2 => (ulong)Math.Max(0, n), <= 4 => 3, <= 8 => 4, <= 16 => 5, <= 32 => 6, _ => 7 };

    public static AlternativeChooser Train(IReadOnlyList<LogisticRegression.Example> examples, int seed = 1) => new(LogisticRegression.Train(examples, seed));

    public void Write(BinaryWriter writer) => _model.Write(writer);

    public static AlternativeChooser Read(BinaryReader reader) => new(LogisticRegression.Read(reader));
}
