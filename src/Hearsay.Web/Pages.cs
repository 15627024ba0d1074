using System.Globalization;
using System.Text;
using Hearsay.Store;
using static Hearsay.Web.Html;

namespace Hearsay.Web;

/// <summary>The server-rendered pages: search and corpus overview, an article with its attributions highlighted, a speaker over time.</summary>
public static class Pages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", Home).ExcludeFromDescription();
        app.MapGet("/articles/{id:long}", Article).ExcludeFromDescription();
        app.MapGet("/speakers/{id:long}", Speaker).ExcludeFromDescription();
    }

    private static async Task<IResult> Home(IArticleStore store, string? q, string? speaker, string? kind, string? since, string? confidence, CancellationToken ct)
    {
        var body = new StringBuilder();
        body.Append(SearchForm(q, speaker, kind, since, confidence));
        bool searching = !string.IsNullOrWhiteSpace(q) || !string.IsNullOrWhiteSpace(speaker) || !string.IsNullOrWhiteSpace(kind) || !string.IsNullOrWhiteSpace(since);
        if (searching)
        {
            DateTimeOffset? sinceDate = null;
            string? error = null;
            if (!string.IsNullOrWhiteSpace(since))
            {
                if (Api.TryParseDate(since, out var d)) sinceDate = d; else error = "“Since” must be a date like 2016-09-30.";
            }
            double? least = null;
            if (!string.IsNullOrWhiteSpace(confidence))
            {
                if (double.TryParse(confidence, NumberStyles.Float, CultureInfo.InvariantCulture, out double c) && c is >= 0 and <= 1) least = c;
                else error = "“Confidence” must be a number from 0 to 1.";
            }
            IReadOnlyList<Statement> hits = [];
            if (error is null)
            {
                try { hits = await store.SearchAsync(new SearchQuery(q, speaker, kind, sinceDate, 100, least), ct); }
                catch (ArgumentException e) { error = e.Message; }
            }
            body.Append("<section id=\"results\"><h2>Results</h2>");
            if (error is not null) body.Append($"<p class=\"error\">{E(error)}</p>");
            else if (hits.Count == 0) body.Append("<p>Nothing found.</p>");
            else
            {
                body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{hits.Count} attribution{(hits.Count == 1 ? "" : "s")}</p><ol class=\"hits\">");
                foreach (var hit in hits) body.Append(HitItem(hit));
                body.Append("</ol>");
            }
            body.Append("</section>");
        }
        var overview = await store.GetOverviewAsync(ct);
        body.Append(Overview(overview));
        var articles = await store.ListArticlesAsync(200, 0, ct);
        body.Append("<section id=\"articles\"><h2>Articles</h2><ul class=\"plain\">");
        foreach (var a in articles)
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/articles/{a.Id}\">{E(a.Title ?? $"Article {a.Id}")}</a> <span class=\"meta\">{E(a.Outlet)} · {Date(a.Published)} · {a.Attributions} attributions</span></li>");
        if (articles.Count == 0) body.Append("<li>No articles yet: run <code>hearsay ingest samples/</code>.</li>");
        body.Append("</ul></section>");
        return Page(searching && !string.IsNullOrWhiteSpace(q) ? $"Search: {q}" : "Corpus", body.ToString());
    }

    private static string SearchForm(string? q, string? speaker, string? kind, string? since, string? confidence)
    {
        var levels = new StringBuilder("<option value=\"\">any</option>");
        foreach (var (value, label) in new[] { ("0.5", "at least 50%"), ("0.7", "at least 70%"), ("0.9", "at least 90%") })
            levels.Append($"<option value=\"{value}\"{(value == confidence ? " selected" : "")}>{label}</option>");
        var options = new StringBuilder("<option value=\"\">any</option>");
        foreach (var k in SqlArticleStore.Kinds)
            options.Append($"<option value=\"{E(k)}\"{(string.Equals(k, kind, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(k)}</option>");
        return $"""
            <h1>Search what was said</h1>
            <form class="search" method="get" action="/">
              <label>Words <input type="search" name="q" value="{E(q)}" placeholder="negotiations" size="28"></label>
              <label>Speaker <input type="text" name="speaker" value="{E(speaker)}" placeholder="Clinton"></label>
              <label>Kind <select name="kind">{options}</select></label>
              <label>Since <input type="date" name="since" value="{E(since)}"></label>
              <label>Confidence <select name="confidence">{levels}</select></label>
              <button type="submit">Search</button>
            </form>
            """;
    }

    private static string HitItem(Statement hit)
    {
        string who = hit.Speaker is { } s
            ? $"<a class=\"speaker\" href=\"/speakers/{s.Id}\">{E(s.Name)}</a>"
            : $"<span class=\"speaker\">{E(hit.SourceText ?? "unattributed")}</span>";
        string text = hit.Snippet is { } snippet ? Snippet(snippet) : E(hit.Content);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <li>{who} <span class="meta">{E(hit.CueText)}</span> {Quoted((hit.Snippet ?? hit.Content).Replace("\u0002", ""), text)}
            <div class="meta"><a class="article" href="/articles/{hit.ArticleId}#a{hit.AttributionId}">{E(hit.ArticleTitle ?? $"Article {hit.ArticleId}")}</a> · {E(hit.Outlet)} · {Date(hit.Published)} <span class="badge">{hit.Kind}</span>{(hit.ParentId is null ? "" : " <span class=\"badge\">second-hand</span>")}</div></li>
            """);
    }

    private static string Overview(CorpusOverview o)
    {
        var sb = new StringBuilder("<section id=\"overview\"><h2>Corpus overview</h2><div class=\"cards\">");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><b>{o.Articles}</b>articles</div><div class=\"card\"><b>{o.Attributions}</b>attributions</div><div class=\"card\"><b>{o.Speakers}</b>speakers</div>");
        sb.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><b>{Pct(o.Anonymous, o.Attributions)}</b>anonymous</div><div class=\"card\"><b>{Pct(o.SecondHand, o.Attributions)}</b>second-hand</div></div>");
        sb.Append("<h2>Sourcing profile</h2><div class=\"charts\">");
        var overall = new List<Charts.Bar>
        {
            new("anonymous", Share(o.Anonymous, o.Attributions), $"{o.Anonymous} of {o.Attributions} attributions have an unnamed source"),
            new("second-hand", Share(o.SecondHand, o.Attributions), $"{o.SecondHand} of {o.Attributions} attributions are reported inside another"),
        };
        sb.Append(Charts.Shares("Whole corpus", overall, "#6366f1"));
        var outlets = o.Outlets.Where(p => p.Attributions > 0).ToList();
        if (outlets.Count > 0)
        {
            sb.Append(Charts.Shares("Anonymous share by outlet",
                outlets.Select(p => new Charts.Bar(p.Outlet.Length == 0 ? "(no outlet)" : p.Outlet, Share(p.Anonymous, p.Attributions),
                    $"{p.Anonymous} of {p.Attributions} attributions in {p.Articles} articles")).ToList(), "#f59e0b"));
            sb.Append(Charts.Shares("Second-hand share by outlet",
                outlets.Select(p => new Charts.Bar(p.Outlet.Length == 0 ? "(no outlet)" : p.Outlet, Share(p.SecondHand, p.Attributions),
                    $"{p.SecondHand} of {p.Attributions} attributions in {p.Articles} articles")).ToList(), "#10b981"));
        }
        sb.Append("</div>");
        if (o.TopSpeakers.Count > 0)
        {
            sb.Append("<h2>Most quoted</h2><ul class=\"plain\">");
            foreach (var s in o.TopSpeakers)
                sb.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"--h:{Hue(s.Entity.Id)}\"></span> <a href=\"/speakers/{s.Entity.Id}\">{E(s.Entity.Name)}</a> <span class=\"meta\">{s.Entity.Kind}{(s.Entity.Named ? "" : ", unnamed")} · {s.Statements} statements in {s.Articles} articles</span></li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
        return sb.ToString();
    }

    /// <summary>The content in quotation marks, unless it already starts with one.</summary>
    private static string Quoted(string content, string html) =>
        content.Length > 0 && content[0] is '"' or '“' or '\'' or '‘' ? html : $"“{html}”";

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static async Task<IResult> Article(long id, IArticleStore store, CancellationToken ct)
    {
        if (await store.GetArticleAsync(id, ct) is not { } article)
            return Page("Not found", $"<h1>Not found</h1><p>There is no article {id}.</p>", 404);
        var sb = new StringBuilder();
        sb.Append($"<article><h1 id=\"title\">{E(article.Title ?? $"Article {article.Id}")}</h1>");
        sb.Append("<p class=\"meta\">");
        var parts = new List<string>();
        if (article.Outlet is not null) parts.Add(E(article.Outlet));
        parts.Add(Date(article.Published));
        if (article.Author is not null) parts.Add("by " + E(article.Author));
        if (SafeHref(article.Url) is { } href) parts.Add($"<a href=\"{href}\" rel=\"noopener noreferrer nofollow\">original</a>");
        else if (article.Url is not null) parts.Add(E(article.Url));
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{article.Attributions.Count} attributions"));
        sb.Append(string.Join(" · ", parts)).Append("</p>");
        sb.Append("<p class=\"legend meta\">Highlighting: <span class=\"hl hl-source\">source</span><span class=\"hl hl-cue\">cue</span><span class=\"hl hl-content\">content</span> one colour per speaker; hover a highlight to see who said it, according to whom.</p>");
        sb.Append("<div class=\"text\" id=\"text\">").Append(ArticleText.Render(article)).Append("</div></article>");

        sb.Append("<section id=\"attributions\"><h2>Attributions</h2>");
        if (article.Attributions.Count == 0) sb.Append("<p>No attributions found in this article.</p>");
        else
        {
            sb.Append("<table><thead><tr><th>#</th><th>Speaker</th><th>Source as written</th><th>Cue</th><th>Content</th><th>Reported inside</th><th title=\"The estimated probability that the attribution is right\">Confidence</th></tr></thead><tbody>");
            var local = article.Attributions.Select((a, i) => (a.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
            foreach (var a in article.Attributions)
            {
                string speaker = a.Speaker is { } s
                    ? $"<span class=\"swatch\" style=\"--h:{Hue(s.Id)}\"></span> <a class=\"speaker\" href=\"/speakers/{s.Id}\">{E(s.Name)}</a>"
                    : "<span class=\"meta\">unresolved</span>";
                string parent = a.ParentId is { } p && local.TryGetValue(p, out int n) ? $"<a href=\"#a{p}\">#{n}</a>" : "";
                sb.Append(CultureInfo.InvariantCulture, $"<tr id=\"row{a.Id}\"><td>{local[a.Id]}</td><td>{speaker}</td><td>{E(a.Source?.Text)}</td><td>{E(a.Cue?.Text)}</td><td>{E(string.Join(" … ", a.Content.Select(c => c.Text)))}</td><td>{parent}</td><td class=\"meta\">{Confidence(a.Confidence)}</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        sb.Append("</section>");
        return Page(article.Title ?? $"Article {article.Id}", sb.ToString());
    }

    /// <summary>A percentage; an attribution reported inside another is not rated (it keeps 1).</summary>
    private static string Confidence(double confidence) =>
        confidence >= 1 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * confidence):0}%");

    private static async Task<IResult> Speaker(long id, IArticleStore store, CancellationToken ct)
    {
        if (await store.GetEntityAsync(id, ct) is not { } speaker)
            return Page("Not found", $"<h1>Not found</h1><p>There is no speaker {id}.</p>", 404);
        var statements = await store.GetStatementsAsync(id, 2000, ct);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h1 id=\"speaker\"><span class=\"swatch\" style=\"--h:{Hue(speaker.Id)}\"></span> {E(speaker.Name)}</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{speaker.Kind}{(speaker.Named ? "" : ", unnamed source")} · {statements.Count} statements in {statements.Select(s => s.ArticleId).Distinct().Count()} articles</p>");
        var dated = statements.Where(s => s.Published is not null).ToList();
        if (dated.Count > 0)
        {
            var first = dated.Min(s => s.Published!.Value); var last = dated.Max(s => s.Published!.Value);
            string format = (last - first).TotalDays > 62 ? "yyyy-MM" : "MM-dd";
            var points = dated.GroupBy(s => s.Published!.Value.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
            sb.Append("<div class=\"charts\">").Append(Charts.Timeline("Statements over time", points)).Append("</div>");
        }
        sb.Append("<h2>Statements</h2><ol class=\"hits\" id=\"statements\">");
        foreach (var s in statements)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                <li><span class="meta">{Date(s.Published)} · {E(s.Outlet)}</span> {E(s.SourceText)} <i>{E(s.CueText)}</i> {Quoted(s.Content, E(s.Content))}
                <div class="meta"><a class="article" href="/articles/{s.ArticleId}#a{s.AttributionId}">{E(s.ArticleTitle ?? $"Article {s.ArticleId}")}</a> <span class="badge">{s.Kind}</span>{(s.ParentId is null ? "" : " <span class=\"badge\">second-hand</span>")}</div></li>
                """);
        }
        sb.Append("</ol>");
        return Page(speaker.Name, sb.ToString());
    }
}
