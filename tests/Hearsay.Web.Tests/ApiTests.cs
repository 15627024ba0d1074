using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hearsay.Testing;

namespace Hearsay.Web.Tests;

/// <summary>The JSON API and the pages through the ASP.NET Core test host.</summary>
public class ApiTests(HearsayFactory factory) : IClassFixture<HearsayFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private SeededStore Seed => factory.Seed;

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (detailContains is not null) Assert.Contains(detailContains, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_lists_articles_with_id_and_title()
    {
        var list = await Json(await _client.GetAsync("/api/articles"));
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal(Seed.NegotiationsId, list[0].GetProperty("id").GetInt64());
        Assert.Equal("Talks resume as envoys weigh ceasefire", list[0].GetProperty("title").GetString());
        Assert.Equal(4, list[0].GetProperty("attributions").GetInt32());
        Assert.Equal(1, (await Json(await _client.GetAsync("/api/articles?limit=1&offset=2"))).GetArrayLength());
    }

    [Fact]
    public async Task Api_returns_an_article_with_spans_and_chains()
    {
        var article = await Json(await _client.GetAsync($"/api/articles/{Seed.NegotiationsId}"));
        Assert.StartsWith("Talks resume", article.GetProperty("text").GetString());
        var attributions = article.GetProperty("attributions").EnumerateArray().ToList();
        Assert.Equal(4, attributions.Count);
        var holt = attributions.Single(a => a.GetProperty("localId").GetString() == "a1");
        Assert.Equal("Direct", holt.GetProperty("kind").GetString());
        Assert.Equal("Jane Holt", holt.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("Person", holt.GetProperty("speaker").GetProperty("kind").GetString());
        Assert.Equal("said on Monday", holt.GetProperty("cue").GetProperty("text").GetString());
        var content = holt.GetProperty("content")[0];
        Assert.Equal("We are committed to negotiations,", content.GetProperty("text").GetString());
        Assert.True(content.GetProperty("end").GetInt32() > content.GetProperty("start").GetInt32());
        var post = attributions.Single(a => a.GetProperty("localId").GetString() == "a2");
        var officials = attributions.Single(a => a.GetProperty("localId").GetString() == "a3");
        Assert.Equal(post.GetProperty("id").GetInt64(), officials.GetProperty("parentId").GetInt64());
    }

    [Fact]
    public async Task Api_answers_missing_things_with_404_problem_json()
    {
        await AssertProblem(await _client.GetAsync("/api/articles/987654"), HttpStatusCode.NotFound, "987654");
        await AssertProblem(await _client.GetAsync("/api/speakers/987654"), HttpStatusCode.NotFound);
        await AssertProblem(await _client.GetAsync("/api/articles/not-a-number"), HttpStatusCode.NotFound);
        await AssertProblem(await _client.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_search_finds_content_and_filters()
    {
        var hits = await Json(await _client.GetAsync("/api/search?q=negotiation"));
        Assert.Equal(3, hits.GetArrayLength());
        Assert.All(hits.EnumerateArray(), h => Assert.DoesNotContain("\u0002", h.GetProperty("snippet").GetString()));
        var anonymous = await Json(await _client.GetAsync("/api/search?q=negotiations&kind=anonymous"));
        Assert.Equal("officials", anonymous[0].GetProperty("speaker").GetProperty("name").GetString());
        var since = await Json(await _client.GetAsync("/api/search?speaker=holt&since=2016-10-01"));
        Assert.Equal(Seed.BudgetId, since[0].GetProperty("articleId").GetInt64());
        Assert.Equal(1, since.GetArrayLength());
        // The diplomat's warning was rated 0.8, the others 1.
        var unnamed = await Json(await _client.GetAsync("/api/search?kind=anonymous"));
        var likely = await Json(await _client.GetAsync("/api/search?kind=anonymous&minConfidence=0.9"));
        Assert.Contains(unnamed.EnumerateArray(), h => h.GetProperty("speaker").GetProperty("name").GetString() == "a senior diplomat");
        Assert.Equal(unnamed.GetArrayLength() - 1, likely.GetArrayLength());
        Assert.DoesNotContain(likely.EnumerateArray(), h => h.GetProperty("speaker").GetProperty("name").GetString() == "a senior diplomat");
    }

    [Fact]
    public async Task Api_search_rejects_bad_parameters_with_400_problem_json()
    {
        await AssertProblem(await _client.GetAsync("/api/search"), HttpStatusCode.BadRequest, "q");
        await AssertProblem(await _client.GetAsync("/api/search?q=x&kind=bogus"), HttpStatusCode.BadRequest, "unknown kind");
        await AssertProblem(await _client.GetAsync("/api/search?q=x&since=someday"), HttpStatusCode.BadRequest, "since");
        await AssertProblem(await _client.GetAsync("/api/search?q=x&minConfidence=1.5"), HttpStatusCode.BadRequest, "minConfidence");
        await AssertProblem(await _client.GetAsync("/api/search?q=x&limit=many"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Api_speaker_lists_statements_oldest_first()
    {
        var hits = await Json(await _client.GetAsync("/api/search?speaker=holt"));
        long holt = hits[0].GetProperty("speaker").GetProperty("id").GetInt64();
        var speaker = await Json(await _client.GetAsync($"/api/speakers/{holt}"));
        Assert.Equal("Jane Holt", speaker.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal([Seed.NegotiationsId, Seed.BudgetId], speaker.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("articleId").GetInt64()));
    }

    [Fact]
    public async Task Api_extract_runs_the_pipeline_without_storing()
    {
        var response = await _client.PostAsJsonAsync("/api/extract", new { text = "Council approves budget\n\n\"It is balanced,\" the mayor said." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json(response);
        Assert.Equal("Council approves budget", result.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, result.GetProperty("attributions").ValueKind);
        Assert.Equal(3, (await Json(await _client.GetAsync("/api/articles"))).GetArrayLength());
    }

    [Fact]
    public async Task Api_extract_rejects_empty_malformed_and_oversized_bodies()
    {
        await AssertProblem(await _client.PostAsJsonAsync("/api/extract", new { text = "  " }), HttpStatusCode.BadRequest, "text");
        await AssertProblem(await _client.PostAsync("/api/extract", new StringContent("{not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var big = new StringContent(JsonSerializer.Serialize(new { text = new string('a', 2 * 1024 * 1024) }), Encoding.UTF8, "application/json");
        await AssertProblem(await _client.PostAsync("/api/extract", big), HttpStatusCode.RequestEntityTooLarge, "limit");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var doc = await Json(await _client.GetAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/articles/{id}", "/api/search", "/api/extract", "/api/speakers/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        Assert.True(paths.GetProperty("/api/extract").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Pages_escape_hostile_titles_text_and_names()
    {
        foreach (var url in new[] { "/", $"/articles/{Seed.HostileId}", "/?q=tag", "/?speaker=mallory" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror=\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onmouseover=\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>Evil", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>not", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", html);
            Assert.Contains("script-src", response.Headers.GetValues("Content-Security-Policy").Single() + " script-src");
            Assert.DoesNotContain("'unsafe-inline' ; script", response.Headers.GetValues("Content-Security-Policy").Single());
        }
        string search = await _client.GetStringAsync("/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.DoesNotContain("<script", search, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;", search);
    }

    [Fact]
    public async Task Article_page_highlights_source_cue_and_content_with_the_chain()
    {
        string html = await _client.GetStringAsync($"/articles/{Seed.NegotiationsId}");
        Assert.Contains("class=\"hl hl-source\"", html);
        Assert.Contains("class=\"hl hl-cue\"", html);
        Assert.Contains("class=\"hl hl-content\"", html);
        Assert.Contains("according to The Washington Post (reported)", html);
        // The diplomat's warning was rated 0.8; the others keep 1, which is no rating.
        Assert.Contains(">Confidence</th>", html);
        Assert.Contains("<td class=\"meta\">80%</td>", html);
        Assert.Contains("confidence 80%", html);   // in the diplomat's hover text
    }

    [Fact]
    public async Task Search_page_filters_by_confidence()
    {
        // Three unnamed sources; the diplomat's warning was rated 0.8.
        Assert.Contains("<p class=\"meta\">3 attributions</p>", await _client.GetStringAsync("/?kind=anonymous"));
        string likely = await _client.GetStringAsync("/?kind=anonymous&confidence=0.9");
        Assert.Contains("<p class=\"meta\">2 attributions</p>", likely);
        Assert.Contains("<option value=\"0.9\" selected>", likely);
        Assert.Contains("must be a number from 0 to 1", await _client.GetStringAsync("/?kind=anonymous&confidence=lots"));
    }

    [Fact]
    public async Task Pages_answer_404_for_unknown_articles_and_speakers()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/articles/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/speakers/987654")).StatusCode);
    }
}
