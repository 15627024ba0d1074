using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Tests;

/// <summary>Runs the standard pipeline over hand-written article text.</summary>
internal static class TestPipeline
{
    private static readonly HearsayPipeline Pipeline = StandardPipeline.Create();

    public static Document Run(string text) => Pipeline.Process(ArticleReader.FromText(text));

    public static string[] Words(Document doc) => doc.Tokens.Select(t => t.Text).ToArray();
}
