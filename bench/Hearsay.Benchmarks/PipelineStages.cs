using System.Runtime.CompilerServices;
using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Benchmarks;

/// <summary>
/// Where the whole standard pipeline spends its time: the PolNeAR dev texts through each stage of
/// <see cref="StandardPipeline"/> in turn, single thread, the first (cold) pass and the best of 5 warm
/// passes per stage. Run: dotnet run -c Release --project bench/Hearsay.Benchmarks -- --pipeline-stages [CORPUS]
/// </summary>
internal static class PipelineStages
{
    public const string Argument = "--pipeline-stages";

    [ModuleInitializer]
    internal static void RunWhenAsked() => MeasurementMode.RunWhenAsked(Argument, Run);

    public static int Run(string? corpus, TextWriter output)
    {
        string? folder = corpus is null ? null : Path.Combine(corpus, "dev", "text");
        if (folder is null || !Directory.Exists(folder))
        {
            output.WriteLine("corpus not found: pass the folder holding dev/text");
            return 2;
        }
        var texts = Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Id: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path))).ToList();
        var pipeline = StandardPipeline.Create(StandardPipelineOptions.Default);
        var stages = pipeline.Stages;
        var cold = new double[stages.Count];
        var best = new double[stages.Count];
        Array.Fill(best, double.MaxValue);
        long words = 0;
        for (int pass = 0; pass <= 5; pass++)
        {
            var seconds = new double[stages.Count];
            foreach (var (id, text) in texts)
            {
                var document = pipeline.Process(ArticleReader.FromText(text, id), seconds);
                if (pass == 0) words += document.Tokens.Count(t => t.Shape == TokenShape.Word);
            }
            for (int s = 0; s < stages.Count; s++)
            {
                if (pass == 0) cold[s] = seconds[s];
                else best[s] = Math.Min(best[s], seconds[s]);
            }
        }
        output.WriteLine($"{texts.Count} articles, {words:N0} words; seconds per stage, cold (first pass) and warm (best of 5)");
        for (int s = 0; s < stages.Count; s++)
            output.WriteLine($"{stages[s].GetType().Name,-22} {cold[s],7:F3} {best[s],7:F3}");
        output.WriteLine($"{"total",-22} {cold.Sum(),7:F3} {best.Sum(),7:F3}   cold {words / cold.Sum():N0} words/s, warm {words / best.Sum():N0} words/s");
        return 0;
    }
}
