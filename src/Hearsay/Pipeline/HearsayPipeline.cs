using Hearsay.Text;

namespace Hearsay.Pipeline;

/// <summary>An immutable, thread-safe sequence of stages; build one with <see cref="PipelineBuilder"/>.</summary>
public sealed class HearsayPipeline
{
    internal HearsayPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    public Document Process(string text, string id = "document") => Process(new Document(text, id));

    public Document Process(Document document)
    {
        foreach (var stage in Stages)
        {
            stage.Process(document);
            document.Layers |= stage.Provides;
        }
        return document;
    }

    /// <summary>As <see cref="Process(Document)"/>, adding each stage's elapsed seconds to <paramref name="stageSeconds"/> (one per stage).</summary>
    public Document Process(Document document, double[] stageSeconds)
    {
        if (stageSeconds.Length < Stages.Count) throw new ArgumentException("one entry per stage is needed", nameof(stageSeconds));
        for (int s = 0; s < Stages.Count; s++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            Stages[s].Process(document);
            document.Layers |= Stages[s].Provides;
            stageSeconds[s] += System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        return document;
    }
}
