using Hearsay.Attributions;
using Hearsay.Evaluation;
using Hearsay.Input;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Stages.Quotes;
using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Trains <see cref="AttributionModel"/> from gold .ann files (the first annotator's file per article):
/// gold character spans are aligned to Hearsay's tokens (a token takes a role when its characters lie
/// inside a span of that role), the cue lexicon is counted, and the labeller is trained greedily on its
/// own previous labels, documents shuffled with a fixed seed.
/// </summary>
public static class AttributionTrainer
{
    public sealed record Options
    {
        public int Iterations { get; init; } = 10;
        public int Seed { get; init; } = 1;
        /// <summary>Least number of times a word must be (part of) a cue to enter the cue lexicon.</summary>
        public int MinCueCount { get; init; } = 2;
        /// <summary>Features updated fewer times are dropped from the saved model.</summary>
        public int MinUpdates { get; init; } = 4;
        /// <summary>Rows whose weights all stay below this are dropped from the saved model (0 keeps all).</summary>
        public float MinWeight { get; init; } = 2f;
        /// <summary>Folds of the jackknifed cue lexicon used while training (1: none).</summary>
        public int Folds { get; init; } = 10;
        /// <summary>Folds for the stacked second pass: each article's first-pass labels come from a model trained without its fold (0: one pass only).</summary>
        public int StackFolds { get; init; } = 4;
        /// <summary>Labellers trained on differently shuffled articles (seeds Seed, Seed + 1, ...) whose weights are averaged into one model, in every pass.</summary>
        public int Ensemble { get; init; } = 1;
        /// <summary>Train the confidence model on the attributions the jackknifed first pass finds (needs StackFolds > 1).</summary>
        public bool Confidence { get; init; } = true;
        /// <summary>Train the chooser between readings of each attribution the same way (needs Confidence).</summary>
        public bool Chooser { get; init; } = true;
        /// <summary>For tuning: a file that keeps the jackknifed first-pass labels, so the models over whole attributions can be trained again alone (<see cref="TrainWhole"/>).</summary>
        public string? FirstPassCache { get; init; }
    }

    /// <summary>A prepared article: the document after the stages before the labeller, and the gold.</summary>
    public sealed record Example(string Name, Document Document, IReadOnlyList<AttributionSpans> Gold, int[] Labels);

    /// <summary>The stages the labeller runs after (tokens, sentences, quotations, the quote sieves).</summary>
    public static HearsayPipeline BasePipeline(EnglishModels? nlp = null)
    {
        var builder = new PipelineBuilder()
            .Use(new ParagraphSplitter())
            .Use(new Tokenizer())
            .Use(new SentenceSplitter());
        // The labeller reads tags, entity types and the parse as features; the grouper's rules use the parse too.
        if (nlp?.Pos is { } pos) builder.Use(new Hearsay.Stages.Tagging.PosTagger(pos));
        if (nlp?.Pos != null && nlp.Ner is { } ner) builder.Use(new Hearsay.Stages.Entities.EntityRecognizer(ner));
        if (nlp?.Pos != null && nlp.Parser is { } parser) builder.Use(new Hearsay.Stages.Parsing.DependencyParser(parser));
        return builder.Use(new QuotationFinder()).Use(new QuoteAttributor()).Build();
    }

    public static List<Example> Read(string corpusFolder, Action<string>? log = null, EnglishModels? nlp = null)
    {
        var pipeline = BasePipeline(nlp ?? StandardPipelineOptions.Default.Models);
        var articles = CorpusFolder.Load(corpusFolder).Where(a => a.GoldPath is not null).ToList();
        var examples = new Example[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var article = articles[i];
            var doc = ArticleReader.ReadFile(article.TextPath);
            pipeline.Process(doc);
            var gold = BratAnnotations.ReadFile(article.GoldPath!, doc.Text).Attributions;
            examples[i] = new Example(article.Name, doc, gold, Align(doc, gold));
        });
        log?.Invoke($"attribution: read {examples.Length} articles, {examples.Sum(e => e.Document.Tokens.Count):N0} tokens, {examples.Sum(e => e.Gold.Count):N0} gold attributions from {corpusFolder}");
        return examples.ToList();
    }

    /// <summary>BIO labels of the document's tokens from gold spans; a token inside no span, or only partly inside one, is O.</summary>
    public static int[] Align(Document doc, IReadOnlyList<AttributionSpans> gold)
    {
        var labels = new int[doc.Tokens.Count];
        foreach (var a in gold)
        {
            Mark(a.Source, RoleSpan.Source);
            Mark(a.Cue, RoleSpan.Cue);
            Mark(a.Content, RoleSpan.Content);
        }
        return labels;

        void Mark(IReadOnlyList<TextRange> fragments, int role)
        {
            foreach (var fragment in fragments)
            {
                var (first, end) = doc.TokensIn(fragment);
                bool begun = false;
                for (int i = first; i < end; i++)
                {
                    var r = doc.Tokens[i].Range;
                    if (r.Start < fragment.Start || r.End > fragment.End) continue;
                    if (labels[i] != 0) { begun = false; continue; }
                    labels[i] = begun ? AttributionLabels.Inside(role) : AttributionLabels.Begin(role);
                    begun = true;
                }
            }
        }
    }

    /// <summary>For each lower-cased word that is part of a cue at least <paramref name="minCount"/> times: the share of its occurrences that are.</summary>
    public static Dictionary<string, float> CueRates(IEnumerable<Example> examples, int minCount)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var cue = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples)
        {
            for (int i = 0; i < e.Labels.Length; i++)
            {
                string w = AttributionFeatures.Normalize(e.Document.Tokens[i].Text);
                total[w] = total.GetValueOrDefault(w) + 1;
                if (AttributionLabels.RoleOf(e.Labels[i]) == RoleSpan.Cue) cue[w] = cue.GetValueOrDefault(w) + 1;
            }
        }
        return cue.Where(p => p.Value >= minCount)
            .ToDictionary(p => p.Key, p => (float)p.Value / total[p.Key], StringComparer.Ordinal);
    }

    public static AttributionModel Train(IReadOnlyList<Example> examples, Options options, Action<string>? log = null)
    {
        var rates = CueRates(examples, options.MinCueCount);
        log?.Invoke($"attribution: cue lexicon of {rates.Count:N0} words ({rates.Count(p => p.Value >= AttributionFeatures.StrongCue):N0} strong)");
        // Jackknifed cue lexicon: each training article sees rates counted without its own fold, as an
        // unseen article will, so the labeller does not learn to trust rates of words it only saw once.
        var ratesOf = JackknifedRates(examples, rates, options);
        var features = new AttributionFeatures[examples.Count];
        for (int i = 0; i < examples.Count; i++) features[i] = new AttributionFeatures(examples[i].Document, ratesOf[i]);
        var first = TrainPass(examples, features, Enumerable.Range(0, examples.Count).ToList(), options, "first pass", log);
        LinearModel? stacked = null;
        AttributionConfidence? confidence = null;
        AlternativeChooser? chooser = null;
        if (options.StackFolds > 1)
        {
            // The second pass must learn from first-pass labels as wrong as they will be on unseen text.
            var firstLabels = new int[examples.Count][];
            var firstMargins = new float[examples.Count][];
            for (int fold = 0; fold < options.StackFolds; fold++)
            {
                var rest = Enumerable.Range(0, examples.Count).Where(i => i % options.StackFolds != fold).ToList();
                var foldModel = TrainPass(examples, features, rest, options, $"first pass without fold {fold + 1}", null);
                for (int i = fold; i < examples.Count; i += options.StackFolds)
                {
                    firstMargins[i] = new float[features[i].Count];
                    firstLabels[i] = AttributionTagger.Label(foldModel, features[i], firstMargins[i]);
                }
            }
            for (int i = 0; i < examples.Count; i++) features[i].SetFirstPass(firstLabels[i]);
            stacked = TrainPass(examples, features, Enumerable.Range(0, examples.Count).ToList(), options, "second pass", log);
            if (options.FirstPassCache is { } cache) SaveFirstPass(cache, firstLabels, firstMargins);
            // The same unseen-text labels, grouped into attributions, teach the models over whole attributions how
            // often each reading is right.
            if (options.Confidence) (chooser, confidence) = TrainWhole(examples, firstLabels, firstMargins, ratesOf, options, log);
        }
        var model = new AttributionModel(first, rates, stacked, confidence, chooser).Prune(options.MinWeight);
        log?.Invoke($"attribution: {model.FeatureCount:N0} features kept");
        return model;
    }

    /// <summary>Each article's cue lexicon counted without its fold.</summary>
    private static IReadOnlyDictionary<string, float>[] JackknifedRates(IReadOnlyList<Example> examples, Dictionary<string, float> rates, Options options)
    {
        var ratesOf = new IReadOnlyDictionary<string, float>[examples.Count];
        for (int fold = 0; fold < Math.Max(1, options.Folds); fold++)
        {
            var foldRates = options.Folds <= 1 ? rates : CueRates(examples.Where((_, i) => i % options.Folds != fold), options.MinCueCount);
            for (int i = fold; i < examples.Count; i += Math.Max(1, options.Folds)) ratesOf[i] = foldRates;
        }
        return ratesOf;
    }

    /// <summary>
    /// The chooser between readings and the confidence model, from the attributions that jackknifed first-pass
    /// labels give. Each reading of each attribution is scored against gold within its article: the chooser learns
    /// which readings gain a correct pair; the confidence model, how often each attribution is right once revised.
    /// </summary>
    private static (AlternativeChooser?, AttributionConfidence) TrainWhole(IReadOnlyList<Example> examples, int[][] labels, float[][] margins,
        IReadOnlyDictionary<string, float>[] ratesOf, Options options, Action<string>? log)
    {
        var pipeline = BasePipeline(StandardPipelineOptions.Default.Models);
        var docs = new Document[examples.Count];
        var cueMargins = new Dictionary<Attribution, float>[examples.Count];
        var readings = new LogisticRegression.Example[examples.Count][];
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = docs[i] = ArticleReader.FromText(e.Document.Text, e.Name);
            pipeline.Process(doc);
            cueMargins[i] = AttributionTagger.Attribute(doc, labels[i], margins[i], null, null, ratesOf[i], AttributionTaggerOptions.Default);
            readings[i] = options.Chooser ? Readings(doc, e, margins[i], cueMargins[i], ratesOf[i]) : [];
        });
        AlternativeChooser? chooser = null;
        if (options.Chooser)
        {
            var all = readings.SelectMany(x => x).ToList();
            chooser = AlternativeChooser.Train(all, options.Seed);
            log?.Invoke($"attribution: chooser from {all.Count:N0} other readings of attributions found in unseen articles ({all.Count(x => x.Positive):N0} better), {chooser.FeatureCount:N0} features");
        }
        var perArticle = new AttributionConfidence.Example[examples.Count][];
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = docs[i];
            chooser?.Revise(doc, margins[i], cueMargins[i], ratesOf[i], AttributionTaggerOptions.Default.MinAlternativeProbability);
            var scored = AttributionSpans.Scored(doc.Attributions);
            var correct = new bool[scored.Count];
            AttributionScorer.Score(doc.Text, e.Gold, scored.Select(AttributionSpans.From).ToArray(), e.Name, systemCorrect: correct);
            var list = new List<uint>();
            perArticle[i] = new AttributionConfidence.Example[scored.Count];
            for (int k = 0; k < scored.Count; k++)
            {
                AttributionConfidence.Features(doc, scored[k], cueMargins[i].TryGetValue(scored[k], out float m) ? m : null, ratesOf[i], list);
                perArticle[i][k] = new AttributionConfidence.Example(list.ToArray(), correct[k]);
            }
        });
        var rated = perArticle.SelectMany(x => x).ToList();
        var confidence = AttributionConfidence.Train(rated, options.Seed);
        log?.Invoke($"attribution: confidence model from {rated.Count:N0} attributions found in unseen articles ({rated.Count(x => x.Correct):N0} right), {confidence.FeatureCount:N0} features");
        return (chooser, confidence);
    }

    /// <summary>Every other reading of the article's scored attributions, positive where it gains the article a correct pair.</summary>
    private static LogisticRegression.Example[] Readings(Document doc, Example e, float[] margins, Dictionary<Attribution, float> cueMargins, IReadOnlyDictionary<string, float> rates)
    {
        var parents = new HashSet<Attribution>(ReferenceEqualityComparer.Instance);
        foreach (var a in doc.Attributions) if (a.Parent is { } p) parents.Add(p);
        var scored = AttributionSpans.Scored(doc.Attributions);
        var spans = scored.Select(AttributionSpans.From).ToArray();
        int Correct(AttributionSpans[] s) => AttributionScorer.Score(doc.Text, e.Gold, s, e.Name).Attribution.SystemMatched;
        int before = Correct(spans);
        var result = new List<LogisticRegression.Example>();
        var features = new List<uint>();
        for (int k = 0; k < scored.Count; k++)
        {
            if (parents.Contains(scored[k])) continue;
            foreach (var (change, alternative) in AttributionAlternatives.Of(doc, scored[k]))
            {
                var copy = (AttributionSpans[])spans.Clone();
                copy[k] = AttributionSpans.From(alternative);
                AlternativeChooser.Features(doc, scored[k], change, alternative, cueMargins.TryGetValue(scored[k], out float m) ? m : null, margins, rates, features);
                result.Add(new LogisticRegression.Example(features.ToArray(), Correct(copy) > before));
            }
        }
        return result.ToArray();
    }

    private static void SaveFirstPass(string path, int[][] labels, float[][] margins)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            writer.Write(labels[i].Length);
            foreach (int l in labels[i]) writer.Write((byte)l);
            foreach (float m in margins[i]) writer.Write(m);
        }
    }

    /// <summary>
    /// For tuning: <paramref name="model"/> with its chooser and confidence model trained again from the jackknifed
    /// first-pass labels a training run kept in <paramref name="cache"/> (<see cref="Options.FirstPassCache"/>).
    /// </summary>
    public static AttributionModel TrainWhole(AttributionModel model, IReadOnlyList<Example> examples, string cache, Options options, Action<string>? log)
    {
        using var reader = new BinaryReader(File.OpenRead(cache));
        int count = reader.ReadInt32();
        if (count != examples.Count) throw new InvalidDataException($"{cache} holds {count} articles, not {examples.Count}.");
        var labels = new int[count][];
        var margins = new float[count][];
        for (int i = 0; i < count; i++)
        {
            int n = reader.ReadInt32();
            labels[i] = new int[n];
            margins[i] = new float[n];
            for (int t = 0; t < n; t++) labels[i][t] = reader.ReadByte();
            for (int t = 0; t < n; t++) margins[i][t] = reader.ReadSingle();
        }
        var ratesOf = JackknifedRates(examples, CueRates(examples, options.MinCueCount), options);
        var (chooser, confidence) = TrainWhole(examples, labels, margins, ratesOf, options, log);
        return model.WithWhole(confidence, chooser);
    }

    private static LinearModel TrainPass(IReadOnlyList<Example> examples, AttributionFeatures[] features, List<int> articles,
        Options options, string name, Action<string>? log)
    {
        var members = new AveragedPerceptron[Math.Max(1, options.Ensemble)];
        Parallel.For(0, members.Length, k => members[k] = TrainMember(examples, features, articles, options, options.Seed + k,
            members.Length == 1 ? name : $"{name} (seed {options.Seed + k})", log));
        return AveragedPerceptron.Average(members, options.MinUpdates);
    }

    private static AveragedPerceptron TrainMember(IReadOnlyList<Example> examples, AttributionFeatures[] features, List<int> articles,
        Options options, int seed, string name, Action<string>? log)
    {
        var perceptron = new AveragedPerceptron(AttributionLabels.Count);
        var order = articles.ToArray();
        var random = new Random(seed);
        var f = new uint[AttributionFeatures.MaxFeatures];
        var scores = new float[AttributionLabels.Count];
        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            random.Shuffle(order);
            long correct = 0, count = 0;
            foreach (int d in order)
            {
                var feats = features[d];
                var gold = examples[d].Labels;
                int p1 = -1, p2 = -1;
                for (int i = 0; i < feats.Count; i++)
                {
                    int k = feats.Extract(i, p1, p2, f);
                    var span = f.AsSpan(0, k);
                    perceptron.Score(span, scores);
                    int guess = AttributionTagger.Best(scores, p1);
                    // After a wrong guess the gold I label may be ill-formed; its well-formed equivalent is B.
                    int truth = AttributionLabels.Allowed(p1, gold[i]) ? gold[i] : AttributionLabels.Begin(AttributionLabels.RoleOf(gold[i]));
                    perceptron.Tick();
                    perceptron.Update(span, truth, guess);
                    if (guess == truth) correct++;
                    count++;
                    p2 = p1;
                    p1 = guess;
                }
            }
            if (iteration == options.Iterations)
                log?.Invoke($"attribution: {name}, iteration {iteration}: token accuracy {100.0 * correct / count:F2}%");
        }
        return perceptron;
    }

    /// <summary>Runs the labeller on prepared examples (their documents are copied from the base pipeline again) and scores against gold; with <paramref name="annDirectory"/>, also writes each article's attributions there as brat.</summary>
    public static ArticleScore Evaluate(AttributionModel model, IReadOnlyList<Example> examples, AttributionTaggerOptions? options = null,
        List<string>? errors = null, EnglishModels? nlp = null, string? annDirectory = null)
    {
        var perArticle = new List<string>[examples.Count];
        var pipeline = BasePipeline(nlp ?? StandardPipelineOptions.Default.Models);
        var stage = new AttributionTagger(model, options);
        var scores = new ArticleScore[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = ArticleReader.FromText(e.Document.Text, e.Name);
            pipeline.Process(doc);
            stage.Process(doc);
            if (annDirectory is not null) File.WriteAllText(Path.Combine(annDirectory, e.Name + ".ann"), Hearsay.Output.BratWriter.Format(doc));
            perArticle[i] = [];
            scores[i] = AttributionScorer.Score(doc.Text, e.Gold, AttributionSpans.From(doc.Attributions), e.Name, errors: perArticle[i]);
        });
        errors?.AddRange(perArticle.SelectMany(x => x));
        return ArticleScore.Sum(scores);
    }

    /// <summary>Experiment: for each scored attribution and each other reading, how the article's correct pairs would change, and how the chooser rates it.</summary>
    public static string AlternativesOracle(AttributionModel model, IReadOnlyList<Example> examples)
    {
        var pipeline = BasePipeline(StandardPipelineOptions.Default.Models);
        var options = AttributionTaggerOptions.Default with { MinAlternativeProbability = 2 };
        int kinds = Enum.GetValues<AttributionAlternatives.Change>().Length;
        var gain = new int[kinds]; var loss = new int[kinds]; var count = new int[kinds];
        var chosenGain = new int[kinds, 3]; var chosenLoss = new int[kinds, 3]; var chosen = new int[kinds, 3];
        double[] thresholds = [0.3, 0.5, 0.7];
        int oracle = 0, baseline = 0, total = 0;
        var lockObj = new object();
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = ArticleReader.FromText(e.Document.Text, e.Name);
            pipeline.Process(doc);
            var features = new AttributionFeatures(doc, model.CueRates);
            var margins = new float[features.Count];
            var labels = AttributionTagger.Label(model, features, margins);
            var cueMargins = AttributionTagger.Attribute(doc, labels, margins, model.Confidence, null, model.CueRates, options);
            var scored = AttributionSpans.Scored(doc.Attributions);
            var spans = scored.Select(AttributionSpans.From).ToArray();
            int Correct(AttributionSpans[] s) => AttributionScorer.Score(doc.Text, e.Gold, s, e.Name).Attribution.SystemMatched;
            int before = Correct(spans);
            int best = 0;
            var list = new List<uint>();
            var results = new List<(int Change, int Delta, double P)>();
            for (int k = 0; k < scored.Count; k++)
            {
                int bestHere = 0;
                foreach (var (change, alt) in AttributionAlternatives.Of(doc, scored[k]))
                {
                    var copy = (AttributionSpans[])spans.Clone();
                    copy[k] = AttributionSpans.From(alt);
                    int delta = Correct(copy) - before;
                    double p = 0;
                    if (model.Chooser is { } chooser)
                    {
                        AlternativeChooser.Features(doc, scored[k], change, alt, cueMargins.TryGetValue(scored[k], out float m) ? m : null, margins, model.CueRates, list);
                        p = chooser.Probability(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
                    }
                    results.Add(((int)change, delta, p));
                    bestHere = Math.Max(bestHere, delta);
                }
                best += bestHere;
            }
            lock (lockObj)
            {
                foreach (var (c, delta, p) in results)
                {
                    count[c]++;
                    if (delta > 0) gain[c]++;
                    if (delta < 0) loss[c]++;
                    for (int t = 0; t < thresholds.Length; t++)
                    {
                        if (p < thresholds[t]) continue;
                        chosen[c, t]++;
                        if (delta > 0) chosenGain[c, t]++;
                        if (delta < 0) chosenLoss[c, t]++;
                    }
                }
                oracle += best; baseline += before; total += scored.Count;
            }
        });
        return $"alternatives: {total} attributions, {baseline} correct; best alternative each: +{oracle}\n" + string.Join("\n",
            Enum.GetValues<AttributionAlternatives.Change>().Select(ch => $"  {ch}: {count[(int)ch]} offered, {gain[(int)ch]} gain, {loss[(int)ch]} lose; "
                + string.Join("; ", thresholds.Select((t, j) => $"p >= {t}: {chosen[(int)ch, j]} taken, {chosenGain[(int)ch, j]} gain, {chosenLoss[(int)ch, j]} lose"))));
    }

    /// <summary>Token-level precision and recall per role (source, cue, content) of the labeller alone.</summary>
    public static string TokenReport(AttributionModel model, IReadOnlyList<Example> examples)
    {
        var tp = new int[4]; var sys = new int[4]; var gold = new int[4];
        foreach (var e in examples)
        {
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates));
            for (int i = 0; i < labels.Length; i++)
            {
                int s = AttributionLabels.RoleOf(labels[i]), g = AttributionLabels.RoleOf(e.Labels[i]);
                sys[s]++; gold[g]++;
                if (s == g) tp[s]++;
            }
        }
        return string.Join("; ", new[] { "source", "cue", "content" }.Select((name, r) =>
            $"{name} P {(double)tp[r + 1] / Math.Max(1, sys[r + 1]):F3} R {(double)tp[r + 1] / Math.Max(1, gold[r + 1]):F3}"));
    }

    /// <summary>The words most often missed as cue words and most often labelled cue wrongly (word/tag/system label/gold label).</summary>
    public static string CueErrorReport(AttributionModel model, IReadOnlyList<Example> examples, int top = 50)
    {
        var missed = new Dictionary<string, int>();
        var spurious = new Dictionary<string, int>();
        foreach (var e in examples)
        {
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates));
            for (int i = 0; i < labels.Length; i++)
            {
                bool gold = AttributionLabels.RoleOf(e.Labels[i]) == RoleSpan.Cue, system = AttributionLabels.RoleOf(labels[i]) == RoleSpan.Cue;
                if (gold == system) continue;
                var token = e.Document.Tokens[i];
                string key = $"{AttributionFeatures.Normalize(token.Text)}/{token.Tag}/{AttributionLabels.Names[labels[i]]}/{AttributionLabels.Names[e.Labels[i]]}";
                var counts = gold ? missed : spurious;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        return $"missed cue words {missed.Values.Sum()}: " + string.Join(", ", missed.OrderByDescending(p => p.Value).Take(top).Select(p => $"{p.Key} {p.Value}"))
            + $"\nspurious cue words {spurious.Values.Sum()}: " + string.Join(", ", spurious.OrderByDescending(p => p.Value).Take(top).Select(p => $"{p.Key} {p.Value}"));
    }
}
