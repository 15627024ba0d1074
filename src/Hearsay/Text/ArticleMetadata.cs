namespace Hearsay.Text;

/// <summary>What is known about an article besides its text. Ranges, where set, index the document text.</summary>
public sealed class ArticleMetadata
{
    public string? Title { get; set; }
    public TextRange? TitleRange { get; set; }
    public string? Author { get; set; }
    public TextRange? BylineRange { get; set; }
    public string? Outlet { get; set; }
    public DateTimeOffset? Published { get; set; }
    public string? Url { get; set; }
    /// <summary>Where the text came from: a file path, "-" for standard input, a URL.</summary>
    public string? Origin { get; set; }
}
