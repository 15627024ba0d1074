using Hearsay.Evaluation;

namespace Hearsay.Tests.Evaluation;

public sealed class CorpusEvaluationTests : IDisposable
{
    private const string TextA = "Smith said the plan failed.";
    private const string TextB = "“We won,” Jones said.";
    private const string AnnA = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 26\tthe plan failed\n"
        + "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
    // A second annotator: the same source and cue, less content (Dice 2·7/(13+7) = 0.7).
    private const string AnnA2 = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 19\tthe plan\n"
        + "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
    private const string AnnB = "T1\tContent 0 9\t“We won,”\nT2\tSource 10 15\tJones\nT3\tCue 16 20\tsaid\n"
        + "T4\tAttribution 16 20\tsaid\nE1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "hearsay-eval-" + Guid.NewGuid().ToString("N"));

    public CorpusEvaluationTests()
    {
        Write("gold/text/a.txt", TextA);
        Write("gold/text/b.txt", TextB);
        Write("gold/attributions/a_1111.ann", AnnA);
        Write("gold/attributions/a_2222.ann", AnnA2);
        Write("gold/attributions/b_1111.ann", AnnB);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string PathOf(string relative) => Path.Combine(_root, relative);

    private void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    [Fact]
    public void CorpusFolder_finds_articles_and_their_annotators_in_name_order()
    {
        var articles = CorpusFolder.Load(PathOf("gold"));
        Assert.Equal(["a", "b"], articles.Select(a => a.Name));
        Assert.Equal(["a_1111.ann", "a_2222.ann"], articles[0].AnnotationPaths.Select(Path.GetFileName));
        Assert.Equal("2222", articles[0].AnnotatorOf(articles[0].AnnotationPaths[1]));
    }

    [Fact]
    public void Predictions_are_matched_by_article_name_and_missing_ones_count_as_nothing_found()
    {
        Write("pred/a_hearsay_v1.ann", AnnA2);
        var report = CorpusEvaluation.ScorePredictions([PathOf("gold")], PathOf("pred"), threads: 2);

        Assert.Equal(["a", "b"], report.Articles.Select(a => a.Article));
        Assert.Equal(new Prf(1, 1, 1, 2), report.Total.Attribution);
        Assert.Equal(new DirectQuoteScore(1, 0, 0), report.Total.DirectQuotes);
        Assert.Contains(report.Warnings, w => w.StartsWith("b:", StringComparison.Ordinal));
    }

    [Fact]
    public void Predictions_equal_to_gold_score_one()
    {
        Write("pred/a.ann", AnnA);
        Write("pred/b.ann", AnnB);
        var total = CorpusEvaluation.ScorePredictions([PathOf("gold")], PathOf("pred"), threads: 1).Total;

        Assert.Equal(1.0, total.Attribution.F1);
        Assert.Equal(1.0, total.Content.Overlap.F1);
        Assert.Equal(1.0, total.Cue.Exact.F1);
        Assert.Equal(new DirectQuoteScore(1, 1, 1), total.DirectQuotes);
    }

    [Fact]
    public void An_unreadable_prediction_file_counts_as_nothing_found()
    {
        Directory.CreateDirectory(PathOf("pred"));
        File.WriteAllBytes(PathOf("pred/a.ann"), [0x54, 0x31, 0x09, 0xFF, 0xFE, 0x0A]);
        var report = CorpusEvaluation.ScorePredictions([PathOf("gold")], PathOf("pred"), threads: 1);

        Assert.Equal(new Prf(0, 0, 0, 2), report.Total.Attribution);
        Assert.Contains(report.Warnings, w => w.StartsWith("a.ann: cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void Agreement_scores_later_annotators_against_the_first()
    {
        var report = CorpusEvaluation.ScoreAgreement([PathOf("gold")], threads: 2);

        var score = Assert.Single(report.Articles);
        Assert.Equal(("a", "2222"), (score.Article, score.Annotator));
        Assert.Equal(new Prf(1, 1, 1, 1), score.Attribution);
        Assert.Equal(Prf.Symmetric(7, 7, 13), score.Content.Overlap);
    }

    [Fact]
    public void Report_renders_as_a_table_and_as_json()
    {
        var report = CorpusEvaluation.ScoreAgreement([PathOf("gold")], threads: 1);

        Assert.Contains("attribution  P 1.000  R 1.000  F1 1.000", EvaluationReportWriter.FormatTable(report), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(EvaluationReportWriter.ToJson(report));
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(0.5385, total.GetProperty("content").GetProperty("overlap").GetProperty("recall").GetDouble());
        Assert.Equal("2222", json.RootElement.GetProperty("per_article")[0].GetProperty("annotator").GetString());
    }

    /// <summary>Puts fixed attributions on the document: a report, the claim nested in it, and Smith's statement.</summary>
    private sealed class FixedAttributions : Hearsay.Pipeline.IStage
    {
        public string Name => "fixed";
        public Hearsay.Text.Layers Requires => Hearsay.Text.Layers.None;
        public Hearsay.Text.Layers Provides => Hearsay.Text.Layers.Attributions;

        public void Process(Hearsay.Text.Document doc)
        {
            Hearsay.Text.TextRange R(string words) { int at = doc.Text.IndexOf(words, StringComparison.Ordinal); return new(at, at + words.Length); }
            Hearsay.Attributions.Attribution Make(string id, string source, string cue, string content, string speaker)
            {
                var a = new Hearsay.Attributions.Attribution(id, Hearsay.Attributions.AttributionKind.Indirect)
                {
                    Source = R(source), Cue = R(cue),
                    Speaker = new Hearsay.Attributions.Entity("E" + id, speaker, Hearsay.Attributions.EntityKind.Person, named: true),
                };
                a.Content.Add(R(content));
                return a;
            }
            var report = Make("A1", "The report", "said", "that Biden told Zelensky that aid would wait", "The report");
            var nested = Make("A2", "Biden", "told", "that aid would wait", "Joe Biden");
            nested.Parent = report;
            doc.Attributions.AddRange([report, nested, Make("A3", "Smith", "added", "the plan failed", "John Smith")]);
        }
    }

    /// <summary>The text <see cref="FixedAttributions"/> annotates, with gold holding only Smith's attribution.</summary>
    private void WriteSmithArticle(string folder)
    {
        const string text = "The report said that Biden told Zelensky that aid would wait. Smith added the plan failed.";
        int smith = text.IndexOf("Smith"), added = text.IndexOf("added"), plan = text.IndexOf("the plan");
        Write($"{folder}/text/a.txt", text);
        Write($"{folder}/attributions/a_1111.ann", $"T1\tSource {smith} {smith + 5}\tSmith\nT2\tCue {added} {added + 5}\tadded\n"
            + $"T3\tContent {plan} {plan + 15}\tthe plan failed\nT4\tAttribution {added} {added + 5}\tadded\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n");
    }

    [Fact]
    public void Speakers_are_checked_on_the_scored_attributions_when_some_are_nested()
    {
        WriteSmithArticle("nested");
        var pipeline = new Hearsay.Pipeline.PipelineBuilder().Use(new FixedAttributions()).Build();

        var report = CorpusEvaluation.ScorePipeline([PathOf("nested")], pipeline, threads: 1);

        Assert.Equal(1, report.Total.Resolution.Checked);
        Assert.Equal(1, report.Total.Resolution.Correct);   // John Smith, not the nested Biden standing at the same index of all attributions
    }

    [Fact]
    public void Calibration_counts_the_scored_attributions_by_confidence_band_and_how_many_were_right()
    {
        WriteSmithArticle("calibrated");
        var pipeline = new Hearsay.Pipeline.PipelineBuilder().Use(new FixedAttributions()).Build();

        var calibration = CorpusEvaluation.ScorePipeline([PathOf("calibrated")], pipeline, threads: 1).Total.Calibration!;

        // The report and Smith's attribution are scored (the nested Biden is not); both keep confidence 1, only Smith's is in gold.
        Assert.Equal(2, calibration.Total);
        Assert.Equal(2, calibration.Count[CalibrationScore.Bands - 1]);
        Assert.Equal(1, calibration.Right[CalibrationScore.Bands - 1]);
        Assert.Equal(2.0, calibration.ConfidenceSum[CalibrationScore.Bands - 1], 6);
    }
}
