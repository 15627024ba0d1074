namespace Hearsay.Evaluation;

/// <summary>
/// Counts behind a precision/recall/F1 figure. Precision = SystemMatched / System, recall =
/// GoldMatched / Gold (the two numerators differ only for exact match, where several system items can
/// match one gold item). A ratio with a zero denominator is 0. Counts add up for micro-averaging.
/// </summary>
public readonly record struct Prf(int SystemMatched, int System, int GoldMatched, int Gold)
{
    public static Prf Symmetric(int matched, int system, int gold) => new(matched, system, matched, gold);

    public double Precision => System == 0 ? 0 : (double)SystemMatched / System;
    public double Recall => Gold == 0 ? 0 : (double)GoldMatched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) =>
        new(a.SystemMatched + b.SystemMatched, a.System + b.System, a.GoldMatched + b.GoldMatched, a.Gold + b.Gold);
}

/// <summary>One role's figures: characters in common (overlap) and role spans identical (exact).</summary>
public readonly record struct RoleScore(Prf Overlap, Prf Exact)
{
    public static RoleScore operator +(RoleScore a, RoleScore b) => new(a.Overlap + b.Overlap, a.Exact + b.Exact);
}

/// <summary>
/// Gold direct quotes (content wholly inside quotation marks, see <see cref="DirectQuote"/>), how many a
/// system attribution pairs with (content Dice ≥ 0.5), and how many of those have the right speaker
/// (sources overlap, or both absent).
/// </summary>
public readonly record struct DirectQuoteScore(int Gold, int Found, int CorrectSpeaker)
{
    public double FoundRate => Gold == 0 ? 0 : (double)Found / Gold;
    public double CorrectSpeakerRate => Gold == 0 ? 0 : (double)CorrectSpeaker / Gold;

    public static DirectQuoteScore operator +(DirectQuoteScore a, DirectQuoteScore b) =>
        new(a.Gold + b.Gold, a.Found + b.Found, a.CorrectSpeaker + b.CorrectSpeaker);
}

/// <summary>The scores of one system annotation of one article against gold, or a micro-averaged sum of them.</summary>
/// <param name="Article">The article name; "total" for a sum.</param>
/// <param name="Annotator">In agreement mode, the annotator scored against gold (the article's first annotator).</param>
/// <param name="Attribution">Attributions paired by content and counted when cue and source agree.</param>
/// <param name="ContentPaired">Pairs made by content alone (Dice ≥ 0.5), whatever their cue and source.</param>
/// <summary>Of the correctly found attributions with a gold source, how many resolved to the right entity.</summary>
public readonly record struct ResolutionScore(int Checked, int Correct, int ByName, int ByNameCorrect, int ByChain, int ByChainCorrect, int Unnamed, int UnnamedCorrect)
{
    public double Rate => Checked == 0 ? 0 : (double)Correct / Checked;

    public static ResolutionScore operator +(ResolutionScore a, ResolutionScore b) => new(
        a.Checked + b.Checked, a.Correct + b.Correct, a.ByName + b.ByName, a.ByNameCorrect + b.ByNameCorrect,
        a.ByChain + b.ByChain, a.ByChainCorrect + b.ByChainCorrect, a.Unnamed + b.Unnamed, a.UnnamedCorrect + b.UnnamedCorrect);

    public static ResolutionScore One(SpeakerReference.Basis basis, bool correct)
    {
        int c = correct ? 1 : 0;
        return basis switch
        {
            SpeakerReference.Basis.Name => new(1, c, 1, c, 0, 0, 0, 0),
            SpeakerReference.Basis.Chain => new(1, c, 0, 0, 1, c, 0, 0),
            _ => new(1, c, 0, 0, 0, 0, 1, c),
        };
    }
}

/// <summary>
/// How well the system's confidence matches how often it is right: the scored system attributions in five
/// bands of confidence (0–0.2, …, 0.8–1), with how many of each band were right (source, cue and content
/// all paired) and their mean confidence. Only in pipeline mode, where the confidence is known.
/// </summary>
public sealed record CalibrationScore(int[] Count, int[] Right, double[] ConfidenceSum)
{
    public const int Bands = 5;

    public static CalibrationScore Empty => new(new int[Bands], new int[Bands], new double[Bands]);

    public static int BandOf(double confidence) => Math.Clamp((int)(confidence * Bands), 0, Bands - 1);

    public int Total => Count.Sum();

    /// <summary>The bands of attributions with these confidences, of which those marked in <paramref name="right"/> were right.</summary>
    public static CalibrationScore Of(IReadOnlyList<double> confidences, IReadOnlyList<bool> right)
    {
        var score = Empty;
        for (int i = 0; i < confidences.Count; i++)
        {
            int band = BandOf(confidences[i]);
            score.Count[band]++;
            if (right[i]) score.Right[band]++;
            score.ConfidenceSum[band] += confidences[i];
        }
        return score;
    }

    public static CalibrationScore operator +(CalibrationScore a, CalibrationScore b)
    {
        var sum = Empty;
        for (int i = 0; i < Bands; i++)
        {
            sum.Count[i] = a.Count[i] + b.Count[i];
            sum.Right[i] = a.Right[i] + b.Right[i];
            sum.ConfidenceSum[i] = a.ConfidenceSum[i] + b.ConfidenceSum[i];
        }
        return sum;
    }
}

public sealed record ArticleScore(
    string Article,
    string? Annotator,
    RoleScore Source,
    RoleScore Cue,
    RoleScore Content,
    Prf Attribution,
    int ContentPaired,
    DirectQuoteScore DirectQuotes)
{
    /// <summary>Speaker resolution; only in pipeline mode, where the system's entities are known.</summary>
    public ResolutionScore Resolution { get; init; }
    /// <summary>Confidence against correctness; only in pipeline mode.</summary>
    public CalibrationScore? Calibration { get; init; }

    public int GoldAttributions => Attribution.Gold;
    public int SystemAttributions => Attribution.System;

    public RoleScore Role(Role role) => role switch
    {
        Evaluation.Role.Source => Source,
        Evaluation.Role.Cue => Cue,
        _ => Content,
    };

    public static ArticleScore Sum(IEnumerable<ArticleScore> scores, string name = "total")
    {
        RoleScore source = default, cue = default, content = default;
        Prf attribution = default;
        DirectQuoteScore direct = default;
        ResolutionScore resolution = default;
        CalibrationScore? calibration = null;
        int paired = 0;
        foreach (var s in scores)
        {
            resolution += s.Resolution;
            if (s.Calibration is { } c) calibration = calibration is null ? c : calibration + c;
            source += s.Source;
            cue += s.Cue;
            content += s.Content;
            attribution += s.Attribution;
            paired += s.ContentPaired;
            direct += s.DirectQuotes;
        }
        return new ArticleScore(name, null, source, cue, content, attribution, paired, direct) { Resolution = resolution, Calibration = calibration };
    }
}
