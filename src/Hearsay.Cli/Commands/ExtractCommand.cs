using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Hearsay.Input;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Stages.Speakers;
using Hearsay.Store.Ingest;
using Hearsay.Text;

namespace Hearsay.Cli.Commands;

/// <summary>`hearsay extract INPUT... [--format json|jsonl|brat|text|conllu] [--out DIR] [--threads N]`.</summary>
public sealed class ExtractCommand : ICliCommand
{
    public int Order => 10;

    public static readonly string[] Formats = { "json", "jsonl", "brat", "text", "conllu" };

    public Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Article .txt files, HTML pages (.html, .htm, or an http(s) URL: their main text), directories (searched recursively for *.txt, *.html and *.htm), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        HearsayCli.RejectUnknownOptions(inputs);
        var format = new Option<string>("--format", "-f")
        {
            Description = "json (one <stem>.json per input), jsonl (one line per input), brat (<stem>.ann), text (readable), conllu (<stem>.conllu).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for per-input files. Default: the current folder for json/brat/conllu; standard output for text, jsonl and standard input.",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Documents processed in parallel (default: all cores; 1 for per-core measurements).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary or progress on standard error." };
        var sources = new Option<string?>("--sources")
        {
            Description = "A file that extends the built-in outlets, government bodies and other sources: lines \"kind<TAB>Name|alias|alias\".",
        };

        var minConfidence = HearsayCli.MinConfidenceOption(
            "Leave out attributions whose confidence (the estimated probability that they are right, 0 to 1) is below this (default: the model's own threshold).");

        var command = new Command("extract", "Find who said what in articles and write the attributions.")
        {
            inputs, format, output, threads, quiet, sources, minConfidence,
        };
        command.SetAction(result => Run(
            result.GetValue(inputs)!, result.GetValue(format)!, result.GetValue(output), Math.Max(1, result.GetValue(threads)),
            result.GetValue(quiet), result.GetValue(sources), result.GetValue(minConfidence)));
        return command;
    }

    private sealed record Outcome(InputItem Item, Document? Document, string? Error, long Words);

