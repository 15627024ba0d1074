using Hearsay.Pipeline;
using Hearsay.Stages.Quotes;
using Hearsay.Stages.Tokenization;

namespace Hearsay.Tests.Stages;

public class PipelineBuilderTests
{
    [Fact]
    public void Build_fails_early_naming_the_stage_and_the_missing_layer()
    {
        var builder = new PipelineBuilder().Use(new ParagraphSplitter()).Use(new QuoteAttributor());
        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("quote-attributor", error.Message);
        Assert.Contains("Tokens", error.Message);
    }

    [Fact]
    public void Using_a_stage_twice_replaces_it()
    {
        var builder = new PipelineBuilder().Use(new ParagraphSplitter()).Use(new ParagraphSplitter());
        Assert.Single(builder.Stages);
    }
}
