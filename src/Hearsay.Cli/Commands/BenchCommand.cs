using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Store.Ingest;

namespace Hearsay.Cli.Commands;

/// <summary>
/// `hearsay bench [INPUT...]`: the standard pipeline over a set of articles, end to end, in this process:
/// model load time, a first (cold) pass, then warm passes; words per second in all and per core, seconds
/// per stage, allocation per pass and peak memory. Default input: the PolNeAR dev texts.
/// </summary>
public sealed class BenchCommand : ICliCommand
{
    public int Order => 40;

    public Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article files (.txt, or .html/.htm pages read for their main text before the timing) or folders, searched recursively. Default: ../shared/corpora/polnear/dev/text.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        HearsayCli.RejectUnknownOptions(inputs);
        var passes = new Option<int>("--passes") { Description = "Warm passes after the first one.", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads", "-t") { Description = "Articles processed in parallel.", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var command = new Command("bench", "Time the whole pipeline end to end: words per second (per core), seconds per stage, peak memory.")
        {
            inputs, passes, threads, json, quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(inputs) ?? [], Math.Max(0, parse.GetValue(passes)), Math.Max(1, parse.GetValue(threads)),
            parse.GetValue(json), parse.GetValue(quiet), Console.Out));
        return command;
    }

    private sealed record Article(string Id, string Text);

    public static int Run(string[] inputs, int passes, int threads, string? jsonPath, bool quiet, TextWriter output)
    {
        if (inputs.Length == 0)
        {
            string? dev = EvalCommand.FindCorpus() is { } corpus ? Path.Combine(corpus, "dev", "text") : null;
            if (dev is null || !Directory.Exists(dev))
            {
                Console.Error.WriteLine($"hearsay bench: no inputs given, and {Path.Combine(TrainCommand.DefaultCorpus, "dev", "text")} was not found");
                return ExitCodes.UsageError;
            }
            inputs = [dev];
        }
        var items = InputSource.Expand(inputs, HtmlArticle.ArticleFileExtensions).Where(i => !i.IsStandardInput).ToList();
        var articles = new List<Article>();
        int failed = 0;
        foreach (var item in items)
        {
            try
            {
                // HTML pages are read for their main text once, before the timing: bench times the pipeline.
                var document = HtmlArticle.ReadArticleFile(item.Path);
                articles.Add(new Article(item.Stem, document.Text));
            }
            catch (Exception e) when (e is InvalidInputException or IOException or UnauthorizedAccessException)
            {
                failed++;
                Console.Error.WriteLine($"hearsay bench: {item.Path}: {ExtractCommand.Describe(e)}");
            }
        }
        if (articles.Count == 0)
        {
            Console.Error.WriteLine("hearsay bench: no article could be read");
            return ExitCodes.Failure;
        }

        var load = Stopwatch.StartNew();
        var pipeline = StandardPipeline.Create(StandardPipelineOptions.Default);
        load.Stop();
        var stages = pipeline.Stages;
        var cold = new double[stages.Count];
        var warm = new double[stages.Count];
        Array.Fill(warm, double.MaxValue);
        var walls = new List<double>();
        long words = 0, allocatedPerPass = 0;
        using (var progress = new ProgressLine(articles.Count * (passes + 1), enabled: !quiet && !Console.IsErrorRedirected))
        {
            for (int pass = 0; pass <= passes; pass++)
            {
                var seconds = new double[stages.Count];
                long wordsThisPass = 0;
                long allocated = GC.GetTotalAllocatedBytes();
                var wall = Stopwatch.StartNew();
                Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = threads },
                    () => new double[stages.Count],
                    (article, _, local) =>
                    {
                        var document = pipeline.Process(ArticleReader.FromText(article.Text, article.Id), local);
                        Interlocked.Add(ref wordsThisPass, document.WordCount);
                        return local;
                    },
                    local => { lock (seconds) for (int s = 0; s < seconds.Length; s++) seconds[s] += local[s]; });
                wall.Stop();
                progress.Advance(articles.Count);
                walls.Add(wall.Elapsed.TotalSeconds);
                if (pass == 0)
                {
                    words = wordsThisPass;
                    seconds.CopyTo(cold, 0);
                }
                else
                {
                    for (int s = 0; s < stages.Count; s++) warm[s] = Math.Min(warm[s], seconds[s]);
                    allocatedPerPass = GC.GetTotalAllocatedBytes() - allocated;
                }
            }
        }
        if (passes == 0) Array.Copy(cold, warm, cold.Length);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        double first = walls[0];
        var warmWalls = walls.Skip(1).Order().ToList();
        double best = warmWalls.Count > 0 ? warmWalls[0] : first;
        double median = warmWalls.Count > 0 ? warmWalls[warmWalls.Count / 2] : first;

        output.WriteLine($"hearsay bench: {articles.Count:N0} articles, {words:N0} words, {threads} thread{(threads == 1 ? "" : "s")}, " +
                         $"{passes} warm pass{(passes == 1 ? "" : "es")}; models loaded in {load.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"{"pass",-14} {"seconds",8} {"words/s",12} {"per core",12}");
        void Row(string name, double s) => output.WriteLine($"{name,-14} {s,8:F3} {words / s,12:N0} {words / s / threads,12:N0}");
        Row("first (cold)", first);
        Row("warm, best", best);
        Row("warm, median", median);
        output.WriteLine($"{"stage",-22} {"cold s",8} {"warm s",8} {"share",6}");
        double warmTotal = warm.Sum();
        for (int s = 0; s < stages.Count; s++)
            output.WriteLine($"{stages[s].Name,-22} {cold[s],8:F3} {warm[s],8:F3} {100 * warm[s] / warmTotal,5:F1}%");
        output.WriteLine($"peak memory {peak / 1048576.0:N0} MB (working set); {allocatedPerPass / 1048576.0:N1} MB allocated per warm pass" +
                         (threads > 1 ? "; stage seconds are summed over threads" : ""));
        if (failed > 0) output.WriteLine($"{failed} input{(failed == 1 ? "" : "s")} could not be read (see standard error)");

        if (jsonPath is not null)
        {
            try
            {
                using var file = File.Create(jsonPath);
                using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
                json.WriteStartObject();
                json.WriteNumber("articles", articles.Count);
                json.WriteNumber("failed", failed);
                json.WriteNumber("words", words);
                json.WriteNumber("threads", threads);
                json.WriteNumber("warmPasses", passes);
                json.WriteNumber("modelLoadSeconds", load.Elapsed.TotalSeconds);
                json.WriteNumber("firstPassSeconds", first);
                json.WriteNumber("warmBestSeconds", best);
                json.WriteNumber("warmMedianSeconds", median);
                json.WriteNumber("firstPassWordsPerSecond", words / first);
                json.WriteNumber("warmWordsPerSecond", words / best);
                json.WriteNumber("warmWordsPerSecondPerCore", words / best / threads);
                json.WriteNumber("peakWorkingSetBytes", peak);
                json.WriteNumber("allocatedBytesPerWarmPass", allocatedPerPass);
                json.WriteStartArray("stages");
                for (int s = 0; s < stages.Count; s++)
                {
                    json.WriteStartObject();
                    json.WriteString("name", stages[s].Name);
                    json.WriteNumber("coldSeconds", cold[s]);
                    json.WriteNumber("warmSeconds", warm[s]);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"hearsay bench: cannot write {jsonPath}: {e.Message}");
                return ExitCodes.Failure;
            }
        }
        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
