using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// Trains an <see cref="NerModel"/> on CoNLL-U sentences (FORM, XPOS and MISC NER=), deterministically: word
/// clusters and a gazetteer are learned from the training text first, then a structured averaged perceptron
/// (Collins 2002) is trained with Viterbi decoding, each document seeing the gazetteer of the other folds.
/// </summary>
public static class NerTrainer
{
    public sealed record Options
    {
        public int Iterations { get; init; } = 15;
        public int Seed { get; init; } = 1;
        public int MinUpdates { get; init; } = 2;
        /// <summary>Folds of the jackknifed gazetteer (below 2: every document sees the full gazetteer).</summary>
        public int GazetteerFolds { get; init; } = 10;
        /// <summary>Off: no gazetteer features (to measure what the gazetteer brings).</summary>
        public bool UseGazetteer { get; init; } = true;
        /// <summary>Off: no word clusters (every word is in the unknown cluster).</summary>
        public bool UseClusters { get; init; } = true;
        /// <summary>Words seen at least this often and never in an entity are labelled O unscored (0: none); see <see cref="OutsideWords"/>.</summary>
        public int OutsideMinCount { get; init; } = 5;
        public WordClusterer.Options Clusters { get; init; } = new();
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

    private sealed record TrainingSentence(string[] Forms, WordFeatures[] Words, ulong[] Tags, int[] Types, int[] Gold);

    private static List<List<TrainingSentence>> Prepare(IReadOnlyList<ConlluSentence> sentences)
    {
        var docs = new List<List<TrainingSentence>>();
        string? current = null;
        foreach (var s in sentences)
        {
            if (s.DocumentId != current || docs.Count == 0) { docs.Add(new()); current = s.DocumentId; }
            var words = new WordFeatures[s.Count];
            for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
            var types = GoldTypes(s);
            docs[^1].Add(new TrainingSentence(s.Forms.ToArray(), words, s.Tags.Select(t => FeatureHash.Of(t)).ToArray(), types, ToBilou(types)));
        }
        return docs;
    }

    public static NerModel Train(IReadOnlyList<ConlluSentence> sentences, Options options, Action<string>? log = null)
    {
        var docs = Prepare(sentences);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var clusters = options.UseClusters ? WordClusterer.Learn(sentences.Select(s => s.Forms), options.Clusters) : WordClusters.Empty;
        log?.Invoke($"ner: {clusters.Count:N0} words clustered in {watch.Elapsed.TotalSeconds:F1}s");
        watch.Restart();
        var builder = new GazetteerBuilder(docs.Select(d => (IReadOnlyList<(string[], int[])>)d.Select(s => (s.Forms, s.Types)).ToList()).ToList(), options.GazetteerFolds);
        var gazetteer = options.UseGazetteer ? builder.Build() : Gazetteer.Empty;
        var jackknifed = Enumerable.Range(0, builder.Folds)
            .Select(f => !options.UseGazetteer ? Gazetteer.Empty : builder.Folds < 2 ? gazetteer : builder.Build(f)).ToArray();
        log?.Invoke($"ner: gazetteer of {gazetteer.Count:N0} sequences ({builder.Folds} folds) in {watch.Elapsed.TotalSeconds:F1}s");

        var perceptron = new AveragedPerceptron(NerModel.LabelCount);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, docs.Count).ToArray();
        var ws = new NerWorkspace();
        for (int it = 0; it < options.Iterations; it++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int d in order)
            {
                var memory = new Dictionary<ulong, int>();
                foreach (var s in docs[d])
                {
                    var predicted = NerModel.Decode(perceptron, jackknifed[builder.FoldOf(d)], clusters, s.Words, s.Tags, memory, ws);
                    for (int i = 0; i < predicted.Length; i++)
                    {
                        perceptron.Tick();
                        if (predicted[i] == s.Gold[i]) correct++;
                    }
                    total += predicted.Length;
                    Update(perceptron, s, predicted, ws);
                    NerModel.Remember(s.Words, predicted, memory);
                }
            }
            log?.Invoke($"ner iteration {it + 1}/{options.Iterations}: train label accuracy {100.0 * correct / total:F2}%, {perceptron.RowCount:N0} features");
        }
        var outside = OutsideWords.Learn(docs.SelectMany(d => d).Select(s => (s.Words, s.Types)), options.OutsideMinCount);
        log?.Invoke($"ner: {outside.Count:N0} words never inside an entity (seen at least {options.OutsideMinCount} times)");
        return new NerModel(perceptron.ToModel(options.MinUpdates, wide: true), gazetteer, clusters, outside);
    }

    /// <summary>The structured perceptron update: the features of the gold sequence up, those of the predicted one down, where they differ.</summary>
    private static void Update(AveragedPerceptron perceptron, TrainingSentence s, ReadOnlySpan<int> predicted, NerWorkspace ws)
    {
        Span<uint> gold = stackalloc uint[NerFeatures.MaxTransition], guess = stackalloc uint[NerFeatures.MaxTransition];
        for (int i = 0; i < predicted.Length; i++)
        {
            int g = s.Gold[i], p = predicted[i];
            int gp = i > 0 ? s.Gold[i - 1] : -1, pp = i > 0 ? predicted[i - 1] : -1;
            if (g == p && gp == pp) continue;
            perceptron.Update(ws.EmissionFeatures(i), g, p);
            perceptron.Adjust(gold[..NerFeatures.Transition(s.Words, s.Tags, i, gp, gold)], g, 1f);
            perceptron.Adjust(guess[..NerFeatures.Transition(s.Words, s.Tags, i, pp, guess)], p, -1f);
        }
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
        var workspace = new NerWorkspace();
        foreach (var s in sentences)
        {
            if (s.DocumentId != current) { memory.Clear(); current = s.DocumentId; }
            var words = new WordFeatures[s.Count];
            for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
            var tagStrings = tagger?.Invoke(s.Forms) ?? s.Tags;
            var tags = tagStrings.Select(t => FeatureHash.Of(t)).ToArray();
            var types = new int[s.Count];
            model.Recognize(words, tags, memory, types, workspace);
            var p = Spans(types).ToHashSet();
            var g = Spans(GoldTypes(s)).ToHashSet();
            foreach (var e in p) predicted[e.Type]++;
            foreach (var e in g) { gold[e.Type]++; if (p.Contains(e)) correct[e.Type]++; }
        }
        var perType = Enumerable.Range(0, NerModel.Types.Length).Select(t => new Score(predicted[t], gold[t], correct[t])).ToArray();
        return (new Score(predicted.Sum(), gold.Sum(), correct.Sum()), perType);
    }
}
