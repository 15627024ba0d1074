using System.Text.Json;
using Hearsay.Cli;
using Hearsay.Cli.Commands;

namespace Hearsay.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Bad_inputs_are_reported_and_the_rest_processed()
    {
        string input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(Path.Combine(input, "nested"));
        File.WriteAllText(Path.Combine(input, "good.txt"), "Budget\n\n“We kept our promises,” Mayor Linda Ortiz said.");
        File.WriteAllText(Path.Combine(input, "nested", "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(input, "binary.txt"), new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01 });
        File.WriteAllBytes(Path.Combine(input, "latin1.txt"), new byte[] { 0x43, 0x61, 0x66, 0xE9, 0x20, 0x21 });
        string output = Path.Combine(_dir, "out");

        var (exit, error) = StandardError.Capture(() => ExtractCommand.Run(new[] { input }, "json", output, threads: 2, quiet: false));

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("binary.txt") && l.Contains("binary"));
        Assert.Contains(lines, l => l.Contains("latin1.txt") && l.Contains("UTF-8"));
        Assert.True(File.Exists(Path.Combine(output, "empty.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "good.json")));
        Assert.Equal("Mayor Linda Ortiz", json.RootElement.GetProperty("attributions")[0].GetProperty("source").GetProperty("text").GetString());
    }

    [Fact]
    public void An_html_page_in_a_folder_is_read_for_its_main_text_and_offsets_index_that_text()
    {
        string input = Path.Combine(_dir, "site");
        Directory.CreateDirectory(Path.Combine(input, "archive"));
        File.WriteAllText(Path.Combine(input, "archive", "older.HTM"), "<html><body><p>Officials said the talks had stalled.</p></body></html>");
        File.WriteAllText(Path.Combine(input, "logo.png"), "not an article");
        File.WriteAllText(Path.Combine(input, "page.html"), "<html><head><title>Harbour budget</title><script>var said = 1;</script></head><body>"
            + "<nav><a href='/'>Home</a></nav><article><h1>Harbour budget</h1>"
            + "<p>The mayor said that the harbour budget would rise next year, and the council agreed to review it in the spring.</p>"
            + "<p>“We kept our promises,” Mayor Linda Ortiz said after the vote on Tuesday evening at the town hall.</p>"
            + "</article></body></html>");
        string output = Path.Combine(_dir, "out-html");

        int exit = ExtractCommand.Run(new[] { input }, "json", output, threads: 1, quiet: true);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(["older.json", "page.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "page.json")));
        string text = json.RootElement.GetProperty("text").GetString()!;
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain("var said", text);
        var attributions = json.RootElement.GetProperty("attributions").EnumerateArray().ToList();
        Assert.NotEmpty(attributions);
        foreach (var a in attributions)
        {
            var cue = a.GetProperty("cue");
            int start = cue.GetProperty("start").GetInt32(), end = cue.GetProperty("end").GetInt32();
            Assert.Equal(cue.GetProperty("text").GetString(), text[start..end]);
        }
        Assert.Contains(attributions, a => a.GetProperty("source").GetProperty("text").GetString() == "Mayor Linda Ortiz");
    }

    [Fact]
    public void A_page_url_is_fetched_and_read_and_a_feed_or_a_missing_page_gets_one_line()
    {
        using var server = new Hearsay.Testing.LocalHttpServer();
        server.Add("/politics/harbour-budget.html", "text/html; charset=utf-8", "<html><head><title>Harbour budget</title></head><body>"
            + "<article><h1>Harbour budget</h1><p>The mayor said that the harbour budget would rise next year, and the council "
            + "agreed to review it in the spring.</p></article></body></html>");
        server.Add("/feed.rss", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Gazette</title></channel></rss>");
        string output = Path.Combine(_dir, "out-url");

        var (exit, error) = StandardError.Capture(() => ExtractCommand.Run(
            [server.BaseUrl + "politics/harbour-budget.html", server.BaseUrl + "feed.rss", server.BaseUrl + "gone"], "json", output, threads: 2, quiet: true));

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("feed.rss") && l.Contains("a feed, not a page"));
        Assert.Contains(lines, l => l.Contains("/gone") && l.Contains("HTTP 404"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "harbour-budget.json")));
        Assert.StartsWith("Harbour budget\n\nThe mayor said", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(server.BaseUrl + "politics/harbour-budget.html", json.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public void A_sources_file_extends_the_outlets()
    {
        string input = Path.Combine(_dir, "story.txt");
        File.WriteAllText(input, "Talks\n\n“We have the documents,” the Courier reported.");
        string sources = Path.Combine(_dir, "sources.tsv");
        File.WriteAllText(sources, "# our local paper\noutlet\tThe Harbour Courier|the Courier|Courier\n");
        string output = Path.Combine(_dir, "out2");
        int exit = ExtractCommand.Run(new[] { input }, "json", output, threads: 1, quiet: true, sourcesFile: sources);
        Assert.Equal(ExitCodes.Success, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "story.json")));
        var entity = json.RootElement.GetProperty("entities")[0];
        Assert.Equal("The Harbour Courier", entity.GetProperty("name").GetString());
        Assert.Equal("outlet", entity.GetProperty("kind").GetString());
    }

    [Fact]
    public void Each_attribution_carries_a_confidence_and_a_higher_cut_keeps_fewer()
    {
        string input = Path.Combine(_dir, "council.txt");
        File.WriteAllText(input, "Council\n\nThe mayor said that taxes would rise next year. Critics believe the plan will fail, "
            + "and some residents hope the council changes course. “We will not back down,” she said.");
        int Count(double? least, string name)
        {
            string output = Path.Combine(_dir, name);
            Assert.Equal(ExitCodes.Success, ExtractCommand.Run(new[] { input }, "json", output, threads: 1, quiet: true, minConfidence: least));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "council.json")));
            var attributions = json.RootElement.GetProperty("attributions").EnumerateArray().ToList();
            foreach (var a in attributions)
                Assert.InRange(a.GetProperty("confidence").GetDouble(), least ?? 0, 1);
            return attributions.Count;
        }
        int all = Count(0, "all");
        Assert.True(all >= 3, $"expected the three cues to be found, got {all}");
        Assert.True(Count(0.999, "sure") < all);
    }

    [Theory]
    [InlineData("--min-confidence", "2")]
    [InlineData("--threads", "many")]
    [InlineData("--no-such-option", "x")]
    public async Task Usage_errors_exit_with_the_usage_code(string option, string value)
    {
        string input = Path.Combine(_dir, "usage.txt");
        File.WriteAllText(input, "News\n\nThe mayor said taxes would rise.");
        var (exit, error) = await StandardError.CaptureAsync(() => HearsayCli.RunAsync(["extract", input, option, value, "--quiet"]));
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("--pred")]
    [InlineData("out of range")]
    public async Task Eval_takes_a_confidence_threshold_only_for_the_pipeline_it_runs(string mode)
    {
        string[] args = mode == "--pred"
            ? ["eval", "--gold", _dir, "--pred", _dir, "--min-confidence", "0.5"]
            : ["eval", "--gold", _dir, "--min-confidence", "1.5"];
        var (exit, error) = await StandardError.CaptureAsync(() => HearsayCli.RunAsync(args));
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("--min-confidence", error);
    }
}
