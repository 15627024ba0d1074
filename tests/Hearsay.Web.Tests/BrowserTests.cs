using Hearsay.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Hearsay.Web.Tests;

/// <summary>Chromium for the browser tests: HEARSAY_CHROMIUM, else Debian's /usr/bin/chromium.</summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("HEARSAY_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable("HEARSAY_REQUIRE_SERVICES") is "1" or "true" || File.Exists(ExecutablePath) ? null
        : $"Chromium is not installed at {ExecutablePath} (apt-get install chromium, or set HEARSAY_CHROMIUM)";
}

/// <summary>A browser test: skipped with the reason when Chromium is missing, unless HEARSAY_REQUIRE_SERVICES=1.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = Chromium.SkipReason;
}

/// <summary>The app on a real socket (127.0.0.1, a free port) over a seeded store, and a headless Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public SeededStore Seed { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (Chromium.SkipReason is not null) return;
        await Seed.InitializeAsync();
        _app = HearsayWebApp.Build(["--urls", "http://127.0.0.1:0", $"--{HearsayWebOptions.DbKey}={Seed.DbPath}", "--environment", "Production"]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        await Seed.DisposeAsync();
    }
}

/// <summary>The web UI in a real headless Chromium: search -> article -> speaker, highlighting, escaping.</summary>
public class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPageAsync(List<string> dialogs)
    {
        var page = await fixture.Browser.NewPageAsync();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        return page;
    }

    private static Task<string> Style(ILocator element, string property) =>
        element.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    [ChromiumFact]
    public async Task Search_then_article_then_speaker()
    {
        var dialogs = new List<string>();
        var page = await NewPageAsync(dialogs);
        await page.GotoAsync(fixture.BaseUrl + "/");
        Assert.Contains("Corpus overview", await page.InnerTextAsync("#overview"));
        Assert.Equal(3, await page.Locator("#overview svg").CountAsync());

        await page.FillAsync("input[name=q]", "negotiations");
        await page.ClickAsync("form.search button");
        await page.WaitForSelectorAsync("#results");
        var hits = page.Locator("#results ol.hits > li");
        Assert.Equal(3, await hits.CountAsync());
        Assert.Equal("negotiations", await page.Locator("#results mark").First.InnerTextAsync());

        await page.Locator("#results a.article").First.ClickAsync();
        await page.WaitForSelectorAsync("#text");
        Assert.Equal("Talks resume as envoys weigh ceasefire", await page.InnerTextAsync("h1#title"));

        // Source, cue and content are styled apart; each speaker has its own hue.
        var holtSource = page.Locator("#text .hl-source", new() { HasText = "Secretary Jane Holt" });
        var holtCue = page.Locator("#text .hl-cue", new() { HasText = "said on Monday" });
        var holtContent = page.Locator("#text .hl-content", new() { HasText = "We are committed to negotiations" });
        var postSource = page.Locator("#text .hl-source", new() { HasText = "The Washington Post" });
        string sourceBg = await Style(holtSource, "backgroundColor"), contentBg = await Style(holtContent, "backgroundColor");
        Assert.NotEqual(sourceBg, contentBg);
        Assert.Equal("italic", await Style(holtCue, "fontStyle"));
        Assert.Equal("normal", await Style(holtContent, "fontStyle"));
        Assert.NotEqual(sourceBg, await Style(postSource, "backgroundColor"));
        Assert.Equal(await holtSource.GetAttributeAsync("data-speaker"), await holtContent.GetAttributeAsync("data-speaker"));

        // The nested, second-hand attribution shows its chain on hover.
        var nested = page.Locator("#text .hl-content", new() { HasText = "had stalled over border guarantees" });
        await nested.HoverAsync();
        string? chain = await nested.GetAttributeAsync("title");
        Assert.Contains("officials", chain);
        Assert.Contains("according to The Washington Post (reported)", chain);

        await page.Locator("#attributions a.speaker", new() { HasText = "Jane Holt" }).ClickAsync();
        await page.WaitForSelectorAsync("#speaker");
        Assert.Contains("Jane Holt", await page.InnerTextAsync("#speaker"));
        var statements = page.Locator("#statements > li");
        Assert.Equal(2, await statements.CountAsync());
        Assert.Contains("2016-09-12", await statements.Nth(0).InnerTextAsync());
        Assert.Contains("2016-10-03", await statements.Nth(1).InnerTextAsync());
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());
        Assert.Empty(dialogs);
    }

    [ChromiumFact]
    public async Task Hostile_text_is_shown_as_text_and_never_runs()
    {
        var dialogs = new List<string>();
        var page = await NewPageAsync(dialogs);
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.Locator("#articles a", new() { HasText = "Breaking" }).ClickAsync();
        await page.WaitForSelectorAsync("#text");

        Assert.Equal(TestDocuments.HostileTitle, await page.InnerTextAsync("h1#title"));
        Assert.Contains(TestDocuments.HostileQuote, await page.InnerTextAsync("#text"));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.Equal(0, await page.Locator("#text b").CountAsync());
        Assert.Equal(0, await page.Locator("[onerror], [onmouseover]").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        await page.Locator("#text .hl-content").First.HoverAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));

        await page.Locator("#attributions a.speaker").First.ClickAsync();
        await page.WaitForSelectorAsync("#speaker");
        Assert.Contains(TestDocuments.HostileSpeaker, await page.InnerTextAsync("#speaker"));

        await page.GotoAsync(fixture.BaseUrl + "/?q=" + Uri.EscapeDataString("\"><script>alert(1)</script>") + "&speaker=" + Uri.EscapeDataString("<img src=x onerror=alert(2)>"));
        Assert.Equal("\"><script>alert(1)</script>", await page.InputValueAsync("input[name=q]"));
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Empty(dialogs);
    }
}
