using Hearsay.Text;

namespace Hearsay.Pipeline;

/// <summary>An immutable, thread-safe sequence of stages; build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class HearsayPipeline
{
    internal HearsayPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    public Document Process(string text, string id = "document") => Process(new Document(text, id));

    public Document Process(Document document) => Process(document, null);

    /// <summary>As <see cref="Process(Document)"/>, adding each stage's elapsed seconds to <paramref name="stageSeconds"/> (one per stage) when given.</summary>
    public Document Process(Document document, double[]? stageSeconds)
    {
        if (stageSeconds is not null && stageSeconds.Length < Stages.Count) throw new ArgumentException("one entry per stage is needed", nameof(stageSeconds));
        for (int s = 0; s < Stages.Count; s++)
        {
            long start = stageSeconds is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            Stages[s].Process(document);
            document.Layers |= Stages[s].Provides;
            if (stageSeconds is not null) stageSeconds[s] += System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return document;
    }
}
