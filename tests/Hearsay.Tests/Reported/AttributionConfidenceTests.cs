using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Input;
using Hearsay.Stages.Reported;

namespace Hearsay.Tests.Reported;

public class AttributionConfidenceTests
{
    [Fact]
    public void Shipped_model_rates_each_attribution_as_a_probability()
    {
        var doc = StandardPipeline.Create().Process(ArticleReader.FromText(
            "World news\n\nThe mayor said that taxes would rise next year. Critics believe the plan will fail."));
        Assert.NotEmpty(doc.Attributions);
        Assert.All(doc.Attributions, a => Assert.InRange(a.Confidence, 0.0, 1.0));
        var said = Assert.Single(doc.Attributions, a => a.Cue is { } c && doc.Slice(c) == "said");
        Assert.True(said.Confidence > 0.5, $"a named source's 'said' should be likely right, got {said.Confidence:F2}");
    }

    [Fact]
    public void A_threshold_drops_the_unlikely_but_keeps_attributions_reported_inside_others_and_their_parents()
    {
        var model = AttributionModel.LoadShipped()!;
        var pipeline = AttributionTrainer.BasePipeline(StandardPipelineOptions.Default.Models);
        var doc = pipeline.Process(ArticleReader.FromText(
            "World news\n\nThe report said that Biden told Zelensky the risk was higher than ever. The mayor said taxes would rise."));
        new AttributionTagger(model, AttributionTaggerOptions.Default with { MinConfidence = 1.0, FindNested = false }).Process(doc);
        foreach (var a in doc.Attributions)
            Assert.True(AttributionNester.IsReportedInside(a) || doc.Attributions.Any(b => b.Parent == a && AttributionNester.IsReportedInside(b)),
                $"{doc.Slice(a.Cue!.Value)} should have been dropped");
    }
}
