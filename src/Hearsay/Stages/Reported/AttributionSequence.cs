using Hearsay.Nlp;

namespace Hearsay.Stages.Reported;

/// <summary>
/// The labeller as a sequence model: per-token label scores from the label-free features, (previous label,
/// label) scores from features that pair the previous label with the token, and the best well-formed BIO
/// sequence over the whole document by Viterbi; trained as a structured perceptron (Collins 2002).
/// </summary>
internal static class AttributionSequence
{
    private static readonly string? Setting = Environment.GetEnvironmentVariable("HEARSAY_ATTR_SEQUENCE");

    /// <summary>Whether the pass that <paramref name="features"/> are for decodes as a sequence.</summary>
    public static bool For(AttributionFeatures features) => Setting == "1" || Setting == (features.Stacked ? "second" : "first");

    private const int L = AttributionLabels.Count;
    private const float Impossible = float.NegativeInfinity;

    /// <summary>
    /// The best label sequence under <paramref name="scorer"/>; with <paramref name="margins"/>, each token's
    /// margin: how much lower the best sequence that gives the token another label scores.
    /// </summary>
    public static int[] Label(IFeatureScorer scorer, AttributionFeatures features, float[]? margins = null)
    {
        var labels = new int[features.Count];
        Decode(scorer, features, 0, features.Count, -1, labels, margins);
        return labels;
    }

    /// <summary>Labels tokens <paramref name="from"/> to <paramref name="to"/> (exclusive), the token before them labelled <paramref name="start"/> (-1: none).</summary>
    public static void Decode(IFeatureScorer scorer, AttributionFeatures features, int from, int to, int start, Span<int> labels, float[]? margins = null)
    {
        int n = to - from;
        if (n <= 0) return;
        var emission = new float[n * L];
        var transition = new float[n * (L + 1) * L];
        Span<uint> f = stackalloc uint[AttributionFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[16];
        for (int i = 0; i < n; i++)
        {
            int k = features.Emission(from + i, f);
            scorer.Score(f[..k], scores);
            scores[..L].CopyTo(emission.AsSpan(i * L, L));
            for (int p = i == 0 ? start : 0; p < (i == 0 ? start + 1 : L); p++)
            {
                k = features.Transition(from + i, p, f);
                scorer.Score(f[..k], scores);
                scores[..L].CopyTo(transition.AsSpan((i * (L + 1) + p + 1) * L, L));
            }
        }

        var alpha = new float[n * L];
        var back = new int[n * L];
        for (int c = 0; c < L; c++)
            alpha[c] = AttributionLabels.Allowed(start, c) ? transition[(start + 1) * L + c] + emission[c] : Impossible;
        for (int i = 1; i < n; i++)
            for (int c = 0; c < L; c++)
            {
                float best = Impossible;
                int origin = 0;
                for (int p = 0; p < L; p++)
                {
                    if (!AttributionLabels.Allowed(p, c) || alpha[(i - 1) * L + p] == Impossible) continue;
                    float s = alpha[(i - 1) * L + p] + transition[(i * (L + 1) + p + 1) * L + c];
                    if (s > best) { best = s; origin = p; }
                }
                alpha[i * L + c] = best == Impossible ? Impossible : best + emission[i * L + c];
                back[i * L + c] = origin;
            }
        int label = 0;
        for (int c = 1; c < L; c++) if (alpha[(n - 1) * L + c] > alpha[(n - 1) * L + label]) label = c;
        for (int i = n - 1; i >= 0; i--)
        {
            labels[from + i] = label;
            if (i > 0) label = back[i * L + label];
        }
        if (margins is null) return;

        // Max-marginals: alpha (best prefix ending in c) plus beta (best suffix after c).
        var beta = new float[n * L];
        for (int i = n - 2; i >= 0; i--)
            for (int p = 0; p < L; p++)
            {
                float best = Impossible;
                for (int c = 0; c < L; c++)
                {
                    if (!AttributionLabels.Allowed(p, c)) continue;
                    float s = transition[((i + 1) * (L + 1) + p + 1) * L + c] + emission[(i + 1) * L + c] + beta[(i + 1) * L + c];
                    if (s > best) best = s;
                }
                beta[i * L + p] = best;
            }
        for (int i = 0; i < n; i++)
        {
            int chosen = labels[from + i];
            float score = alpha[i * L + chosen] + beta[i * L + chosen], second = Impossible;
            for (int c = 0; c < L; c++)
                if (c != chosen) second = Math.Max(second, alpha[i * L + c] + beta[i * L + c]);
            margins[from + i] = second == Impossible ? float.MaxValue : score - second;
        }
    }

    /// <summary>
    /// One training round over a document, sentence by sentence: each sentence decoded from the gold label
    /// before it, then the structured update. Returns how many tokens were labelled right.
    /// </summary>
    public static int Train(AveragedPerceptron perceptron, AttributionFeatures features, int[] gold)
    {
        var predicted = new int[features.Count];
        int correct = 0;
        for (int from = 0; from < features.Count;)
        {
            int to = Math.Max(from + 1, features.SentenceEnd(from));
            int start = from > 0 ? gold[from - 1] : -1;
            Decode(perceptron, features, from, to, start, predicted);
            for (int i = from; i < to; i++)
            {
                perceptron.Tick();
                if (predicted[i] == gold[i]) correct++;
            }
            Update(perceptron, features, gold, predicted, from, to);
            from = to;
        }
        return correct;
    }

    /// <summary>The structured perceptron update: the gold sequence's features up, the predicted one's down, where they differ.</summary>
    private static void Update(AveragedPerceptron perceptron, AttributionFeatures features, ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted, int from, int to)
    {
        Span<uint> f = stackalloc uint[AttributionFeatures.MaxFeatures];
        for (int i = from; i < to; i++)
        {
            int g = gold[i], p = predicted[i];
            int gp = i > 0 ? gold[i - 1] : -1, pp = i > from ? predicted[i - 1] : gp;
            if (g == p && gp == pp) continue;
            int k = features.Emission(i, f);
            perceptron.Update(f[..k], g, p);
            k = features.Transition(i, gp, f);
            perceptron.Adjust(f[..k], g, 1f);
            k = features.Transition(i, pp, f);
            perceptron.Adjust(f[..k], p, -1f);
        }
    }

    /// <summary>Gold labels made well formed: an I that continues no span of its role becomes B.</summary>
    public static int[] WellFormed(int[] gold)
    {
        var labels = (int[])gold.Clone();
        for (int i = 0; i < labels.Length; i++)
            if (!AttributionLabels.Allowed(i > 0 ? labels[i - 1] : -1, labels[i])) labels[i] = AttributionLabels.Begin(AttributionLabels.RoleOf(labels[i]));
        return labels;
    }
}
