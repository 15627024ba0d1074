using Hearsay.Attributions;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// How likely a found attribution is to be right (source, cue and content all agreeing with an annotator):
/// a logistic regression over the whole attribution — which rule or model found it, the cue's words,
/// their cue rate and the labeller's margin on it, the kind of source, the content's length and shape,
/// how source and content attach to the cue in the parse, where it stands in the article. Trained on attributions found in articles the labeller did not learn
/// from, so that it knows how wrong the labeller is on unseen text. Read-only; safe to share across threads.
/// </summary>
public sealed class AttributionConfidence
{
    private readonly Dictionary<uint, float> _weights;

    private AttributionConfidence(Dictionary<uint, float> weights) => _weights = weights;

    public int FeatureCount => _weights.Count;

    /// <summary>The probability that <paramref name="attribution"/> is right; <paramref name="cueMargin"/> is the labeller's margin on its cue (null when a rule found it).</summary>
    public double Probability(Document document, Attribution attribution, float? cueMargin, IReadOnlyDictionary<string, float> cueRates)
    {
        var features = new List<uint>(32);
        Features(document, attribution, cueMargin, cueRates, features);
        return Probability(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features));
    }

    internal double Probability(ReadOnlySpan<uint> features)
    {
        double z = 0;
        foreach (uint f in features) z += _weights.GetValueOrDefault(f);
        return Logistic(z);
    }

    private static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-Math.Clamp(z, -30, 30)));

    private enum Template { Bias, Rule, Kind, NoSource, SourceLength, SourceTag, SourceEntity, SourceWord, NoCue, CueLength, CueWords, CueTag,
        CueRate, CueRelation, Sentence, Paragraph, ContentLength, ContentVerbs, Quoted, ContentFirst, Margin, RuleRate, MarginRate, SourceTagRate,
        SourceLink, ContentLink, Order, LinkRate }

    internal static void Features(Document doc, Attribution a, float? cueMargin, IReadOnlyDictionary<string, float> cueRates, List<uint> into)
    {
        into.Clear();
        void Add(Template t, ulong value) => into.Add(FeatureHash.Feature((int)t, value));
        void AddText(Template t, string text) => Add(t, FeatureHash.Of(text));

        Add(Template.Bias, 0);
        AddText(Template.Rule, a.Rule ?? "-");
        Add(Template.Kind, (ulong)a.Kind);
        string sourceTag = "-";
        if (a.Source is { } source)
        {
            var (first, end) = doc.TokensIn(source);
            Add(Template.SourceLength, Bucket(end - first));
            if (end > first)
            {
                sourceTag = doc.Tokens[first].Tag ?? "-";
                AddText(Template.SourceTag, sourceTag);
                AddText(Template.SourceEntity, doc.Tokens[end - 1].EntityTag ?? "-");
                Add(Template.SourceWord, FeatureHash.OfLower(doc.Tokens[first].Text));
            }
        }
        else Add(Template.NoSource, 0);

        ulong rate = 0;
        if (a.Cue is { } cue)
        {
            var (first, end) = doc.TokensIn(cue);
            Add(Template.CueLength, Bucket(end - first));
            ulong words = 0;
            float best = 0;
            for (int i = first; i < end; i++)
            {
                words = FeatureHash.Avalanche(words ^ FeatureHash.OfLower(doc.Tokens[i].Text));
                AddText(Template.CueTag, doc.Tokens[i].Tag ?? "-");
                best = Math.Max(best, cueRates.GetValueOrDefault(AttributionFeatures.Normalize(doc.Tokens[i].Text)));
            }
            Add(Template.CueWords, words);
            rate = best >= 0.5f ? 5UL : best >= AttributionFeatures.StrongCue ? 4UL : best >= 0.1f ? 3UL : best >= AttributionFeatures.WeakCue ? 2UL : best > 0 ? 1UL : 0UL;
            Add(Template.CueRate, rate);
            if (end > first) AddText(Template.CueRelation, doc.Tokens[end - 1].Relation ?? "-");
            if (end > first)
            {
                Add(Template.Sentence, Bucket(doc.Tokens[first].Sentence));
                Add(Template.Paragraph, Bucket(doc.Tokens[first].Paragraph));
            }
        }
        else Add(Template.NoCue, 0);

        int contentWords = 0, verbs = 0;
        bool quoted = false;
        for (int c = 0; c < a.Content.Count; c++)
        {
            var (first, end) = doc.TokensIn(a.Content[c]);
            if (c == 0 && end > first) Add(Template.ContentFirst, FeatureHash.OfLower(doc.Tokens[first].Text));
            for (int i = first; i < end; i++)
            {
                var token = doc.Tokens[i];
                contentWords++;
                if (token.Tag is { } tag && tag.StartsWith("VB", StringComparison.Ordinal)) verbs++;
                if (token.Text is "“" or "\"") quoted = true;
            }
        }
        Add(Template.ContentLength, Bucket(contentWords));
        Add(Template.ContentVerbs, Bucket(verbs));
        if (quoted) Add(Template.Quoted, 0);

        // The labeller's margin on the cue: none for attributions a rule found.
        ulong margin = cueMargin is not { } m ? 9UL : m < 4 ? 0UL : m < 8 ? 1UL : m < 16 ? 2UL : m < 32 ? 3UL : 4UL;
        Add(Template.Margin, margin);
        into.Add(FeatureHash.Feature((int)Template.RuleRate, FeatureHash.Of(a.Rule ?? "-"), rate));
        into.Add(FeatureHash.Feature((int)Template.MarginRate, margin, rate));
        into.Add(FeatureHash.Feature((int)Template.SourceTagRate, FeatureHash.Of(sourceTag), rate));

        // How the spans hang together in the parse: the source as the cue's subject and the content as its clause
        // are what the corpus annotates; a source or content found apart from the cue's tree less often is.
        if (a.Cue is not { } cueRange || !doc.Has(Layers.Dependencies)) return;
        var (cueFirst, cueEnd) = doc.TokensIn(cueRange);
        if (cueEnd <= cueFirst) return;
        ulong sourceLink = a.Source is { } s ? Link(doc, s, cueFirst, cueEnd) : FeatureHash.Of("-");
        ulong contentLink = a.Content.Count > 0 ? Link(doc, a.Content[0], cueFirst, cueEnd) : FeatureHash.Of("-");
        Add(Template.SourceLink, sourceLink);
        Add(Template.ContentLink, contentLink);
        into.Add(FeatureHash.Feature((int)Template.LinkRate, sourceLink, contentLink, rate));
        // The order of the three and whether source and content share the cue's sentence.
        int cueSentence = doc.Tokens[cueFirst].Sentence;
        ulong order = 0;
        if (a.Source is { } src && doc.TokensIn(src) is var (sf, se) && se > sf)
            order = (sf < cueFirst ? 1UL : 2UL) | (doc.Tokens[sf].Sentence == cueSentence ? 0UL : 4UL);
        if (a.Content.Count > 0 && doc.TokensIn(a.Content[0]) is var (tf, te) && te > tf)
            order |= (tf < cueFirst ? 8UL : 16UL) | (doc.Tokens[tf].Sentence == cueSentence ? 0UL : 32UL);
        Add(Template.Order, order);
    }

    /// <summary>
    /// How a span attaches to the cue: the relation of its top token (the first whose head lies outside it) and
    /// whether that head is a cue word, elsewhere in the cue's sentence, in another sentence, or none (the root).
    /// </summary>
    private static ulong Link(Document doc, TextRange span, int cueFirst, int cueEnd)
    {
        var (first, end) = doc.TokensIn(span);
        for (int i = first; i < end; i++)
        {
            int head = doc.Tokens[i].Head;
            if (head >= first && head < end) continue;
            ulong where = head < 0 ? 4UL : head >= cueFirst && head < cueEnd ? 1UL
                : doc.Tokens[head].Sentence == doc.Tokens[cueFirst].Sentence ? 2UL : 3UL;
            return FeatureHash.Avalanche(FeatureHash.Of(doc.Tokens[i].Relation ?? "-") ^ where);
        }
        return FeatureHash.Of("?");
    }

    private static ulong Bucket(int n) => n switch { <= 2 => (ulong)Math.Max(0, n), <= 4 => 3, <= 8 => 4, <= 16 => 5, <= 32 => 6, _ => 7 };

    /// <summary>One training example: an attribution's features and whether it was right.</summary>
    public readonly record struct Example(uint[] Features, bool Correct);

    /// <summary>
    /// Logistic regression by stochastic gradient descent, examples shuffled with <paramref name="seed"/>;
    /// deterministic. With <paramref name="averaged"/>, the weights returned are the mean of the weights after
    /// each example of the second half of the epochs (Polyak averaging): SGD at a constant rate ends wherever
    /// its last few hundred examples leave it, so the last iterate's calibration (and with it how many
    /// attributions a threshold keeps) moves between trainings on nearly the same data.
    /// </summary>
    public static AttributionConfidence Train(IReadOnlyList<Example> examples, int seed = 1, int epochs = 20, double rate = 0.05, double l2 = 0.03,
        bool averaged = true)
    {
        var weights = new Dictionary<uint, double>();
        // For the average: the sum of each change times the number of examples seen (since averaging began) when it was made.
        var moments = new Dictionary<uint, double>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        int averageFrom = averaged ? epochs / 2 : epochs;
        long seen = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int e in order)
            {
                var example = examples[e];
                double z = 0;
                foreach (uint f in example.Features) z += weights.GetValueOrDefault(f);
                double gradient = (example.Correct ? 1 : 0) - Logistic(z);
                foreach (uint f in example.Features)
                {
                    double w = weights.GetValueOrDefault(f);
                    double change = rate * (gradient - l2 * w);
                    weights[f] = w + change;
                    if (epoch >= averageFrom) moments[f] = moments.GetValueOrDefault(f) + change * seen;
                }
                if (epoch >= averageFrom) seen++;
            }
        }
        var kept = new Dictionary<uint, float>();
        foreach (var (f, w) in weights)
        {
            double final = seen > 0 ? w - moments.GetValueOrDefault(f) / seen : w;
            if (Math.Abs(final) > 1e-4) kept[f] = (float)final;
        }
        return new AttributionConfidence(kept);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_weights.Count);
        foreach (var (f, w) in _weights.OrderBy(p => p.Key))
        {
            writer.Write(f);
            writer.Write(w);
        }
    }

    public static AttributionConfidence Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var weights = new Dictionary<uint, float>(count);
        for (int i = 0; i < count; i++) weights[reader.ReadUInt32()] = reader.ReadSingle();
        return new AttributionConfidence(weights);
    }
}
