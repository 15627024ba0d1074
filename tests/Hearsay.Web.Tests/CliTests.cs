using System.CommandLine;
using Hearsay.Cli;
using Hearsay.Cli.Commands;

namespace Hearsay.Web.Tests;

[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>The store commands end to end on a temporary SQLite file (console output captured, so not run in parallel).</summary>
[Collection("console")]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hearsay-cli-tests", Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_dir, "hearsay.db");

    public CliTests() => Directory.CreateDirectory(_dir);
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static async Task<(int Code, string Out, string Err)> RunAsync(ICliCommand command, params string[] args)
    {
        var root = new RootCommand { command.Create() };
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try { return (await root.Parse(args).InvokeAsync(), stdout.ToString(), stderr.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Ingest_search_and_who_work_together()
    {
        Write("talks.txt", "Talks stall\n\nBy Ann Writer\n\n\"The negotiations have stalled,\" Secretary Jane Holt said on Monday.\n\nOfficials said the talks would resume.");
        Write("budget.txt", "Budget passes\n\n\"The budget is balanced,\" Jane Holt told reporters on Tuesday.");
        var ingest = await RunAsync(new IngestCommand(), "ingest", Path.Combine(_dir, "in"), "--db", Db, "--no-progress");
        Assert.True(ingest.Code == ExitCodes.Success, ingest.Err);
        Assert.Contains("stored 2, already stored 0, failed 0", ingest.Out);

        var again = await RunAsync(new IngestCommand(), "ingest", Path.Combine(_dir, "in"), "--db", Db, "--no-progress");
        Assert.Contains("stored 0, already stored 2, failed 0", again.Out);

        // What the extractor finds is not under test here; the commands must run and answer in their format.
        var search = await RunAsync(new SearchCommand(), "search", "negotiations", "--db", Db, "--since", "2000-01-01");
        Assert.Equal(ExitCodes.Success, search.Code);
        Assert.Contains("attribution", search.Err);
        var who = await RunAsync(new WhoCommand(), "who", "nobody-by-this-name", "--db", Db);
        Assert.Equal(ExitCodes.SomeInputsFailed, who.Code);
        Assert.Contains("no speaker", who.Err);
    }

    [Fact]
    public async Task Ingest_reports_bad_items_one_line_each_and_exits_1()
    {
        Write("good.txt", "Good\n\nThe minister said yes.");
        File.WriteAllBytes(Path.Combine(_dir, "in", "bad.txt"), [0xff, 0xfe, 0x00, 0x41]);
        Write("lines.jsonl", "{\"text\": \"Fine\\n\\nA line.\"}\n{\"title\": \"no text\"}\n");
        var result = await RunAsync(new IngestCommand(), "ingest", Path.Combine(_dir, "in"), Path.Combine(_dir, "missing.rss"), "--db", Db, "--no-progress");
        Assert.Equal(ExitCodes.SomeInputsFailed, result.Code);
        Assert.Contains("stored 2, already stored 0, failed 3", result.Out);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("hearsay: skipped ")));
        Assert.Contains(lines, l => l.Contains("bad.txt") && l.Contains("binary"));
        Assert.Contains(lines, l => l.Contains("lines.jsonl:2"));
        Assert.Contains(lines, l => l.Contains("missing.rss") && l.Contains("no such file"));
    }

    [Fact]
    public async Task Search_rejects_bad_arguments_with_usage_errors()
    {
        Assert.Equal(ExitCodes.UsageError, (await RunAsync(new SearchCommand(), "search", "--db", Db)).Code);
        Assert.Equal(ExitCodes.UsageError, (await RunAsync(new SearchCommand(), "search", "x", "--since", "someday", "--db", Db)).Code);
        var kind = await RunAsync(new SearchCommand(), "search", "x", "--kind", "bogus", "--db", Db);
        Assert.Equal(ExitCodes.UsageError, kind.Code);
        Assert.Contains("unknown kind", kind.Err);
    }

    [Fact]
    public async Task Store_commands_fail_with_one_line_when_the_store_cannot_be_opened()
    {
        var result = await RunAsync(new SearchCommand(), "search", "x", "--db", Path.Combine(_dir, "no", "such", "folder", "h.db"));
        Assert.Equal(ExitCodes.Failure, result.Code);
        Assert.StartsWith("hearsay: cannot open", result.Err);
    }
}
