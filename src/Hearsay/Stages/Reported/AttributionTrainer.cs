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
        /// <summary>Pretrained word vectors (<see cref="WordEmbeddings"/>) for the neighbour cue rates; null: none.</summary>
        public WordEmbeddings? Embeddings { get; init; }
        /// <summary>Nearest words averaged for a neighbour rate.</summary>
        public int Neighbours { get; init; } = 10;
        /// <summary>The most frequent words of <see cref="Embeddings"/> that get a neighbour rate.</summary>
        public const int EmbeddingWords = 60000;
        /// <summary>Train the confidence model on the attributions the jackknifed first pass finds (needs StackFolds > 1).</summary>
        public bool Confidence { get; init; } = true;
        /// <summary>The confidence model's weights averaged over the second half of its training (see <see cref="AttributionConfidence.Train"/>).</summary>
        public bool AveragedConfidence { get; init; } = true;
        /// <summary>
        /// The tagger, recogniser and parser for a training article, by name (<see cref="JackknifedModels.For"/>);
        /// where this is null or gives null, the standard models. Must match what <see cref="Read"/> was given.
        /// </summary>
        public Func<string, EnglishModels?>? ArticleModels { get; init; }
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

    /// <summary>The base pipeline for each article: over the models <c>articleModels</c> gives for it, else over <c>nlp</c> (the standard models when null).</summary>
    private sealed class BasePipelines(EnglishModels? nlp, Func<string, EnglishModels?>? articleModels)
    {
        private readonly HearsayPipeline _default = BasePipeline(nlp ?? StandardPipelineOptions.Default.Models);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<EnglishModels, HearsayPipeline> _byModels = new();

        public HearsayPipeline For(string article) =>
            articleModels?.Invoke(article) is { } models ? _byModels.GetOrAdd(models, m => BasePipeline(m)) : _default;

        /// <summary>A fresh document of the example's text, through its base pipeline (the example's own document stays as it is).</summary>
        public Document Copy(Example e) => For(e.Name).Process(ArticleReader.FromText(e.Document.Text, e.Name));
    }

    /// <summary>The folder's annotated articles, in the order <see cref="Read"/> gives their examples (name order).</summary>
    public static List<CorpusArticle> Articles(string corpusFolder) => CorpusFolder.Load(corpusFolder).Where(a => a.GoldPath is not null).ToList();

    public static List<Example> Read(string corpusFolder, Action<string>? log = null, EnglishModels? nlp = null, Func<string, EnglishModels?>? articleModels = null)
    {
        var pipelines = new BasePipelines(nlp, articleModels);
        var articles = Articles(corpusFolder);
        var examples = new Example[articles.Count];
        Parallel.For(0, articles.Count, i =>
        {
            var article = articles[i];
            var doc = ArticleReader.ReadFile(article.TextPath);
            pipelines.For(article.Name).Process(doc);
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
    public static Dictionary<string, float> CueRates(IEnumerable<Example> examples, int minCount) => CueRates(WordCounts.Of(examples), minCount);

    private static Dictionary<string, float> CueRates(WordCounts counts, int minCount) =>
        counts.Cue.Where(p => p.Value >= minCount)
            .ToDictionary(p => p.Key, p => (float)p.Value / counts.Total[p.Key], StringComparer.Ordinal);

    /// <summary>For each lower-cased word: how often it occurs, and how often as (part of) a cue.</summary>
    internal sealed record WordCounts(Dictionary<string, int> Total, Dictionary<string, int> Cue)
    {
        public static WordCounts Of(IEnumerable<Example> examples)
        {
            var counts = new WordCounts(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            foreach (var e in examples)
            {
                for (int i = 0; i < e.Labels.Length; i++)
                {
                    string w = AttributionFeatures.Normalize(e.Document.Tokens[i].Text);
                    counts.Total[w] = counts.Total.GetValueOrDefault(w) + 1;
                    if (AttributionLabels.RoleOf(e.Labels[i]) == RoleSpan.Cue) counts.Cue[w] = counts.Cue.GetValueOrDefault(w) + 1;
                }
            }
            return counts;
        }
    }

    public static AttributionModel Train(IReadOnlyList<Example> examples, Options options, Action<string>? log = null)
    {
        var counts = WordCounts.Of(examples);
        var rates = CueRates(counts, options.MinCueCount);
        log?.Invoke($"attribution: cue lexicon of {rates.Count:N0} words ({rates.Count(p => p.Value >= AttributionFeatures.StrongCue):N0} strong)");
        var neighbours = options.Embeddings is { } embeddings ? CueNeighbours.Build(embeddings, counts, options.Neighbours) : null;
        var nearRates = neighbours?.Rates(counts);
        if (nearRates is not null) log?.Invoke($"attribution: neighbour cue rates for {nearRates.Count:N0} words");
        // Jackknifed cue lexicon (and neighbour rates): each training article sees rates counted without its own
        // fold, as an unseen article will, so the labeller does not learn to trust rates of words it only saw once.
        var features = new AttributionFeatures[examples.Count];
        var ratesOf = new IReadOnlyDictionary<string, float>[examples.Count];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var others = options.Folds <= 1 ? counts : WordCounts.Of(examples.Where((_, i) => i % options.Folds != fold));
            var foldRates = options.Folds <= 1 ? rates : CueRates(others, options.MinCueCount);
            var foldNear = options.Folds <= 1 ? nearRates : neighbours?.Rates(others);
            for (int i = fold; i < examples.Count; i += Math.Max(1, options.Folds))
            {
                features[i] = new AttributionFeatures(examples[i].Document, foldRates, foldNear);
                ratesOf[i] = foldRates;
            }
        }
        var first = TrainPass(examples, features, Enumerable.Range(0, examples.Count).ToList(), options, "first pass", log);
        LinearModel? stacked = null;
        AttributionConfidence? confidence = null;
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
            // The same unseen-text labels, grouped into attributions, teach the confidence model how often each kind is right.
            if (options.Confidence) confidence = TrainConfidence(examples, firstLabels, firstMargins, ratesOf, options, log);
        }
        var model = new AttributionModel(first, rates, stacked, confidence, nearRates).Prune(options.MinWeight);
        log?.Invoke($"attribution: {model.FeatureCount:N0} features kept");
        return model;
    }

    private static AttributionConfidence TrainConfidence(IReadOnlyList<Example> examples, int[][] labels, float[][] margins,
        IReadOnlyDictionary<string, float>[] ratesOf, Options options, Action<string>? log)
    {
        var pipelines = new BasePipelines(null, options.ArticleModels);
        var perArticle = new AttributionConfidence.Example[examples.Count][];
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = pipelines.Copy(e);
            var cueMargins = AttributionTagger.Attribute(doc, labels[i], margins[i], null, ratesOf[i], AttributionTaggerOptions.Default);
            var scored = AttributionSpans.Scored(doc.Attributions);
            var correct = new bool[scored.Count];
            AttributionScorer.Score(doc.Text, e.Gold, scored.Select(AttributionSpans.From).ToArray(), e.Name, systemCorrect: correct);
            var list = new List<uint>();
            perArticle[i] = new AttributionConfidence.Example[scored.Count];
            for (int k = 0; k < scored.Count; k++)
            {
                AttributionConfidence.Features(doc, scored[k], cueMargins.TryGetValue(scored[k], out float m) ? m : null, ratesOf[i], list);
                perArticle[i][k] = new AttributionConfidence.Example(list.ToArray(), correct[k]);
            }
        });
        var all = perArticle.SelectMany(x => x).ToList();
        var model = AttributionConfidence.Train(all, options.Seed, averaged: options.AveragedConfidence);
        log?.Invoke($"attribution: confidence model from {all.Count:N0} attributions found in unseen articles ({all.Count(x => x.Correct):N0} right), {model.FeatureCount:N0} features");
        return model;
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
        List<string>? errors = null, EnglishModels? nlp = null, string? annDirectory = null, Func<string, EnglishModels?>? articleModels = null)
    {
        var perArticle = new List<string>[examples.Count];
        var pipelines = new BasePipelines(nlp, articleModels);
        var stage = new AttributionTagger(model, options);
        var scores = new ArticleScore[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var e = examples[i];
            var doc = pipelines.Copy(e);
            stage.Process(doc);
            if (annDirectory is not null) File.WriteAllText(Path.Combine(annDirectory, e.Name + ".ann"), Hearsay.Output.BratWriter.Format(doc));
            perArticle[i] = [];
            scores[i] = AttributionScorer.Score(doc.Text, e.Gold, AttributionSpans.From(doc.Attributions), e.Name, errors: perArticle[i]);
        });
        errors?.AddRange(perArticle.SelectMany(x => x));
        return ArticleScore.Sum(scores);
    }

    /// <summary>Token-level precision and recall per role (source, cue, content) of the labeller alone.</summary>
    public static string TokenReport(AttributionModel model, IReadOnlyList<Example> examples)
    {
        var tp = new int[4]; var sys = new int[4]; var gold = new int[4];
        foreach (var e in examples)
        {
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates, model.NeighbourRates));
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
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates, model.NeighbourRates));
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

    /// <summary>
    /// Where each gold attribution is lost, from the labeller to the scorer: whether the labeller's own labels
    /// touch its cue and cover at least half its content, and what the pipeline then made of it (right, a wrong
    /// cue or source, or no partner; an unpaired one whose cue and content the labeller found is split further
    /// into dropped by the confidence model, merged into a longer or shorter content, or lost in grouping).
    /// Then up to <paramref name="examples"/> instances of each unpaired kind.
    /// </summary>
    public static string LossReport(AttributionModel model, IReadOnlyList<Example> articles, Func<string, EnglishModels?>? articleModels, int examples = 5)
    {
        var pipelines = new BasePipelines(null, articleModels);
        var stage = new AttributionTagger(model);
        var unfiltered = new AttributionTagger(model, AttributionTaggerOptions.Default with { MinConfidence = 0 });
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var instances = new System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentQueue<string>>();
        Parallel.For(0, articles.Count, k =>
        {
            var e = articles[k];
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates, model.NeighbourRates));
            var doc = pipelines.Copy(e);
            stage.Process(doc);
            var outcomes = new string?[e.Gold.Count];
            AttributionScorer.Score(doc.Text, e.Gold, AttributionSpans.From(doc.Attributions), e.Name, goldOutcome: outcomes);
            Document? kept = null;
            for (int g = 0; g < e.Gold.Count; g++)
            {
                var gold = e.Gold[g];
                bool cue = gold.Cue.Count == 0 || Labelled(gold.Cue, RoleSpan.Cue, out _) > 0;
                int covered = Labelled(gold.Content, RoleSpan.Content, out int tokens);
                bool content = tokens > 0 && 2 * covered >= tokens;
                string key = $"{outcomes[g] ?? "unpaired"}, labeller {(cue ? "found" : "missed")} the cue and {(content ? "covered" : "missed")} the content";
                if (outcomes[g] is null && cue && content)
                {
                    var chars = Characters(gold.Content);
                    var holder = doc.Attributions.Select(a => (a, n: Characters(a.Content).Intersect(chars).Count())).MaxBy(p => p.n);
                    string how;
                    if (holder.n > 0) how = Characters(holder.a.Content).Count > chars.Count ? "inside a longer content" : "a shorter content";
                    else
                    {
                        if (kept is null) unfiltered.Process(kept = pipelines.Copy(e));
                        holder = (kept.Attributions.FirstOrDefault(a => Characters(a.Content).Overlaps(chars))!, 1);
                        how = holder.a is not null ? "dropped by the confidence model" : "lost in grouping";
                    }
                    key += ": " + how;
                    if (holder.a is { } found)
                        instances.GetOrAdd(key, _ => new()).Enqueue($"{AttributionScorer.Describe(doc.Text, gold)}  →  {AttributionScorer.Describe(doc.Text, AttributionSpans.From(found))} ({found.Confidence:F2})");
                }
                else if (outcomes[g] is null) instances.GetOrAdd(key, _ => new()).Enqueue(AttributionScorer.Describe(doc.Text, gold));
                counts.AddOrUpdate(key, 1, (_, c) => c + 1);
            }

            int Labelled(IReadOnlyList<TextRange> ranges, int role, out int tokens)
            {
                int hit = 0;
                tokens = 0;
                foreach (var r in ranges)
                {
                    var (first, end) = e.Document.TokensIn(r);
                    for (int i = first; i < end; i++, tokens++) if (AttributionLabels.RoleOf(labels[i]) == role) hit++;
                }
                return hit;
            }
        });
        var report = new System.Text.StringBuilder();
        foreach (var (key, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal)) report.AppendLine($"  {count,5}  {key}");
        foreach (var (key, queue) in instances.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            report.AppendLine($"  {key}:");
            foreach (var line in queue.Take(examples)) report.AppendLine("    " + line);
        }
        return report.ToString();

        static HashSet<int> Characters(IEnumerable<TextRange> ranges) => ranges.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start)).ToHashSet();
    }
}
