using System.CommandLine;
using System.Runtime.InteropServices;
using Hearsay.Pipeline;
using Hearsay.Store;
using Hearsay.Store.Ingest;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hearsay.Cli.Commands;

/// <summary>The <c>--db</c> option every store command takes, and opening the store it names.</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = $"The store: a SQLite file (default {StoreFactory.DefaultPath}, created on first use) or a PostgreSQL connection string " +
                      $"(\"Host=...;Database=...;Username=...;Password=...\"). Default: ${StoreFactory.EnvironmentVariable}, else {StoreFactory.DefaultPath}.",
    };

    /// <summary>Opens the store, or writes one line saying why it cannot and returns null.</summary>
    public static async Task<IArticleStore?> OpenAsync(string? option, CancellationToken cancellationToken)
    {
        string db = StoreFactory.Resolve(option);
        try
        {
            return await StoreFactory.OpenAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string shown = StoreFactory.IsConnectionString(db) ? "the PostgreSQL store" : db;
            Console.Error.WriteLine($"hearsay: cannot open {shown}: {e.Message.Split('\n')[0]}");
            return null;
        }
    }
}

/// <summary>
/// `hearsay ingest INPUT...`: reads articles (.txt, HTML, RSS/Atom from a file or URL, JSONL; folders recursively),
/// extracts attributions on every core and stores them. Articles already stored (same text) are skipped, so an
/// interrupted run can simply be run again. Bad items are reported one line each and skipped; the exit code is 1 if any were.
/// </summary>
public sealed class IngestCommand : ICliCommand
{
    public int Order => 50;

    public Command Create()
    {
        var inputs = new Argument<string[]>("INPUT") { Description = "Files, folders, feed or page URLs (http/https).", Arity = ArgumentArity.OneOrMore };
        HearsayCli.RejectUnknownOptions(inputs);
        var db = StoreOption.Create();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Articles read and extracted at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noProgress = new Option<bool>("--no-progress") { Description = "Do not draw the progress bar." };
        var command = new Command("ingest", "Read articles, extract who said what, and store them (SQLite or PostgreSQL).") { inputs, db, jobs, noProgress };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(inputs)!, parse.GetValue(db), parse.GetValue(jobs), parse.GetValue(noProgress), ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, string? dbOption, int jobs, bool noProgress, CancellationToken invocationToken)
    {
        // Ctrl+C or SIGTERM: stop reading, let the article being stored commit, report, and exit 130.
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(invocationToken);
        void Stop(PosixSignalContext context) { context.Cancel = true; interrupt.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var ct = interrupt.Token;

        if (jobs < 1) { Console.Error.WriteLine("hearsay: --jobs must be at least 1"); return ExitCodes.UsageError; }
        await using var store = await StoreOption.OpenAsync(dbOption, ct);
        if (store is null) return ExitCodes.Failure;

        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        bool bar = !noProgress && err.Profile.Capabilities.Interactive;
        // Through the live display while the bar is drawn; otherwise plain, one unwrapped line per item.
        void ReportFailure(IngestFailure f)
        {
            string line = $"hearsay: skipped {f.Label}: {f.Reason}";
            if (bar) err.WriteLine(line); else Console.Error.WriteLine(line);
        }

        using var http = IngestSources.CreateHttpClient();
        int inputFailures = 0;
        List<IngestItem> items;
        try
        {
            items = await new IngestSources(http).ExpandAsync(inputs, f => { inputFailures++; ReportFailure(f); }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("hearsay: interrupted while reading the inputs; nothing was stored.");
            return 130;
        }
        if (items.Count == 0)
        {
            Console.Error.WriteLine("hearsay: nothing to ingest");
            return inputFailures > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Failure;
        }

        var pipeline = StandardPipeline.Create();
        var ingester = new Ingester(store, pipeline, new IngestOptions { Parallelism = jobs });
        IngestReport report;
        if (bar)
        {
            report = await err.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(), new RateColumn(),
                         new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("ingest", maxValue: items.Count);
                    ingester.Failed += ReportFailure;
                    var r = await ingester.RunAsync(items, new SynchronousProgress(p => task.Value = Math.Max(task.Value, p.Done)), ct);
                    task.Value = r.Stored + r.Duplicates + r.Failures.Count;
                    return r;
                });
        }
        else
        {
            ingester.Failed += ReportFailure;
            report = await ingester.RunAsync(items, null, ct);
        }

        int failed = report.Failures.Count + inputFailures;
        Console.WriteLine(
            $"{(report.Interrupted ? "interrupted: " : "")}stored {report.Stored}, already stored {report.Duplicates}, failed {failed} " +
            $"of {items.Count + inputFailures} in {report.Elapsed.TotalSeconds:F1} s ({report.ArticlesPerSecond:F1} articles/s) into {store.Description}");
        if (report.Interrupted)
        {
            Console.Error.WriteLine("hearsay: interrupted; what was stored is kept. Run the same command again to finish.");
            return 130;
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        private readonly Lock _lock = new();
        public void Report(IngestProgress value) { lock (_lock) report(value); }
    }

    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup($"{task.Value:F0}/{task.MaxValue:F0}");
    }

    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(task.Speed is { } speed ? $"{speed:F1} articles/s" : "-- articles/s");
    }
}
