using System.Text;
using Hearsay.Input;
using Hearsay.Pipeline;

namespace Hearsay.Evaluation;

/// <summary>What was scored against what.</summary>
public enum EvaluationMode
{
    /// <summary>A pipeline run over the gold texts.</summary>
    Pipeline,
    /// <summary>.ann files in a predictions folder.</summary>
    Predictions,
    /// <summary>Every other annotator of a multi-annotator article against its first annotator.</summary>
    Agreement,
}

/// <summary>The result of scoring a corpus folder: per article (or article and annotator) and micro-averaged.</summary>
public sealed record EvaluationReport(
    EvaluationMode Mode,
    IReadOnlyList<string> GoldFolders,
    string? Predictions,
    IReadOnlyList<ArticleScore> Articles,
    IReadOnlyList<string> Warnings)
{
    public ArticleScore Total { get; } = ArticleScore.Sum(Articles);

    /// <summary>Every gold attribution not counted correct and every unpaired system attribution, one line each (see <see cref="AttributionScorer"/>).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>Scores attributions over folders in the corpus layout (see <see cref="CorpusFolder"/>).</summary>
public static class CorpusEvaluation
{
    /// <summary>Runs <paramref name="pipeline"/> over each gold article's text and scores its attributions.</summary>
    public static EvaluationReport ScorePipeline(IReadOnlyList<string> goldFolders, HearsayPipeline pipeline, int threads)
    {
        var articles = GoldArticles(goldFolders, out var warnings);
        var silver = goldFolders.ToDictionary(f => f, SilverCoreference.ForGoldFolder);
        var (scores, errors) = Run(articles, threads, (article, errors) =>
        {
            var (text, gold) = ReadGold(article, warnings);
            IReadOnlyList<AttributionSpans> system;
            IReadOnlyList<Attributions.Attribution> scored = [];
            Func<int, int, (SpeakerReference.Outcome, SpeakerReference.Basis)>? speakers = null;
            try
            {
                var doc = ArticleReader.ReadFile(article.TextPath);
                pipeline.Process(doc);
                // The pairs index the scored attributions (nested ones left out); speakers are read from the same list.
                scored = AttributionSpans.Scored(doc.Attributions);
                system = scored.Select(AttributionSpans.From).ToArray();
                var chains = silver.Values.FirstOrDefault(c => c is not null && c.ChainsOf(article.Name).Count > 0)?.ChainsOf(article.Name) ?? [];
                var reference = new SpeakerReference(text, chains);
                speakers = (gi, si) =>
                {
                    var speaker = scored[si].Speaker;
                    var verdict = reference.Check(gold[gi].Source, speaker);
                    if (verdict.Outcome == SpeakerReference.Outcome.Wrong)
                        errors.Add($"{article.Name}\twrong-speaker\t{verdict.Basis.ToString().ToLowerInvariant()}\tgold: {AttributionScorer.Describe(text, gold[gi])}\tsystem: {speaker?.Name ?? "-"} ({(scored[si].Source is { } source ? doc.Slice(source) : "no source span")})");
                    return verdict;
                };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lock (warnings) warnings.Add($"{article.Name}: the pipeline failed ({e.GetType().Name}: {e.Message}); scored as finding nothing");
                system = [];
            }
            var right = new bool[system.Count];
            var score = AttributionScorer.Score(text, gold, system, article.Name, errors: errors, speakers: speakers, systemCorrect: right);
            return [score with { Calibration = CalibrationScore.Of(scored.Select(a => a.Confidence).ToList(), right) }];
        });
        return new EvaluationReport(EvaluationMode.Pipeline, goldFolders, null, scores, Sorted(warnings)) { Errors = errors };
    }

    /// <summary>
    /// Scores the .ann files of <paramref name="predictions"/> (named <c>&lt;article&gt;.ann</c> or
    /// <c>&lt;article&gt;_&lt;anything&gt;.ann</c>, directly in the folder or in its attributions/ folder).
    /// A gold article without a prediction file counts as one where nothing was found.
    /// </summary>
    public static EvaluationReport ScorePredictions(IReadOnlyList<string> goldFolders, string predictions, int threads)
    {
        var articles = GoldArticles(goldFolders, out var warnings);
        string dir = Directory.Exists(Path.Combine(predictions, "attributions")) && !Directory.EnumerateFiles(predictions, "*.ann").Any()
            ? Path.Combine(predictions, "attributions")
            : predictions;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{predictions} does not exist");
        var files = CorpusFolder.AnnotationFiles(dir, articles.Select(a => a.Name).ToHashSet(StringComparer.Ordinal), out var unmatched);
        if (unmatched.Count > 0)
            warnings.Add($"{unmatched.Count} prediction file(s) match no gold article, e.g. {Path.GetFileName(unmatched[0])}; ignored");

        var (scores, errors) = Run(articles, threads, (article, errors) =>
        {
            var (text, gold) = ReadGold(article, warnings);
            IReadOnlyList<AttributionSpans> system = [];
            if (files.TryGetValue(article.Name, out var predicted))
            {
                if (predicted.Count > 1)
                    lock (warnings) warnings.Add($"{article.Name}: {predicted.Count} prediction files; scored {Path.GetFileName(predicted[0])}");
                system = ReadAnnotations(predicted[0], text, warnings, keepWarnings: true);
            }
            else
            {
                lock (warnings) warnings.Add($"{article.Name}: no prediction file; scored as finding nothing");
            }
            return [AttributionScorer.Score(text, gold, system, article.Name, errors: errors)];
        });
        return new EvaluationReport(EvaluationMode.Predictions, goldFolders, predictions, scores, Sorted(warnings)) { Errors = errors };
    }

    /// <summary>
    /// Human agreement: on every article with several annotators' files, each annotator after the first
    /// scored against the first; one entry per (article, annotator).
    /// </summary>
    public static EvaluationReport ScoreAgreement(IReadOnlyList<string> goldFolders, int threads)
    {
        var articles = GoldArticles(goldFolders, out var warnings).Where(a => a.AnnotationPaths.Count > 1).ToList();
        var (scores, errors) = Run(articles, threads, (article, errors) =>
        {
            var (text, gold) = ReadGold(article, warnings);
            return article.AnnotationPaths.Skip(1)
                .Select(path => AttributionScorer.Score(text, gold, ReadAnnotations(path, text, warnings, keepWarnings: false),
                    article.Name, article.AnnotatorOf(path), errors))
                .ToList();
        });
        return new EvaluationReport(EvaluationMode.Agreement, goldFolders, null, scores, Sorted(warnings)) { Errors = errors };
    }

    /// <summary>The articles of the gold folders that have an annotation file, in folder then name order.</summary>
    private static List<CorpusArticle> GoldArticles(IReadOnlyList<string> goldFolders, out List<string> warnings)
    {
        warnings = [];
        var result = new List<CorpusArticle>();
        foreach (var folder in goldFolders)
        {
            foreach (var article in CorpusFolder.Load(folder))
            {
                if (article.GoldPath is null) warnings.Add($"{article.Name}: no annotation file; not scored");
                else result.Add(article);
            }
        }
        return result;
    }

    private static (string Text, IReadOnlyList<AttributionSpans> Gold) ReadGold(CorpusArticle article, List<string> warnings)
    {
        string text = ArticleReader.Decode(File.ReadAllBytes(article.TextPath));
        // Gold files are the corpus's own: their known irregularities are read as documented, not reported.
        return (text, ReadAnnotations(article.GoldPath!, text, warnings, keepWarnings: false));
    }

    private static IReadOnlyList<AttributionSpans> ReadAnnotations(string path, string text, List<string> warnings, bool keepWarnings)
    {
        BratAnnotations annotations;
        try
        {
            annotations = BratAnnotations.ReadFile(path, text);
        }
        catch (Exception e) when (keepWarnings && e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            // A prediction file that cannot be read counts as one that found nothing; gold must be readable.
            lock (warnings) warnings.Add($"{Path.GetFileName(path)}: cannot be read ({e.Message}); scored as finding nothing");
            return [];
        }
        if (keepWarnings && annotations.Warnings.Count > 0)
        {
            string file = Path.GetFileName(path);
            lock (warnings) warnings.AddRange(annotations.Warnings.Select(w => $"{file}: {w}"));
        }
        return annotations.Attributions;
    }

    private static (List<ArticleScore> Scores, List<string> Errors) Run(List<CorpusArticle> articles, int threads,
        Func<CorpusArticle, List<string>, IReadOnlyList<ArticleScore>> score)
    {
        var results = new IReadOnlyList<ArticleScore>[articles.Count];
        var errors = new List<string>[articles.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        try
        {
            Parallel.For(0, articles.Count, options, i =>
            {
                try
                {
                    errors[i] = [];
                    results[i] = score(articles[i], errors[i]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or InvalidInputException)
                {
                    throw new EvaluationException($"{articles[i].Name}: {e.Message}", e);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions[0] is EvaluationException first)
        {
            throw first;
        }
        return (results.SelectMany(r => r).ToList(), errors.SelectMany(e => e).ToList());
    }

    // Articles run in parallel: sort what they reported so that runs compare.
    private static List<string> Sorted(List<string> warnings)
    {
        warnings.Sort(StringComparer.Ordinal);
        return warnings;
    }
}

/// <summary>A gold article that cannot be scored (its text or annotation file cannot be read); the message names it.</summary>
public sealed class EvaluationException(string message, Exception inner) : Exception(message, inner);
