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
}
