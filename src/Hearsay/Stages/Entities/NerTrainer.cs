using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>Trains an <see cref="NerModel"/> on CoNLL-U sentences (FORM, XPOS and MISC NER=), deterministically.</summary>
public static class NerTrainer
{
    public sealed record Options
    {
        public int Iterations { get; init; } = 10;
        public int Seed { get; init; } = 1;
        public int MinUpdates { get; init; } = 2;
    }

    /// <summary>Entity type index per token (-1 for O and for the types the model does not cover).</summary>
    public static int[] GoldTypes(ConlluSentence s) => s.Entities.Select(e => Array.IndexOf(NerModel.Types, e)).ToArray();

    /// <summary>BILOU labels from per-token types: a run of one type is one entity.</summary>
    public static int[] ToBilou(ReadOnlySpan<int> types)
    {
        var labels = new int[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            int t = types[i];
            if (t < 0) continue;
            bool begins = i == 0 || types[i - 1] != t, ends = i == types.Length - 1 || types[i + 1] != t;
            labels[i] = NerModel.Label(t, begins && ends ? 3 : begins ? 0 : ends ? 2 : 1);
        }
        return labels;
    }

    private sealed record Doc(List<(WordFeatures[] Words, ulong[] Tags, int[] Gold)> Sentences);

    private static List<Doc> Prepare(IReadOnlyList<ConlluSentence> sentences)
    {
        var docs = new List<Doc>();
        string? current = null;
        foreach (var s in sentences)
        {
            if (s.DocumentId != current || docs.Count == 0) { docs.Add(new Doc(new())); current = s.DocumentId; }
            var words = new WordFeatures[s.Count];
            for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
            docs[^1].Sentences.Add((words, s.Tags.Select(t => FeatureHash.Of(t)).ToArray(), ToBilou(GoldTypes(s))));
        }
        return docs;
    }

    public static NerModel Train(IReadOnlyList<ConlluSentence> sentences, Options options, Action<string>? log = null)
    {
        var docs = Prepare(sentences);
        var perceptron = new AveragedPerceptron(NerModel.LabelCount);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, docs.Count).ToArray();
        Span<uint> features = stackalloc uint[NerModel.MaxFeatures];
        var scores = new float[NerModel.LabelCount];
        for (int it = 0; it < options.Iterations; it++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int d in order)
            {
                var memory = new Dictionary<ulong, int>();
                foreach (var (words, tags, gold) in docs[d].Sentences)
                {
                    var labels = new int[words.Length];
                    for (int i = 0; i < words.Length; i++)
                    {
                        int n = NerModel.Extract(words, tags, labels, memory, i, features);
                        perceptron.Score(features[..n], scores);
                        int guess = NerModel.Best(scores, i > 0 ? labels[i - 1] : -1, i == words.Length - 1);
                        perceptron.Tick();
                        if (guess != gold[i]) perceptron.Update(features[..n], gold[i], guess);
                        labels[i] = guess;
                        total++;
                        if (guess == gold[i]) correct++;
                    }
                    NerModel.Remember(words, labels, memory);
                }
            }
            log?.Invoke($"ner iteration {it + 1}/{options.Iterations}: train label accuracy {100.0 * correct / total:F2}%, {perceptron.RowCount:N0} features");
        }
        return new NerModel(perceptron.ToModel(options.MinUpdates));
    }

    /// <summary>Entity spans (start, end, type) from per-token types: maximal runs of one type.</summary>
    public static IEnumerable<(int Start, int End, int Type)> Spans(ReadOnlySpan<int> types)
    {
        var spans = new List<(int, int, int)>();
        for (int i = 0; i < types.Length;)
        {
            if (types[i] < 0) { i++; continue; }
            int j = i + 1;
            while (j < types.Length && types[j] == types[i]) j++;
            spans.Add((i, j, types[i]));
            i = j;
        }
        return spans;
    }

    public sealed record Score(int Predicted, int Gold, int Correct)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    /// <summary>Exact-match entity precision, recall and F1 against the silver entities, overall and per type.</summary>
    /// <param name="tagger">Predicts Penn tags when given; otherwise the silver tags are used.</param>
    public static (Score Overall, Score[] PerType) Evaluate(NerModel model, IReadOnlyList<ConlluSentence> sentences, Func<IReadOnlyList<string>, string[]>? tagger = null)
    {
        int[] predicted = new int[NerModel.Types.Length], gold = new int[NerModel.Types.Length], correct = new int[NerModel.Types.Length];
        var memory = new Dictionary<ulong, int>();
        string? current = null;
        var scores = new float[model.Weights.Stride];
        foreach (var s in sentences)
        {
            if (s.DocumentId != current) { memory.Clear(); current = s.DocumentId; }
            var words = new WordFeatures[s.Count];
            for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
            var tagStrings = tagger?.Invoke(s.Forms) ?? s.Tags;
            var tags = tagStrings.Select(t => FeatureHash.Of(t)).ToArray();
            var types = new int[s.Count];
            model.Recognize(words, tags, memory, types, scores);
            var p = Spans(types).ToHashSet();
            var g = Spans(GoldTypes(s)).ToHashSet();
            foreach (var e in p) predicted[e.Type]++;
            foreach (var e in g) { gold[e.Type]++; if (p.Contains(e)) correct[e.Type]++; }
        }
        var perType = Enumerable.Range(0, NerModel.Types.Length).Select(t => new Score(predicted[t], gold[t], correct[t])).ToArray();
        return (new Score(predicted.Sum(), gold.Sum(), correct.Sum()), perType);
    }
}
