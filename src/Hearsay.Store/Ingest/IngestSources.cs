using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeHollow.FeedReader;
using Hearsay.Input;
using Hearsay.Text;

namespace Hearsay.Store.Ingest;

/// <summary>
/// Turns command-line inputs into articles to ingest: .txt files, HTML pages (.html, .htm), RSS/Atom feeds
/// (.rss, .atom, .xml; each item's linked page is fetched), JSONL (one {url, title, text, published, outlet}
/// per line), folders (recursively, by those extensions) and http(s) URLs of a feed or a page.
/// Inputs that cannot be read are reported through the failure callback and skipped.
/// </summary>
public sealed partial class IngestSources(HttpClient http)
{
    public static readonly string[] TextExtensions = [".txt"];
    public static readonly string[] HtmlExtensions = [".html", ".htm"];
    public static readonly string[] FeedExtensions = [".rss", ".atom", ".xml"];
    public static readonly string[] JsonlExtensions = [".jsonl", ".ndjson"];

    /// <summary>Largest page or feed fetched over HTTP, in bytes.</summary>
    public const int MaxDownloadBytes = 16 * 1024 * 1024;

    public static HttpClient CreateHttpClient()
    {
        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = MaxDownloadBytes };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Hearsay", "1.0"));
        return client;
    }

    public async Task<List<IngestItem>> ExpandAsync(IEnumerable<string> inputs, Action<IngestFailure> onFailure, CancellationToken cancellationToken = default)
    {
        var items = new List<IngestItem>();
        foreach (var input in inputs)
        {
            try
            {
                if (InputSource.IsHttpUrl(input))
                    items.AddRange(await FromUrlAsync(input, cancellationToken));
                else if (Directory.Exists(input))
                {
                    var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                        .Where(f => KnownExtension(Path.GetExtension(f)))
                        .Order(StringComparer.Ordinal);
                    foreach (var file in files)
                    {
                        try { items.AddRange(FromFile(file)); }
                        catch (Exception e) when (e is not OperationCanceledException) { onFailure(new IngestFailure(file, Describe(e))); }
                    }
                }
                else if (File.Exists(input))
                    items.AddRange(FromFile(input));
                else
                    onFailure(new IngestFailure(input, "no such file, folder or URL"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onFailure(new IngestFailure(input, Describe(e)));
            }
        }
        return items;
    }

    private static bool KnownExtension(string ext) =>
        TextExtensions.Concat(HtmlExtensions).Concat(FeedExtensions).Concat(JsonlExtensions).Contains(ext, StringComparer.OrdinalIgnoreCase);

    private static bool Is(string path, string[] extensions) => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private IEnumerable<IngestItem> FromFile(string path)
    {
        if (HtmlArticle.IsHtmlFile(path))
            return [new IngestItem(path, _ => Task.FromResult(HtmlArticle.ReadFile(path)))];
        if (Is(path, FeedExtensions))
            return FromFeed(ArticleReader.ReadText(path), path, null);
        if (Is(path, JsonlExtensions))
            return FromJsonl(path);
        return [new IngestItem(path, _ => Task.FromResult(ReadTextArticle(path)))];
    }

    /// <summary>A plain-text article; names like <c>outlet_2016-09-12_slug.txt</c> also give the outlet and date.</summary>
    public static Document ReadTextArticle(string path)
    {
        var doc = ArticleReader.ReadFile(path);
        var m = OutletDateName().Match(Path.GetFileNameWithoutExtension(path));
        if (m.Success)
        {
            doc.Metadata.Outlet ??= m.Groups["outlet"].Value;
            if (DateTimeOffset.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                doc.Metadata.Published ??= date;
        }
        return doc;
    }

    [GeneratedRegex(@"^(?<outlet>[a-z][a-z0-9-]*)_(?<date>\d{4}-\d{2}-\d{2})_")]
    private static partial Regex OutletDateName();

    private IEnumerable<IngestItem> FromJsonl(string path)
    {
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string label = $"{path}:{lineNumber}";
            string json = line;
            yield return new IngestItem(label, _ => Task.FromResult(ParseJsonlRecord(json, label)));
        }
    }

    public static Document ParseJsonlRecord(string json, string label)
    {
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new InvalidInputException($"not valid JSON ({e.Message.Split('.')[0]})"); }
        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidInputException("a line must hold a JSON object");
            string? Field(string name) =>
                root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;
            string text = Field("text") ?? throw new InvalidInputException("the record has no \"text\"");
            var doc = ArticleReader.FromText(text, label);
            if (Field("title") is { } title) { doc.Metadata.Title = title.Trim(); doc.Metadata.TitleRange = text.StartsWith(title, StringComparison.Ordinal) ? new TextRange(0, title.Length) : null; }
            doc.Metadata.Url = Field("url");
            doc.Metadata.Outlet = Field("outlet");
            if (Field("published") is { } published)
            {
                if (!DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                    throw new InvalidInputException($"\"published\" is not a date: {Truncate(published)}");
                doc.Metadata.Published = date;
            }
            doc.Metadata.Origin = label;
            return doc;
        }
    }

    private async Task<IEnumerable<IngestItem>> FromUrlAsync(string url, CancellationToken cancellationToken)
    {
        var (content, mediaType) = await FetchAsync(url, cancellationToken);
        if (IsFeed(content, mediaType)) return FromFeed(content, url, url);
        string page = content;
        return [new IngestItem(url, _ => Task.FromResult(HtmlArticle.Parse(page, url, url)))];
    }

    /// <summary>The article at the URL of a page (not a feed), fetched and read as an HTML page.</summary>
    public async Task<Document> FetchPageAsync(string url, CancellationToken cancellationToken = default)
    {
        var (content, mediaType) = await FetchAsync(url, cancellationToken);
        if (IsFeed(content, mediaType)) throw new InvalidInputException("a feed, not a page: `hearsay ingest` reads the articles of a feed");
        return HtmlArticle.Parse(content, url, url);
    }

    private static bool IsFeed(string content, string? mediaType)
    {
        string trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return mediaType is not null && (mediaType.Contains("rss") || mediaType.Contains("atom") || mediaType.EndsWith("/xml"))
               || trimmed.StartsWith("<rss", StringComparison.OrdinalIgnoreCase)
               || trimmed.StartsWith("<feed", StringComparison.OrdinalIgnoreCase)
               || (trimmed.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && (trimmed.Contains("<rss") || trimmed.Contains("<feed")));
    }

    private IEnumerable<IngestItem> FromFeed(string xml, string label, string? feedUrl)
    {
        Feed feed;
        try { feed = FeedReader.ReadFromString(xml); }
        catch (Exception e) { throw new InvalidInputException($"not an RSS or Atom feed ({FirstLine(e.Message)})"); }
        string? outlet = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim();
        var items = new List<IngestItem>();
        int index = 0;
        foreach (var entry in feed.Items)
        {
            index++;
            string? link = InputSource.ResolveHttpUrl(entry.Link, feedUrl);
            string itemLabel = link ?? $"{label}#{index}";
            var item = entry;
            items.Add(new IngestItem(itemLabel, async ct =>
            {
                Document? doc = null;
                string? fullText = string.IsNullOrWhiteSpace(item.Content) ? null : item.Content;
                if (link is not null)
                {
                    try
                    {
                        var (html, _) = await FetchAsync(link, ct);
                        doc = HtmlArticle.Parse(html, link, link);
                    }
                    // The linked page is the article; when it cannot be had, an item that carries its full text still can.
                    catch (Exception e) when (fullText is not null && e is InvalidInputException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested) { }
                }
                if (doc is null)
                {
                    string? body = fullText ?? item.Description;
                    if (string.IsNullOrWhiteSpace(body)) throw new InvalidInputException("the feed item has neither a link nor content");
                    doc = HtmlArticle.Parse($"<html><head><title>{System.Net.WebUtility.HtmlEncode(item.Title ?? "")}</title></head><body><article>{body}</article></body></html>", link, itemLabel);
                    doc.Metadata.Url ??= link;
                }
                if (!string.IsNullOrWhiteSpace(item.Title) && doc.Metadata.Title is null) doc.Metadata.Title = item.Title.Trim();
                doc.Metadata.Published ??= item.PublishingDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)) : null;
                doc.Metadata.Outlet ??= outlet;
                doc.Metadata.Author ??= string.IsNullOrWhiteSpace(item.Author) ? null : item.Author.Trim();
                return doc;
            }));
        }
        return items;
    }

    private async Task<(string Content, string? MediaType)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidInputException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        if (response.Content.Headers.ContentLength > MaxDownloadBytes)
            throw new InvalidInputException($"response is larger than {MaxDownloadBytes / (1024 * 1024)} MiB");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (ArticleReader.Decode(bytes), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A one-line reason for a failure, without stack traces.</summary>
    public static string Describe(Exception e) => e switch
    {
        InvalidInputException => e.Message,
        HttpRequestException h => $"cannot fetch: {FirstLine(h.Message)}",
        TaskCanceledException => "timed out",
        IOException or UnauthorizedAccessException => FirstLine(e.Message),
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    private static string FirstLine(string s) { int i = s.IndexOfAny(['\r', '\n']); return i < 0 ? s : s[..i]; }
    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
