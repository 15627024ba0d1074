using Hearsay.Nlp;
using Hearsay.Stages.Parsing;

namespace Hearsay.Tests.Nlp;

/// <summary>The parser's last step: quotation marks of a sentence-opening quote go to the verb that governs it.</summary>
public class QuotationAttachmentTests
{
    private const int Punct = 5, Other = 1;

    private static (int[] Heads, int[] Labels) Attach(string[] tags, int[] heads)
    {
        var labels = heads.Select(_ => Other).ToArray();
        ParserModel.AttachOpeningQuotation(tags.Select(t => FeatureHash.Of(t)).ToArray(), heads, labels, Punct);
        return (heads, labels);
    }

    [Fact]
    public void Marks_of_an_opening_quote_go_to_its_speech_verb()
    {
        // “ We will win , ” he said .   (as parsed: the marks and the comma hang from "win")
        string[] tags = ["``", "PRP", "MD", "VB", ",", "''", "PRP", "VBD", "."];
        var (heads, labels) = Attach(tags, [3, 3, 3, 7, 3, 3, 7, -1, 7]);
        Assert.Equal(new[] { 7, 3, 3, 7, 7, 7, 7, -1, 7 }, heads);
        Assert.Equal(new[] { Punct, Other, Other, Other, Punct, Punct, Other, Other, Other }, labels);
    }

    [Fact]
    public void A_quote_inside_the_sentence_or_at_its_end_is_left_as_parsed()
    {
        // he said “ we win ” .
        string[] middle = ["PRP", "VBD", "``", "PRP", "VBP", "''", "."];
        int[] parsed = [1, -1, 4, 4, 1, 4, 1];
        Assert.Equal(parsed, Attach(middle, (int[])parsed.Clone()).Heads);
        // “ We will win . ”   (nothing after the quote governs it)
        string[] whole = ["``", "PRP", "MD", "VB", ".", "''"];
        int[] alone = [3, 3, 3, -1, 3, 3];
        Assert.Equal(alone, Attach(whole, (int[])alone.Clone()).Heads);
    }

    [Fact]
    public void A_mark_with_dependents_stays_so_the_result_is_a_tree()
    {
        string[] tags = ["``", "PRP", "VBP", "''", "PRP", "VBD", "."];
        int[] heads = [2, 0, 5, 2, 5, -1, 5];   // "We" hangs from the opening mark
        Assert.Equal(2, Attach(tags, heads).Heads[0]);
        Assert.Equal(5, heads[3]);
    }
}
