using AngleSharp.Html.Parser;
using Hearsay.Input;
using Hearsay.Text;
using SmartReader;

namespace Hearsay.Store.Ingest;

/// <summary>
/// Reads the main text of an HTML page with SmartReader (a page of more than <see cref="MaxReaderElements"/>
/// elements, or nested deep with many, with <see cref="HtmlBlocks.MainText"/>), keeping title, byline, date, outlet (site name)
/// and canonical URL as metadata. The document text is the title, a blank line, then one paragraph per block.
/// </summary>
public static class HtmlArticle
{
    /// <summary>An HTML file read as <see cref="Parse"/> reads a page (same size limit and checks as a text file).</summary>
    public static Document ReadFile(string path) => Parse(ArticleReader.ReadText(path), null, path);

    public static bool IsHtmlFile(string path) =>
        IngestSources.HtmlExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The files `extract` and `bench` take from a folder: text files and HTML pages.</summary>
    public static readonly string[] ArticleFileExtensions = [.. IngestSources.TextExtensions, .. IngestSources.HtmlExtensions];

    /// <summary>Whether text read without a file name (standard input) is an HTML page: it opens with a doctype or &lt;html&gt;.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An article file: an HTML page (.html, .htm) for its main text, any other file as text.</summary>
    public static Document ReadArticleFile(string path) => IsHtmlFile(path) ? ReadFile(path) : ArticleReader.ReadFile(path);

    public static Document Parse(string html, string? url, string origin)
    {
        string baseUrl = url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "http://localhost/";
        // Parsing itself checks the open elements at every tag, so a page nested a million deep is refused
        // on a first count of its tags, before any parser sees it.
        if (RoughNesting(html) is var rough && rough > 4 * MaxNesting)
            throw new InvalidInputException($"HTML nested about {rough:N0} elements deep; the limit is {MaxNesting}: not read");
        var page = new HtmlParser().ParseDocument(html);
        // SmartReader's cleaning measures the text of every element again for each of its ancestors, so its time
        // grows with the cube of the nesting: 1,000 levels take 18 s, 10,000 hours. Real pages stay under ~100.
        var (depth, elements) = Measure(page);
        if (depth > MaxNesting)
            throw new InvalidInputException($"HTML nested more than {MaxNesting} elements deep: not read");
        List<string> paragraphs;
        string? title, author, outlet;
        DateTime? published;
        if (elements > MaxReaderElements || (long)elements * depth > MaxReaderWork)
        {
            paragraphs = HtmlBlocks.MainText(page);
            title = Clean(Meta(page, "og:title")) ?? Clean(page.Title);
            author = CleanByline(Meta(page, "author") ?? Meta(page, "article:author"));
            outlet = Clean(Meta(page, "og:site_name"));
            published = DateTimeOffset.TryParse(Meta(page, "article:published_time"), out var date) ? date.UtcDateTime : null;
        }
        else
        {
            var article = new Reader(baseUrl, html).GetArticle();
            paragraphs = string.IsNullOrEmpty(article.Content) ? [] : HtmlBlocks.Paragraphs(new HtmlParser().ParseDocument(article.Content));
            title = Clean(article.Title) ?? Clean(page.Title);
            author = CleanByline(article.Byline) ?? Clean(article.Author);
            outlet = Clean(article.SiteName);
            published = article.PublicationDate;
        }
        if (paragraphs.Count == 0)
            throw new InvalidInputException("no article text found in the HTML page");

        string? canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
                            ?? page.QuerySelector("meta[property='og:url']")?.GetAttribute("content");

        string body = string.Join("\n\n", paragraphs);
        string text = title is not null && !body.StartsWith(title, StringComparison.Ordinal) ? title + "\n\n" + body : body;
        var doc = new Document(text, origin);
        doc.Metadata.Title = title ?? paragraphs[0];
        doc.Metadata.TitleRange = title is not null ? new TextRange(0, title.Length) : null;
        doc.Metadata.Author = author;
        doc.Metadata.Outlet = outlet;
        doc.Metadata.Published = published is { } day ? new DateTimeOffset(DateTime.SpecifyKind(day, day.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : day.Kind)) : null;
        doc.Metadata.Url = InputSource.ResolveHttpUrl(canonical, url) ?? url;
        doc.Metadata.Origin = origin;
        return doc;
    }

    /// <summary>Elements nested deeper than this make a page a bad input.</summary>
    public const int MaxNesting = 256;

    /// <summary>
    /// Pages with more elements than this are read by <see cref="HtmlBlocks.MainText"/>: SmartReader's time grows with
    /// the square of the element count (about 1 s at 8,000 elements, 40 s at 50,000), and news pages have 1,000–5,000.
    /// </summary>
    public const int MaxReaderElements = 8_000;

    /// <summary>
    /// Pages whose element count times nesting depth exceeds this are read by <see cref="HtmlBlocks.MainText"/> too:
    /// SmartReader's cleaning also grows with the depth (7,980 elements 42 deep: 2.6 s; 7,250 elements 252
    /// deep: 8.5 s). A news page of 3,000 elements 30 deep is 90,000.
    /// </summary>
    public const int MaxReaderWork = 200_000;

    private static readonly HashSet<string> NoEndTag = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements, and those whose end tag may be left out (a page full of unclosed <p> is not deep)
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    /// <summary>
    /// The deepest nesting of start and end tags in the markup, counted in one pass without parsing: comments,
    /// the text of scripts and styles, void elements and those with optional end tags are left out.
    /// </summary>
    internal static int RoughNesting(string html)
    {
        int depth = 0, deepest = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                int close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0) break;
                i = close + 3;
                continue;
            }
            bool closing = html[i + 1] == '/';
            int nameStart = closing ? i + 2 : i + 1, nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            int end = html.IndexOf('>', nameEnd);
            if (end < 0) break;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart])) { i = nameEnd; continue; }
            string name = html[nameStart..nameEnd];
            i = end + 1;
            if (!closing && RawText.Contains(name))
            {
                int close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (close < 0) break;
                i = close;
                continue;
            }
            if (NoEndTag.Contains(name) || html[end - 1] == '/') continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            deepest = Math.Max(deepest, depth);
        }
        return deepest;
    }

    /// <summary>
    /// How deep the page's elements nest (counting stops past <see cref="MaxNesting"/>) and how many there are,
    /// walked without recursion.
    /// </summary>
    private static (int Depth, int Elements) Measure(AngleSharp.Dom.IDocument page)
    {
        int deepest = 0, elements = 0;
        var stack = new Stack<(AngleSharp.Dom.IElement Element, int Depth)>();
        if (page.DocumentElement is { } root) stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            elements++;
            deepest = Math.Max(deepest, depth);
            if (deepest > MaxNesting) return (deepest, elements);
            foreach (var child in element.Children) stack.Push((child, depth + 1));
        }
        return (deepest, elements);
    }

    /// <summary>The content of the page's first meta tag with this property or name.</summary>
    private static string? Meta(AngleSharp.Dom.IDocument page, string key) =>
        page.Head?.Children.FirstOrDefault(e => e.LocalName == "meta"
            && (e.GetAttribute("property") == key || e.GetAttribute("name") == key))?.GetAttribute("content");

    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? CleanByline(string? byline)
    {
        var s = Clean(byline);
        if (s is null) return null;
        return s.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? s[3..].Trim() : s;
    }
}
