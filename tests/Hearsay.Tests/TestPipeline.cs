using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Tests;

/// <summary>Runs the standard pipeline over hand-written article text.</summary>
internal static class TestPipeline
{
    // The stage tests here check the direct-quote sieves and speaker resolution on their own; the
    // full-attribution labeller has its own tests (Reported/) with its own pipeline.
    private static readonly HearsayPipeline Pipeline = StandardPipeline.Create(StandardPipelineOptions.Default with { FullAttribution = false });

    public static Document Run(string text) => Pipeline.Process(ArticleReader.FromText(text));
}
