using System.CommandLine;
using Hearsay.Evaluation;
using Hearsay.Pipeline;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay eval</c>: scores attributions against a gold folder in the corpus layout, from a pipeline run,
/// from a folder of .ann predictions, or (<c>--agreement</c>) annotator against annotator.
/// </summary>
public sealed class EvalCommand : ICliCommand
{
    private static readonly string CorpusFromRepo = Path.Combine("..", "shared", "corpora", "polnear");

    public int Order => 30;

    public Command Create()
    {
        var gold = new Option<string[]>("--gold")
        {
            Description = "Gold folder(s) in the corpus layout (text/, attributions/); repeatable. "
                + "Default: ../shared/corpora/polnear/dev (with --agreement: its train, dev and annotator-training).",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var pred = new Option<string?>("--pred")
        {
            Description = "Folder of predicted .ann files (<article>.ann or <article>_<anything>.ann) to score instead of running the pipeline.",
        };
        var json = new Option<string?>("--json") { Description = "Also write the full report, per article, as JSON to this file." };
        var format = new Option<string>("--format")
        {
            Description = "Standard output: a table, or the JSON report.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Articles processed in parallel (default: all cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var agreement = new Option<bool>("--agreement", "--annotators")
        {
            Description = "Human agreement: on articles with several annotators, score each other annotator against the first.",
        };
        var errors = new Option<string?>("--errors")
        {
            Description = "Write every missed, wrongly attributed and spurious attribution to this file, one tab-separated line each.",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every warning (missing files, odd prediction lines)." };
        var quotesOnly = new Option<bool>("--quotes-only") { Description = "Run the direct-quote stages without the learned attribution labeller." };

        var minConfidence = HearsayCli.MinConfidenceOption(
            "Leave out attributions the confidence model rates below this probability (default: the model's own threshold), to trade recall for precision.");

        var command = new Command("eval", "Score attributions against gold annotations (precision, recall, F1 per role and per attribution).")
        {
            gold, pred, json, format, threads, agreement, errors, verbose, quotesOnly, minConfidence,
        };
        command.SetAction(result => Run(
            result.GetValue(gold) ?? [],
            result.GetValue(pred),
            result.GetValue(json),
            result.GetValue(format) ?? "table",
            result.GetValue(threads),
            result.GetValue(agreement),
            result.GetValue(errors),
            result.GetValue(verbose),
            result.GetValue(quotesOnly),
            result.GetValue(minConfidence)));
        return command;
    }

    private static int Run(string[] goldFolders, string? pred, string? jsonPath, string format, int threads, bool agreement, string? errorsPath, bool verbose,
        bool quotesOnly = false, double? minConfidence = null)
    {
        if (threads < 1)
        {
            Console.Error.WriteLine("hearsay eval: --threads must be at least 1");
            return ExitCodes.UsageError;
        }
        if (agreement && pred is not null)
        {
            Console.Error.WriteLine("hearsay eval: --agreement scores annotators against each other; it takes no --pred");
            return ExitCodes.UsageError;
        }
        if (minConfidence is not null && (agreement || pred is not null || quotesOnly))
        {
            Console.Error.WriteLine("hearsay eval: --min-confidence sets the full pipeline's threshold; it takes no --pred, --agreement or --quotes-only");
            return ExitCodes.UsageError;
        }
        if (goldFolders.Length == 0)
        {
            var corpus = FindCorpus();
            if (corpus is null)
            {
                Console.Error.WriteLine($"hearsay eval: no --gold given and no corpus at {CorpusFromRepo} (from here or from the repository root)");
                return ExitCodes.UsageError;
            }
            string[] splits = agreement ? ["train", "dev", "annotator-training"] : ["dev"];
            goldFolders = splits.Select(s => Path.Combine(corpus, s)).Where(Directory.Exists).ToArray();
            if (goldFolders.Length == 0)
            {
                Console.Error.WriteLine($"hearsay eval: {corpus} has no {string.Join(" or ", splits)} folder; give --gold");
                return ExitCodes.UsageError;
            }
        }
        foreach (var folder in goldFolders)
        {
            if (!CorpusFolder.IsCorpusFolder(folder))
            {
                Console.Error.WriteLine($"hearsay eval: {folder} is not a corpus folder (no text/ folder in it)");
                return ExitCodes.UsageError;
            }
        }
        if (pred is not null && !Directory.Exists(pred))
        {
            Console.Error.WriteLine($"hearsay eval: {pred}: no such folder");
            return ExitCodes.UsageError;
        }

        EvaluationReport report;
        try
        {
            report = agreement ? CorpusEvaluation.ScoreAgreement(goldFolders, threads)
                : pred is not null ? CorpusEvaluation.ScorePredictions(goldFolders, pred, threads)
                : CorpusEvaluation.ScorePipeline(goldFolders,
                    StandardPipeline.Create(StandardPipelineOptions.Default with { FullAttribution = !quotesOnly, MinConfidence = minConfidence }), threads);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EvaluationException)
        {
            Console.Error.WriteLine($"hearsay eval: {e.Message}");
            return ExitCodes.Failure;
        }
        if (report.Articles.Count == 0)
        {
            Console.Error.WriteLine($"hearsay eval: nothing to score in {string.Join(", ", goldFolders)}");
            return ExitCodes.Failure;
        }

        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            EvaluationReportWriter.WriteJson(report, stdout);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Console.Out.Write(EvaluationReportWriter.FormatTable(report));
        }
        if (jsonPath is not null && !TryWrite(jsonPath, file => EvaluationReportWriter.WriteJson(report, file)))
            return ExitCodes.Failure;
        if (errorsPath is not null && !TryWrite(errorsPath, file =>
            {
                using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
                writer.Write("article\tkind\tdirect\tgold\tsystem\n");
                foreach (var line in report.Errors) writer.Write(line + "\n");
            }))
            return ExitCodes.Failure;

        if (verbose)
            foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
        else if (report.Warnings.Count > 0)
            Console.Error.WriteLine($"{report.Warnings.Count} warning(s); --verbose lists them");
        return ExitCodes.Success;
    }

    private static bool TryWrite(string path, Action<Stream> write)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            using var file = File.Create(path);
            write(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hearsay eval: cannot write {path}: {e.Message}");
            return false;
        }
    }

    /// <summary>The PolNeAR folder: ../shared/corpora/polnear from the current folder, else from the repository root.</summary>
    internal static string? FindCorpus()
    {
        string here = Path.GetFullPath(CorpusFromRepo);
        if (Directory.Exists(here)) return here;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx"))) continue;
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, CorpusFromRepo));
                if (Directory.Exists(candidate)) return candidate;
                break;
            }
        }
        return null;
    }
}
