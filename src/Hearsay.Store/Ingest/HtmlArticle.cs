using AngleSharp.Html.Parser;
using Hearsay.Input;
using Hearsay.Text;
using SmartReader;

namespace Hearsay.Store.Ingest;

/// <summary>
/// Reads the main text of an HTML page with SmartReader, keeping title, byline, date, outlet (site name)
/// and canonical URL as metadata. The document text is the title, a blank line, then one paragraph per block.
/// </summary>
public static class HtmlArticle
{
    /// <summary>An HTML file read as <see cref="Parse"/> reads a page (same size limit and checks as a text file).</summary>
    public static Document ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > ArticleReader.MaxBytes)
            throw new InvalidInputException($"file is {info.Length / (1024 * 1024)} MiB; the limit is {ArticleReader.MaxBytes / (1024 * 1024)} MiB");
        return Parse(ArticleReader.Decode(File.ReadAllBytes(path)), null, path);
    }

    public static bool IsHtmlFile(string path) =>
        IngestSources.HtmlExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static Document Parse(string html, string? url, string origin)
    {
        string baseUrl = url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "http://localhost/";
        var article = new Reader(baseUrl, html).GetArticle();
        var paragraphs = (article.TextContent ?? "")
            .Split('\n')
            .Select(line => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
            throw new InvalidInputException("no article text found in the HTML page");

        var page = new HtmlParser().ParseDocument(html);
        string? canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
                            ?? page.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        string? title = Clean(article.Title) ?? Clean(page.Title);

        string body = string.Join("\n\n", paragraphs);
        string text = title is not null && !body.StartsWith(title, StringComparison.Ordinal) ? title + "\n\n" + body : body;
        var doc = new Document(text, origin);
        doc.Metadata.Title = title ?? paragraphs[0];
        doc.Metadata.TitleRange = title is not null ? new TextRange(0, title.Length) : null;
        doc.Metadata.Author = CleanByline(article.Byline) ?? Clean(article.Author);
        doc.Metadata.Outlet = Clean(article.SiteName);
        doc.Metadata.Published = article.PublicationDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)) : null;
        doc.Metadata.Url = ResolveUrl(canonical, url) ?? url;
        doc.Metadata.Origin = origin;
        return doc;
    }

    private static string? ResolveUrl(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (IngestSources.IsHttpUrl(href)) return new Uri(href).ToString();
        if (href.Contains("://")) return null;
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href, out var resolved)) return resolved.ToString();
        return null;
    }

    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? CleanByline(string? byline)
    {
        var s = Clean(byline);
        if (s is null) return null;
        return s.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? s[3..].Trim() : s;
    }
}