    public static int Run(string[] inputs, string format, string? outDir, int threads, bool quiet, string? sourcesFile = null, double? minConfidence = null)
    {
        SourceLexicon? lexicon = null;
        if (sourcesFile is not null)
        {
            try { lexicon = SourceLexicon.Load(sourcesFile); }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"hearsay: --sources {sourcesFile}: {e.Message}");
                return ExitCodes.UsageError;
            }
        }
        var items = InputSource.Expand(inputs, HtmlArticle.ArticleFileExtensions).ToList();
        if (items.Count == 0)
        {
            Console.Error.WriteLine("hearsay: no inputs found");
            return ExitCodes.Failure;
        }

        // Files per input, except for standard input alone without --out, which answers on standard output.
        bool perFile = outDir is not null || (format is "json" or "brat" or "conllu" && !items.All(i => i.IsStandardInput));
        if (perFile) Directory.CreateDirectory(outDir ??= ".");
        var pipeline = StandardPipeline.Create(StandardPipelineOptions.Default with { Lexicon = lexicon, MinConfidence = minConfidence });
        var watch = Stopwatch.StartNew();
        var stems = new StemAllocator();
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        bool colour = format == "text" && !perFile && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

        int failed = 0, processed = 0;
        long words = 0;
        var outcomes = items
            .AsParallel().AsOrdered().WithDegreeOfParallelism(threads)
            .Select(item => Process(pipeline, item));
        using (var progress = new ProgressLine(items.Count, enabled: !quiet && items.Count > 1 && !Console.IsErrorRedirected))
        {
            foreach (var outcome in outcomes)
            {
                progress.Advance();
                if (outcome.Error is not null)
                {
                    failed++;
                    Console.Error.WriteLine($"hearsay: {outcome.Item.Path}: {outcome.Error}");
                    continue;
                }
                processed++;
                words += outcome.Words;
                try
                {
                    Write(outcome.Document!, format, perFile ? Path.Combine(outDir!, stems.Next(outcome.Item.Stem)) : null, stdout, colour);
                }
                catch (IOException e)
                {
                    failed++;
                    Console.Error.WriteLine($"hearsay: {outcome.Item.Path}: cannot write output: {e.Message}");
                }
            }
        }
        stdout.Flush();
        watch.Stop();
        if (!quiet)
        {
            double seconds = Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
            Console.Error.WriteLine($"hearsay: {processed} of {items.Count} documents, {words:N0} words in {seconds:F2}s " +
                                    $"({words / seconds:N0} words/s on {threads} thread{(threads == 1 ? "" : "s")}){(failed > 0 ? $"; {failed} failed" : "")}");
        }
        return failed == 0 ? ExitCodes.Success : processed == 0 ? ExitCodes.Failure : ExitCodes.SomeInputsFailed;
    }

    private static Outcome Process(HearsayPipeline pipeline, InputItem item)
    {
        try
        {
            Document document;
            if (item.IsStandardInput)
            {
                using var buffer = new MemoryStream();
                Console.OpenStandardInput().CopyTo(buffer);
                string text = ArticleReader.Decode(buffer.ToArray());
                document = HtmlArticle.LooksLikeHtml(text) ? HtmlArticle.Parse(text, null, "-") : ArticleReader.FromText(text, "stdin");
                document.Metadata.Origin = "-";
            }
            else if (item.IsUrl) document = Web.Value.FetchPageAsync(item.Path).GetAwaiter().GetResult();
            else document = HtmlArticle.ReadArticleFile(item.Path);
            pipeline.Process(document);
            return new Outcome(item, document, null, document.WordCount);
        }
        catch (Exception e) { return new Outcome(item, null, Describe(e), 0); }
    }

    /// <summary>Fetches the pages named by URL; made on the first one.</summary>
    private static readonly Lazy<IngestSources> Web = new(() => new IngestSources(IngestSources.CreateHttpClient()));

    /// <summary>The one line a bad input gets: what went wrong reading or processing it.</summary>
    internal static string Describe(Exception e) => e switch
    {
        InvalidInputException => e.Message,
        HttpRequestException or TaskCanceledException => IngestSources.Describe(e),
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such file or folder",
        UnauthorizedAccessException => "permission denied",
        IOException => $"cannot read: {e.Message}",
        _ => $"internal error ({e.GetType().Name}: {e.Message})",
    };

    private static void Write(Document document, string format, string? pathWithoutExtension, StreamWriter stdout, bool colour)
    {
        switch (format)
        {
            case "json" when pathWithoutExtension is not null:
                using (var file = File.Create(pathWithoutExtension + ".json")) JsonDocumentWriter.Write(document, file);
                break;
            case "json":
            case "jsonl" when pathWithoutExtension is null:
                stdout.Flush();
                JsonDocumentWriter.Write(document, stdout.BaseStream, indented: format == "json");
                stdout.WriteLine();
                break;
            case "jsonl":
                using (var file = File.Create(pathWithoutExtension + ".jsonl"))
                {
                    JsonDocumentWriter.Write(document, file, indented: false);
                    file.WriteByte((byte)'\n');
                }
                break;
            case "brat":
                WriteFile(pathWithoutExtension, ".ann", stdout, w => BratWriter.Write(document, w));
                break;
            case "conllu":
                WriteFile(pathWithoutExtension, ".conllu", stdout, w => ConlluWriter.Write(document, w));
                break;
            default:
                WriteFile(pathWithoutExtension, ".txt", stdout, w =>
                {
                    TextRenderer.Write(document, w, colour);
                    w.WriteLine();
                });
                break;
        }
    }

    private static void WriteFile(string? pathWithoutExtension, string extension, TextWriter stdout, Action<TextWriter> write)
    {
        if (pathWithoutExtension is null) { write(stdout); return; }
        using var file = new StreamWriter(pathWithoutExtension + extension, false, new UTF8Encoding(false));
        write(file);
    }

    /// <summary>Gives each input a distinct output stem, so two inputs named alike do not overwrite each other.</summary>
    private sealed class StemAllocator
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public string Next(string stem)
        {
            if (!_seen.TryGetValue(stem, out int count)) { _seen[stem] = 1; return stem; }
            _seen[stem] = count + 1;
            return $"{stem}-{count + 1}";
        }
    }
}
