using System.Text.Json;
using Hearsay.Cli;
using Hearsay.Cli.Commands;

namespace Hearsay.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class BenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Times_every_stage_over_the_readable_articles_and_reports_the_bad_one()
    {
        // 9 + 7 words: "Budget We kept our promises Mayor Linda Ortiz said", "Talks Officials said the talks had stalled".
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Budget\n\n“We kept our promises,” Mayor Linda Ortiz said.");
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "Talks\n\nOfficials said the talks had stalled.");
        File.WriteAllBytes(Path.Combine(_dir, "binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        string json = Path.Combine(_dir, "bench.json");
        var output = new StringWriter();
        var (exit, error) = StandardError.Capture(() => BenchCommand.Run([_dir], passes: 2, threads: 1, json, quiet: true, output));

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Contains("binary.txt", error);
        Assert.Contains("2 articles, 16 words, 1 thread", output.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var root = report.RootElement;
        Assert.Equal(2, root.GetProperty("articles").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        Assert.Equal(16, root.GetProperty("words").GetInt64());
        Assert.True(root.GetProperty("warmWordsPerSecond").GetDouble() > 0);
        Assert.True(root.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
        var stages = root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("tokenizer", stages);
        Assert.Contains("quote-attributor", stages);
    }

    [Fact]
    public void An_html_page_is_timed_on_its_main_text_not_its_markup()
    {
        File.WriteAllText(Path.Combine(_dir, "page.html"), "<html><head><title>Vote</title><script>var said = 1;</script></head>"
            + "<body><nav><a href='/'>Home</a></nav><article><p>Officials said the vote had passed.</p></article></body></html>");
        var output = new StringWriter();
        var (exit, _) = StandardError.Capture(() => BenchCommand.Run([_dir], passes: 1, threads: 1, jsonPath: null, quiet: true, output));
        Assert.Equal(ExitCodes.Success, exit);
        // "Vote" and "Officials said the vote had passed": 7 words.
        Assert.Contains("1 articles, 7 words", output.ToString());
    }

    [Fact]
    public void Nothing_readable_is_a_failure()
    {
        File.WriteAllBytes(Path.Combine(_dir, "binary.txt"), [0x00, 0x01, 0x02]);
        var (exit, error) = StandardError.Capture(() => BenchCommand.Run([_dir], passes: 1, threads: 1, jsonPath: null, quiet: true, TextWriter.Null));
        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("no article could be read", error);
    }
}
