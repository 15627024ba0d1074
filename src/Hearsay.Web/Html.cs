using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Hearsay.Web;

/// <summary>HTML building blocks. Every piece of stored or user text goes through <see cref="E"/>; nothing else is spliced raw.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => text is null ? "" : Encoder.Encode(text);

    /// <summary>Escapes a search snippet, turning the match markers (\u0002 … \u0003) into &lt;mark&gt;.</summary>
    public static string Snippet(string text) =>
        E(text).Replace("&#x2;", "<mark>").Replace("&#x3;", "</mark>").Replace("\u0002", "<mark>").Replace("\u0003", "</mark>");

    /// <summary>An href for a stored URL, only for http(s) (never javascript: or data:).</summary>
    public static string? SafeHref(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
            ? E(u.ToString()) : null;

    public static string Date(DateTimeOffset? d) => d?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    public static string Pct(int part, int whole) => whole == 0 ? "0%" : (100.0 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + "%";

    /// <summary>One hue per speaker, spread by the golden angle so that neighbouring ids differ.</summary>
    public static int Hue(long speakerId) => (int)((speakerId * 137.508) % 360);

    public static IResult Page(string title, string body, int status = 200) => Results.Content(Layout(title, body), "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string Layout(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · Hearsay</title>
        <style>{{Css}}</style>
        </head>
        <body>
        <header><a class="brand" href="/">Hearsay</a><span class="tag">who said what, according to whom</span></header>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """;

    private const string Css = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        header { background: #1f2937; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1rem; align-items: baseline; }
        header .brand { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
        header .tag { color: #cbd5e1; font-size: .9rem; }
        main { max-width: 70rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
        a { color: #1d4ed8; }
        h1 { font-size: 1.6rem; margin: .6rem 0; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
        .meta { color: #555; font-size: .9rem; }
        form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; background: #fff; padding: .8rem; border: 1px solid #e5e7eb; border-radius: 6px; }
        form.search label { display: flex; flex-direction: column; font-size: .8rem; color: #555; }
        form.search input, form.search select { font: inherit; padding: .3rem .4rem; }
        .cards { display: flex; gap: 1rem; flex-wrap: wrap; } .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: .6rem 1rem; min-width: 9rem; }
        .card b { display: block; font-size: 1.5rem; }
        .charts { display: flex; gap: 1.5rem; flex-wrap: wrap; } .chart { background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: .6rem; }
        ol.hits, ul.plain { padding-left: 1.2rem; } ol.hits li { margin: .5rem 0; }
        mark { background: #fde68a; }
        .badge { font-size: .75rem; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3rem; color: #444; }
        .text { white-space: pre-wrap; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 1rem 1.2rem; font-size: 1.02rem; line-height: 1.7; }
        .hl { border-radius: 2px; --s: 75%; }
        .hl.nospeaker { --s: 0%; }
        .hl-content { background: hsl(var(--h) var(--s) 91%); }
        .hl-source { background: hsl(var(--h) var(--s) 72%); font-weight: 650; }
        .hl-cue { background: hsl(var(--h) var(--s) 91%); color: hsl(var(--h) var(--s) 25%); font-style: italic; text-decoration: underline 2px; text-underline-offset: 3px; }
        .hl:hover { outline: 2px solid hsl(var(--h) var(--s) 40%); }
        .legend span { margin-right: .8rem; padding: 0 .3rem; --h: 210; }
        table { border-collapse: collapse; width: 100%; background: #fff; } td, th { border-bottom: 1px solid #e5e7eb; padding: .3rem .5rem; text-align: left; vertical-align: top; font-size: .92rem; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: middle; background: hsl(var(--h) 75% 72%); }
        """;

    public static string Join<T>(IEnumerable<T> items, Func<T, string> render) => string.Concat(items.Select(render));
}
