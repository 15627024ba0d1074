using Hearsay.Nlp;

namespace Hearsay.Stages.Tagging;

/// <summary>Trains a <see cref="PosModel"/> on CoNLL-U sentences (FORM and XPOS), deterministically.</summary>
public static class PosTrainer
{
    public sealed record Options
    {
        public int Iterations { get; init; } = 8;
        public int Seed { get; init; } = 1;
        /// <summary>Words seen at least this often with one tag at least 97% of the time go in the lexicon.</summary>
        public int LexiconMinCount { get; init; } = 20;
        public int MinUpdates { get; init; } = 2;
    }

    public static PosModel Train(IReadOnlyList<ConlluSentence> sentences, Options options, Action<string>? log = null)
    {
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var s in sentences)
            for (int i = 0; i < s.Count; i++)
            {
                if (!tagIndex.TryGetValue(s.Tags[i], out int t)) tagIndex[s.Tags[i]] = t = tagIndex.Count;
                ulong word = FeatureHash.Of(s.Forms[i]);
                if (!counts.TryGetValue(word, out var byTag)) counts[word] = byTag = new Dictionary<int, int>();
                byTag[t] = byTag.GetValueOrDefault(t) + 1;
            }
        var tags = tagIndex.OrderBy(e => e.Value).Select(e => e.Key).ToArray();
        var lexicon = new Dictionary<ulong, int>();
        foreach (var (word, byTag) in counts)
        {
            int total = byTag.Values.Sum();
            var (best, n) = byTag.MaxBy(e => e.Value);
            if (total >= options.LexiconMinCount && n >= 0.97 * total) lexicon[word] = best;
        }

        var data = sentences.Select(s =>
        {
            var words = new WordFeatures[s.Count];
            for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
            return (Words: words, Gold: s.Tags.Select(t => tagIndex[t]).ToArray());
        }).ToArray();

        var perceptron = new AveragedPerceptron(tags.Length);
        var rng = new Random(options.Seed);
        Span<uint> features = stackalloc uint[PosModel.MaxFeatures];
        var scores = new float[tags.Length];
        var order = Enumerable.Range(0, data.Length).ToArray();
        for (int it = 0; it < options.Iterations; it++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int si in order)
            {
                var (words, gold) = data[si];
                var guesses = new int[words.Length];
                for (int i = 0; i < words.Length; i++)
                {
                    total++;
                    if (lexicon.TryGetValue(words[i].Word, out int known)) { guesses[i] = known; correct += known == gold[i] ? 1 : 0; continue; }
                    int n = PosModel.Extract(words, i, guesses, features);
                    perceptron.Score(features[..n], scores);
                    int guess = PosModel.ArgMax(scores);
                    perceptron.Tick();
                    perceptron.Update(features[..n], gold[i], guess);
                    guesses[i] = guess;
                    if (guess == gold[i]) correct++;
                }
            }
            log?.Invoke($"pos iteration {it + 1}/{options.Iterations}: train accuracy {100.0 * correct / total:F2}%, {perceptron.RowCount:N0} features");
        }
        return new PosModel(tags, perceptron.ToModel(options.MinUpdates), lexicon);
    }

    /// <summary>
    /// The sentences with their tags replaced by jackknifed predictions: the documents are split into
    /// <paramref name="folds"/> parts and each part is tagged by a model trained on the others, so later
    /// models (entities, parser) learn from tags as imperfect as the ones they will see at run time.
    /// </summary>
    public static List<ConlluSentence> Jackknife(IReadOnlyList<ConlluSentence> sentences, int folds, Options options, Action<string>? log = null)
    {
        var documents = sentences.Select(s => s.DocumentId).Distinct().ToList();
        var foldOf = documents.Select((d, i) => (d, i % folds)).ToDictionary(e => e.d, e => e.Item2);
        var result = sentences.ToList();
        int correct = 0, total = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            var model = Train(sentences.Where(s => foldOf[s.DocumentId] != fold).ToList(), options);
            for (int i = 0; i < result.Count; i++)
            {
                var s = result[i];
                if (foldOf[s.DocumentId] != fold) continue;
                var tags = model.Tag(s.Forms);
                for (int t = 0; t < tags.Length; t++) { total++; if (tags[t] == s.Tags[t]) correct++; }
                result[i] = new ConlluSentence
                {
                    DocumentId = s.DocumentId, Forms = s.Forms, Tags = tags, Heads = s.Heads, Relations = s.Relations,
                    Entities = s.Entities, Starts = s.Starts, Ends = s.Ends,
                };
            }
            log?.Invoke($"pos jackknife fold {fold + 1}/{folds} done");
        }
        log?.Invoke($"pos jackknife: {folds} folds, tags agree with silver on {100.0 * correct / total:F2}% of train tokens");
        return result;
    }

    /// <summary>Token accuracy of <paramref name="model"/> on <paramref name="sentences"/> (gold tokenization).</summary>
    public static (int Correct, int Total) Evaluate(PosModel model, IReadOnlyList<ConlluSentence> sentences)
    {
        int correct = 0, total = 0;
        foreach (var s in sentences)
        {
            var predicted = model.Tag(s.Forms);
            for (int i = 0; i < s.Count; i++) { total++; if (predicted[i] == s.Tags[i]) correct++; }
        }
        return (correct, total);
    }
}
