using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Store.Ingest;
using Hearsay.Testing;

namespace Hearsay.Store.Tests;

/// <summary>Ingestion of every input format; an empty pipeline keeps these independent of the extractor.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hearsay-ingest-tests", Guid.NewGuid().ToString("N"));
    private static readonly HearsayPipeline NoExtraction = new PipelineBuilder().Build();

    public IngestTests() => Directory.CreateDirectory(_dir);
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public static string ArticlePage(string title, string body, string extraHead = "") => $$"""
        <!DOCTYPE html><html><head><title>{{title}} | The Gazette</title>
        <meta property="og:site_name" content="The Gazette">
        <meta property="article:published_time" content="2016-09-14T10:00:00Z">
        <meta name="author" content="Jane Reporter">
        <link rel="canonical" href="https://gazette.example/{{title.ToLowerInvariant().Replace(' ', '-')}}">
        {{extraHead}}
        </head><body>
        <nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
        <article><h1>{{title}}</h1><p class="byline">By Jane Reporter</p>
        <p>{{body}} The mayor said on Tuesday that the plan would go ahead despite objections from residents who live nearby.</p>
        <p>"We have listened to every concern, and we believe this is the right decision for the city," she told reporters at a press conference.</p>
        <p>Opponents said they would appeal the decision, arguing that the consultation had been rushed and that the costs were far too high.</p>
        <p>A council spokesman, who asked not to be named, said the budget for the project had already been approved in the spring.</p>
        </article>
        <aside>Most read: celebrity gossip, weather, horoscopes and more unrelated links.</aside>
        <footer>Copyright The Gazette. All rights reserved. Contact us. Privacy policy.</footer>
        </body></html>
        """;

    private async Task<(TestStore Store, IngestReport Report, List<IngestFailure> InputFailures)> IngestAsync(params string[] inputs)
    {
        var store = await TestStore.CreateAsync("sqlite");
        var (report, failures) = await IngestIntoAsync(store, inputs);
        return (store, report, failures);
    }

    private static async Task<(IngestReport, List<IngestFailure>)> IngestIntoAsync(TestStore store, string[] inputs, CancellationToken ct = default, IProgress<IngestProgress>? progress = null)
    {
        using var http = IngestSources.CreateHttpClient();
        var failures = new List<IngestFailure>();
        var items = await new IngestSources(http).ExpandAsync(inputs, failures.Add, ct);
        var report = await new Ingester(store.Store, NoExtraction, new IngestOptions { Parallelism = 2 }).RunAsync(items, progress, ct);
        return (report, failures);
    }

    [Fact]
    public async Task Ingest_reads_a_folder_of_txt_html_and_jsonl()
    {
        Write("a/breitbart_2016-09-12_first-story.txt", "First story headline\n\nBy Sam Writer\n\nThe senator said the vote would pass.");
        Write("a/b/page.html", ArticlePage("Plan approved", "The city approved the plan."));
        Write("feed.jsonl", """
            {"url": "https://news.example/1", "title": "From JSONL", "text": "From JSONL\n\nOfficials said the talks were over.", "published": "2016-09-30", "outlet": "Wire"}

            {"title": "no text here"}
            not json at all
            {"text": "A second JSONL article, with no title.", "published": "yesterday-ish"}
            {"text": "A third JSONL article.", "outlet": "Wire"}
            """);
        Write("ignored.png", "not an article");

        var (t, report, inputFailures) = await IngestAsync(_dir);
        await using var _ = t;
        Assert.Empty(inputFailures);
        Assert.Equal(4, report.Stored);
        Assert.Equal(3, report.Failures.Count);
        Assert.Contains(report.Failures, f => f.Label.EndsWith("feed.jsonl:3") && f.Reason.Contains("no \"text\""));
        Assert.Contains(report.Failures, f => f.Label.EndsWith("feed.jsonl:4") && f.Reason.Contains("not valid JSON"));
        Assert.Contains(report.Failures, f => f.Label.EndsWith("feed.jsonl:5") && f.Reason.Contains("not a date"));

        var articles = await t.Store.ListArticlesAsync();
        var txt = await t.Store.GetArticleAsync(articles.Single(a => a.Title == "First story headline").Id);
        Assert.Equal("breitbart", txt!.Outlet);
        Assert.Equal(new DateTimeOffset(2016, 9, 12, 0, 0, 0, TimeSpan.Zero), txt.Published);
        Assert.Equal("Sam Writer", txt.Author);

        var jsonl = await t.Store.GetArticleAsync(articles.Single(a => a.Title == "From JSONL").Id);
        Assert.Equal(("Wire", "https://news.example/1"), (jsonl!.Outlet, jsonl.Url));
        Assert.Equal(new DateTimeOffset(2016, 9, 30, 0, 0, 0, TimeSpan.Zero), jsonl.Published);

        var html = await t.Store.GetArticleAsync(articles.Single(a => a.Title!.StartsWith("Plan approved")).Id);
        Assert.Contains("We have listened to every concern", html!.Text);
        Assert.DoesNotContain("horoscopes", html.Text);
        Assert.DoesNotContain("Privacy policy", html.Text);
    }

    [Theory]
    [InlineData(300, false)]      // nested past the limit: refused after parsing
    [InlineData(200_000, false)]  // nested a hundred thousand deep: refused before any parser sees it
    [InlineData(40, true)]
    public void Deeply_nested_html_is_refused_with_one_clear_reason_and_ordinary_nesting_is_read(int depth, bool read)
    {
        string paragraph = "<p>The council said on Tuesday that the harbour budget would rise next year, and the mayor agreed "
            + "that the spending was needed to repair the bridge before the winter storms.</p>";
        string html = "<html><head><title>Budget</title><script>if (a < b) { x = '<div>'; }</script></head><body>"
            + string.Concat(Enumerable.Repeat("<div>", depth)) + paragraph + paragraph + "<br><img src=x><p>Unclosed"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        if (read)
        {
            var doc = HtmlArticle.Parse(html, null, "page.html");
            Assert.Contains("harbour budget", doc.Text);
            return;
        }
        var error = Assert.Throws<InvalidInputException>(() => HtmlArticle.Parse(html, null, "page.html"));
        Assert.Contains("nested", error.Message);
        Assert.Contains(HtmlArticle.MaxNesting.ToString(), error.Message);
    }

    /// <summary>An article page with a long run of comments and links around it, past the element count SmartReader gets.</summary>
    private static string LargePage(int comments)
    {
        var extra = new System.Text.StringBuilder("<div class=\"comments\">");
        for (int i = 0; i < comments; i++)
            extra.Append($"<div class=\"comment\"><div><a href=\"/u/{i}\">reader{i}</a> <span>2 hours ago</span></div>"
                + $"<p>Comment number {i} says the plan is a waste of everyone's money and time.</p></div>");
        extra.Append("</div><div class=\"links\"><ul>");
        for (int i = 0; i < comments; i++) extra.Append($"<li><a href=\"/story/{i}\">Other story {i}</a></li>");
        extra.Append("</ul></div>");
        return ArticlePage("Plan approved", "The city approved the plan.").Replace("<aside>", extra + "<aside>");
    }

    [Fact]
    public void Large_html_page_keeps_the_article_and_its_metadata_and_leaves_comments_and_links_out()
    {
        var doc = HtmlArticle.Parse(LargePage(3_000), null, "page.html");
        Assert.StartsWith("Plan approved", doc.Text);
        Assert.Contains("The city approved the plan. The mayor said on Tuesday", doc.Text);
        Assert.Contains("\n\n\"We have listened to every concern", doc.Text);
        Assert.Contains("already been approved in the spring.", doc.Text);
        Assert.DoesNotContain("Comment number", doc.Text);
        Assert.DoesNotContain("Other story", doc.Text);
        Assert.DoesNotContain("Politics", doc.Text);
        Assert.DoesNotContain("horoscopes", doc.Text);
        Assert.Equal("Jane Reporter", doc.Metadata.Author);
        Assert.Equal("The Gazette", doc.Metadata.Outlet);
        Assert.Equal("https://gazette.example/plan-approved", doc.Metadata.Url);
        Assert.Equal(new DateTimeOffset(2016, 9, 14, 10, 0, 0, TimeSpan.Zero), doc.Metadata.Published!.Value.ToUniversalTime());
    }

    [Fact]
    public void Large_page_reader_finds_the_same_paragraphs_as_smartreader_on_an_ordinary_page()
    {
        string html = ArticlePage("Plan approved", "The city approved the plan.");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var smart = HtmlArticle.Parse(html, null, "page.html").Text.Split("\n\n");
        var paragraphs = HtmlBlocks.MainText(page);
        Assert.Equal(smart.Where(p => p.Contains(" said") || p.Contains(" told")), paragraphs.Where(p => p.Contains(" said") || p.Contains(" told")));
        Assert.DoesNotContain(paragraphs, p => p.Contains("horoscopes") || p.Contains("Privacy policy") || p.Contains("Sport"));
    }

    [Fact]
    public void Html_paragraph_wrapped_over_source_lines_stays_one_paragraph_and_table_cells_are_apart()
    {
        string html = ArticlePage("Plan approved", "The city approved\n        the plan after a long\n        debate.")
            .Replace("</article>", "<table><tr><td>Votes for</td><td>12</td></tr></table></article>");
        var doc = HtmlArticle.Parse(html, null, "page.html");
        Assert.Contains("\n\nThe city approved the plan after a long debate. The mayor said", doc.Text);
        Assert.Contains("\n\nVotes for\n\n12", doc.Text);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>Text</p></body></html>", true)]
    [InlineData("\uFEFF\n  <html lang=\"en\"><body>Text</body></html>", true)]
    [InlineData("Headline\n\n<tweet id=\"1\">The senator said so.</tweet>", false)]
    [InlineData("<b>Not a page</b> but text with markup", false)]
    public void Standard_input_is_read_as_html_only_when_it_opens_as_a_page(string text, bool html) =>
        Assert.Equal(html, HtmlArticle.LooksLikeHtml(text));

    [Fact]
    public void Html_article_keeps_title_byline_date_outlet_and_canonical_url()
    {
        var doc = HtmlArticle.Parse(ArticlePage("Plan approved", "The city approved the plan."), null, "page.html");
        Assert.StartsWith("Plan approved", doc.Metadata.Title);
        Assert.Equal("Jane Reporter", doc.Metadata.Author);
        Assert.Equal("The Gazette", doc.Metadata.Outlet);
        Assert.Equal("https://gazette.example/plan-approved", doc.Metadata.Url);
        Assert.Equal(new DateTimeOffset(2016, 9, 14, 10, 0, 0, TimeSpan.Zero), doc.Metadata.Published!.Value.ToUniversalTime());
        Assert.StartsWith(doc.Metadata.Title!, doc.Text);
        Assert.Contains("\n\n", doc.Text);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Ingest_stores_each_article_once_by_content_hash(string backend)
    {
        Write("one.txt", "Headline\n\nSomeone said something.");
        Write("copy/one-again.txt", "Headline\n\nSomeone said something.");
        Write("two.jsonl", "{\"text\": \"Headline\\n\\nSomeone said something.\"}\n{\"text\": \"Another\\n\\nA new story.\"}");
        await using var t = await TestStore.CreateAsync(backend);
        var (report, _) = await IngestIntoAsync(t, [_dir]);
        Assert.Equal((2, 2), (report.Stored, report.Duplicates));
        var (again, _) = await IngestIntoAsync(t, [_dir]);
        Assert.Equal((0, 4), (again.Stored, again.Duplicates));
        Assert.Equal(2, (await t.Store.ListArticlesAsync()).Count);
    }

    [Fact]
    public async Task Ingest_reports_missing_and_bad_inputs_and_stores_the_rest()
    {
        string good = Write("good.txt", "Good\n\nThe minister said yes.");
        string binary = Path.Combine(_dir, "binary.txt");
        File.WriteAllBytes(binary, [0x48, 0x00, 0xff, 0xfe]);
        string badFeed = Write("broken.rss", "<rss><channel><item><title>unterminated");
        var (t, report, inputFailures) = await IngestAsync(good, binary, badFeed, Path.Combine(_dir, "missing.txt"));
        await using var _ = t;
        Assert.Equal(1, report.Stored);
        Assert.Contains(report.Failures, f => f.Label == binary && f.Reason.Contains("binary"));
        Assert.Equal(2, inputFailures.Count);
        Assert.Contains(inputFailures, f => f.Label == badFeed && f.Reason.Contains("feed"));
        Assert.Contains(inputFailures, f => f.Label.EndsWith("missing.txt") && f.Reason.Contains("no such file"));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Ingest_resumes_after_an_interruption_without_loss_or_duplicates(string backend)
    {
        for (int i = 0; i < 60; i++) Write($"many/{i:D3}.txt", $"Story {i}\n\nThe official number {i} said the count was {i * 7}.");
        await using var t = await TestStore.CreateAsync(backend);
        using var cts = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.Stored >= 10) cts.Cancel(); });
        var (first, _) = await IngestIntoAsync(t, [_dir], cts.Token, progress);
        Assert.True(first.Interrupted);
        int storedFirst = (await t.Store.ListArticlesAsync(1000)).Count;
        Assert.InRange(storedFirst, 10, 59);
        Assert.Equal(first.Stored, storedFirst);

        var (second, _) = await IngestIntoAsync(t, [_dir]);
        Assert.False(second.Interrupted);
        Assert.Equal(60 - storedFirst, second.Stored);
        Assert.Equal(storedFirst, second.Duplicates);
        var titles = (await t.Store.ListArticlesAsync(1000)).Select(a => a.Title).ToList();
        Assert.Equal(60, titles.Count);
        Assert.Equal(60, titles.Distinct().Count());
    }

    [Fact]
    public async Task Ingest_reads_an_rss_feed_from_a_url_and_fetches_the_linked_pages()
    {
        using var server = new LocalHttpServer();
        server.Add("/politics/plan", "text/html; charset=utf-8", ArticlePage("Plan approved", "The city approved the plan."));
        server.Add("/politics/budget", "text/html; charset=utf-8", ArticlePage("Budget passed", "The council passed the budget."));
        server.Add("/feed.rss", "application/rss+xml", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>The Gazette</title><link>{server.BaseUrl}</link><description>News</description>
            <item><title>Plan approved</title><link>{server.BaseUrl}politics/plan</link><pubDate>Wed, 14 Sep 2016 10:00:00 GMT</pubDate></item>
            <item><title>Budget passed</title><link>/politics/budget</link><pubDate>Thu, 15 Sep 2016 10:00:00 GMT</pubDate></item>
            <item><title>Gone</title><link>{server.BaseUrl}politics/gone</link></item>
            </channel></rss>
            """);
        var (t, report, inputFailures) = await IngestAsync(server.BaseUrl + "feed.rss");
        await using var _ = t;
        Assert.Empty(inputFailures);
        Assert.True(2 == report.Stored, string.Join("; ", report.Failures) + $" dup={report.Duplicates}");
        var gone = Assert.Single(report.Failures);
        Assert.EndsWith("politics/gone", gone.Label);
        Assert.Contains("404", gone.Reason);
        var articles = await t.Store.ListArticlesAsync();
        var budget = await t.Store.GetArticleAsync(articles.Single(a => a.Title!.StartsWith("Budget passed")).Id);
        Assert.Contains("The council passed the budget.", budget!.Text);
        Assert.Equal("The Gazette", budget.Outlet);
    }

    [Fact]
    public async Task Ingest_reads_an_atom_feed_file_with_content_and_a_page_url()
    {
        using var server = new LocalHttpServer();
        server.Add("/story", "text/html", ArticlePage("Direct page", "This page was given as a URL."));
        string body = string.Join("", Enumerable.Range(1, 4).Select(i => $"&lt;p&gt;Paragraph {i}: the spokesperson said the statement number {i} was accurate and complete, according to the agency.&lt;/p&gt;"));
        string feed = Write("news.atom", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id><updated>2016-09-20T00:00:00Z</updated>
            <entry><title>Inline story</title><id>urn:1</id><updated>2016-09-20T00:00:00Z</updated><published>2016-09-20T00:00:00Z</published>
            <content type="html">{body}</content></entry>
            </feed>
            """);
        var (t, report, inputFailures) = await IngestAsync(feed, server.BaseUrl + "story");
        await using var _ = t;
        Assert.Empty(inputFailures);
        Assert.Empty(report.Failures);
        Assert.Equal(2, report.Stored);
        var titles = (await t.Store.ListArticlesAsync()).Select(a => a.Title).ToList();
        Assert.Contains(titles, x => x!.StartsWith("Inline story"));
        Assert.Contains(titles, x => x!.StartsWith("Direct page"));
    }

    [Fact]
    public async Task Ingest_reads_the_shipped_samples_without_failures()
    {
        string samples = Path.Combine(RepositoryRoot(), "samples");
        var (t, report, inputFailures) = await IngestAsync(samples);
        await using var _ = t;
        Assert.Empty(inputFailures);
        Assert.Empty(report.Failures);
        Assert.True(report.Stored >= 5, $"stored {report.Stored}");
        var titles = (await t.Store.ListArticlesAsync()).Select(a => a.Title).ToList();
        Assert.Contains("Ferry timetable cut as fuel costs rise", titles);          // RSS item with its full text
        Assert.Contains("Port workers vote to strike over pay", titles);            // JSONL
        Assert.Contains(titles, x => x!.StartsWith("Harbour bridge repairs"));     // HTML
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    private sealed class CallbackProgress(Action<IngestProgress> callback) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => callback(value);
    }
}
