using Hearsay.Input;
using Hearsay.Stages.Reported;
using Hearsay.Text;

namespace Hearsay.Tests.Reported;

/// <summary>Hand-written articles run through the stages before the attribution labeller, as the grouper and the document patterns see them.</summary>
internal static class PreparedDocuments
{
    /// <summary>Tokens, sentences, quotations and the quote sieves' attributions, without the statistical models.</summary>
    public static Document Tokenized(string text) => AttributionTrainer.BasePipeline().Process(ArticleReader.FromText(text));

    /// <summary>Tokens, tags, entities and the dependency parse as well, as at run time.</summary>
    public static Document Parsed(string text) =>
        AttributionTrainer.BasePipeline(Hearsay.Pipeline.StandardPipelineOptions.Default.Models).Process(ArticleReader.FromText(text));
}
