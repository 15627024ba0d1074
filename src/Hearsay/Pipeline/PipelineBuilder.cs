using Hearsay.Text;

namespace Hearsay.Pipeline;

/// <summary>
/// Composes stages in order. <see cref="Build"/> fails early, naming the stage and the missing layers,
/// when a stage requires a layer that no earlier stage provides.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = new();

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Adds a stage; adding a second stage of the same type replaces the first.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        int existing = _stages.FindIndex(s => s.GetType() == stage.GetType());
        if (existing >= 0) _stages[existing] = stage; else _stages.Add(stage);
        return this;
    }

    public HearsayPipeline Build()
    {
        var available = Layers.None;
        foreach (var stage in _stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != Layers.None)
                throw new InvalidOperationException(
                    $"Stage '{stage.Name}' requires {missing}, which no earlier stage provides (available: {available}).");
            available |= stage.Provides;
        }
        return new HearsayPipeline(_stages.ToArray());
    }
}
