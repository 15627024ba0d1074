namespace Hearsay.Text;

/// <summary>
/// A stretch of text inside quotation marks. <see cref="Range"/> includes the marks (as the corpus draws
/// content spans); <see cref="FirstToken"/>..<see cref="EndToken"/> are the tokens it covers.
/// </summary>
public sealed record Quotation(TextRange Range, int FirstToken, int EndToken)
{
    /// <summary>True when the quote has no closing mark in its paragraph (it runs on into the next one).</summary>
    public bool RunsOn { get; init; }
    /// <summary>True when the quote continues one that ran on from the previous paragraph.</summary>
    public bool Continues { get; init; }
    /// <summary>True when the quotation uses single marks (‘ ’) at the outer level.</summary>
    public bool Single { get; init; }

    public int TokenCount => EndToken - FirstToken;
}
