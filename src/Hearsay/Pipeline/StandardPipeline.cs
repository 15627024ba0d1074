namespace Hearsay.Pipeline;

/// <summary>Settings for <see cref="StandardPipeline"/>.</summary>
public sealed record StandardPipelineOptions
{
    public static StandardPipelineOptions Default { get; } = new();
}

/// <summary>The pipeline Hearsay runs by default, stage by stage, in the order the stages need.</summary>
public static class StandardPipeline
{
    public static HearsayPipeline Create(StandardPipelineOptions? options = null)
    {
        options ??= StandardPipelineOptions.Default;
        var builder = new PipelineBuilder();
        return builder.Build();
    }
}
