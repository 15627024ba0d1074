using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hearsay.Evaluation;

/// <summary>Renders an <see cref="EvaluationReport"/> as a readable table or as JSON.</summary>
public static class EvaluationReportWriter
{
    /// <summary>
    /// JSON: <c>{"mode", "gold": [...], "predictions", "articles", "total": {...}, "per_article": [{...}],
    /// "warnings": [...]}</c>; each score object holds <c>source</c>/<c>cue</c>/<c>content</c> (each with
    /// <c>overlap</c> and <c>exact</c>), <c>attribution</c>, <c>content_paired</c> and <c>direct_quotes</c>;
    /// each P/R/F1 object holds its counts as well as the ratios.
    /// </summary>
    public static void WriteJson(EvaluationReport report, Stream stream, bool perArticle = true)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("mode", report.Mode.ToString().ToLowerInvariant());
        json.WriteStartArray("gold");
        foreach (var folder in report.GoldFolders) json.WriteStringValue(folder);
        json.WriteEndArray();
        if (report.Predictions is null) json.WriteNull("predictions"); else json.WriteString("predictions", report.Predictions);
        json.WriteNumber("articles", report.Articles.Select(a => a.Article).Distinct().Count());
        json.WriteNumber("scored", report.Articles.Count);
        json.WritePropertyName("total");
        WriteScore(json, report.Total);
        if (perArticle)
        {
            json.WriteStartArray("per_article");
            foreach (var article in report.Articles) WriteScore(json, article);
            json.WriteEndArray();
        }
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string ToJson(EvaluationReport report, bool perArticle = true)
    {
        using var stream = new MemoryStream();
        WriteJson(report, stream, perArticle);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteScore(Utf8JsonWriter json, ArticleScore score)
    {
        json.WriteStartObject();
        json.WriteString("article", score.Article);
        if (score.Annotator is not null) json.WriteString("annotator", score.Annotator);
        json.WriteNumber("gold_attributions", score.GoldAttributions);
        json.WriteNumber("system_attributions", score.SystemAttributions);
        foreach (var role in Enum.GetValues<Role>())
        {
            json.WriteStartObject(role.ToString().ToLowerInvariant());
            WritePrf(json, "overlap", score.Role(role).Overlap, "characters");
            WritePrf(json, "exact", score.Role(role).Exact, "spans");
            json.WriteEndObject();
        }
        WritePrf(json, "attribution", score.Attribution, "attributions");
        json.WriteNumber("content_paired", score.ContentPaired);
        json.WriteStartObject("speaker_resolution");
        json.WriteNumber("checked", score.Resolution.Checked);
        json.WriteNumber("correct", score.Resolution.Correct);
        json.WriteNumber("rate", Round(score.Resolution.Rate));
        json.WriteNumber("by_name", score.Resolution.ByName);
        json.WriteNumber("by_name_correct", score.Resolution.ByNameCorrect);
        json.WriteNumber("by_silver_chain", score.Resolution.ByChain);
        json.WriteNumber("by_silver_chain_correct", score.Resolution.ByChainCorrect);
        json.WriteNumber("unnamed", score.Resolution.Unnamed);
        json.WriteNumber("unnamed_correct", score.Resolution.UnnamedCorrect);
        json.WriteEndObject();
        if (score.Calibration is { } calibration)
        {
            json.WriteStartArray("calibration");
            for (int band = 0; band < CalibrationScore.Bands; band++)
            {
                json.WriteStartObject();
                json.WriteNumber("from", (double)band / CalibrationScore.Bands);
                json.WriteNumber("to", (double)(band + 1) / CalibrationScore.Bands);
                json.WriteNumber("attributions", calibration.Count[band]);
                json.WriteNumber("right", calibration.Right[band]);
                json.WriteNumber("mean_confidence", Round(calibration.Count[band] == 0 ? 0 : calibration.ConfidenceSum[band] / calibration.Count[band]));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartObject("direct_quotes");
        json.WriteNumber("gold", score.DirectQuotes.Gold);
        json.WriteNumber("found", score.DirectQuotes.Found);
        json.WriteNumber("correct_speaker", score.DirectQuotes.CorrectSpeaker);
        json.WriteNumber("found_rate", Round(score.DirectQuotes.FoundRate));
        json.WriteNumber("correct_speaker_rate", Round(score.DirectQuotes.CorrectSpeakerRate));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePrf(Utf8JsonWriter json, string name, Prf prf, string unit)
    {
        json.WriteStartObject(name);
        json.WriteNumber("precision", Round(prf.Precision));
        json.WriteNumber("recall", Round(prf.Recall));
        json.WriteNumber("f1", Round(prf.F1));
        json.WriteString("unit", unit);
        json.WriteNumber("system_matched", prf.SystemMatched);
        json.WriteNumber("system", prf.System);
        json.WriteNumber("gold_matched", prf.GoldMatched);
        json.WriteNumber("gold", prf.Gold);
        json.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 4);

    /// <summary>The micro-averaged figures as a plain-text table.</summary>
    public static string FormatTable(EvaluationReport report)
    {
        var t = report.Total;
        var s = new StringBuilder();
        string what = report.Mode switch
        {
            EvaluationMode.Pipeline => "Hearsay's standard pipeline",
            EvaluationMode.Predictions => $"predictions in {report.Predictions}",
            _ => "other annotators against each article's first annotator",
        };
        int articles = report.Articles.Select(a => a.Article).Distinct().Count();
        s.AppendLine(Invariant($"Scored: {what}"));
        s.AppendLine(Invariant($"Gold:   {string.Join(", ", report.GoldFolders)} ({articles} articles{(report.Articles.Count != articles ? $", {report.Articles.Count} annotations scored" : "")})"));
        s.AppendLine(Invariant($"Attributions: gold {t.GoldAttributions}, system {t.SystemAttributions}, paired by content {t.ContentPaired}"));
        s.AppendLine();
        s.AppendLine("           character overlap          exact span");
        s.AppendLine("role        P      R      F1          P      R      F1");
        foreach (var role in Enum.GetValues<Role>())
        {
            var r = t.Role(role);
            s.AppendLine(Invariant($"{role.ToString().ToLowerInvariant(),-8} {r.Overlap.Precision,6:0.000} {r.Overlap.Recall,6:0.000} {r.Overlap.F1,6:0.000}     {r.Exact.Precision,6:0.000} {r.Exact.Recall,6:0.000} {r.Exact.F1,6:0.000}"));
        }
        s.AppendLine();
        var a = t.Attribution;
        s.AppendLine(Invariant($"attribution  P {a.Precision:0.000}  R {a.Recall:0.000}  F1 {a.F1:0.000}   ({a.SystemMatched} correct pairs; {a.System} system, {a.Gold} gold)"));
        var d = t.DirectQuotes;
        s.AppendLine(Invariant($"direct quotes  {d.Gold} in gold; found {d.Found} ({100 * d.FoundRate:0.0}%); with the correct speaker {d.CorrectSpeaker} ({100 * d.CorrectSpeakerRate:0.0}%)"));
        var resolved = t.Resolution;
        if (resolved.Checked > 0)
            s.AppendLine(Invariant($"speakers       {resolved.Correct} of {resolved.Checked} correct attributions resolved to the right entity ({100 * resolved.Rate:0.0}%): by name {resolved.ByNameCorrect}/{resolved.ByName}, through silver coreference {resolved.ByChainCorrect}/{resolved.ByChain}, unnamed {resolved.UnnamedCorrect}/{resolved.Unnamed}"));
        if (t.Calibration is { Total: > 0 } calibration)
        {
            var bands = new List<string>();
            for (int band = 0; band < CalibrationScore.Bands; band++)
            {
                int n = calibration.Count[band];
                if (n == 0) continue;
                bands.Add(Invariant($"{(double)band / CalibrationScore.Bands:0.0}–{(double)(band + 1) / CalibrationScore.Bands:0.0}: {calibration.Right[band]}/{n} right ({100.0 * calibration.Right[band] / n:0}%, mean confidence {calibration.ConfidenceSum[band] / n:0.00})"));
            }
            s.AppendLine("confidence     " + string.Join("; ", bands));
        }
        return s.ToString();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
