using Hearsay.Evaluation;
using static Hearsay.Tests.Evaluation.Spans;

namespace Hearsay.Tests.Evaluation;

public class DirectQuoteTests
{
    [Theory]
    // A quote with its marks, and without them (the annotator left them out).
    [InlineData("“We will win,” Smith said.", "“We will win,”", true)]
    [InlineData("“We will win,” Smith said.", "We will win", true)]
    [InlineData("He called it “a disaster”.", "“a disaster”.", true)]
    // Paraphrase, partial quotes, or words between two quotes in one fragment.
    [InlineData("Smith said “the plan” was bad.", "“the plan” was bad", false)]
    [InlineData("Smith said the plan was bad.", "the plan was bad", false)]
    [InlineData("“The plan” and “the idea” failed.", "“The plan” and “the idea”", false)]
    [InlineData("“A,” he said, “B.”", "“A,” he said, “B.”", false)]
    [InlineData("She said: “Yes.” “No.”", "“Yes.” “No.”", true)]
    // A quote that runs on into the next paragraph, reopening there.
    [InlineData("He said: “First part.\n\n“Second part.”", "“First part.\n\n“Second part.”", true)]
    // Nesting and mixed or backwards glyphs.
    [InlineData("\"Read the question: “Are you ready?” No,\" she said.", "\"Read the question: “Are you ready?” No,\"", true)]
    [InlineData("\"Oz has a pulpit,” he said.", "\"Oz has a pulpit,”", true)]
    [InlineData("”Fear. I am afraid.“", "”Fear. I am afraid.“", true)]
    // Archive-style doubled apostrophes, single quotes, guillemets.
    [InlineData("''This isn't tax reform,'' he said.", "''This isn't tax reform,''", true)]
    [InlineData("''I admire the mechanics'' of the plan, he said.", "''I admire the mechanics'' of the plan", false)]
    [InlineData("Trump: ‘I Will Win’", "‘I Will Win’", true)]
    [InlineData("«Nous gagnerons», a-t-il dit.", "«Nous gagnerons»", true)]
    public void DirectQuote_tells_quotes_from_paraphrase(string text, string content, bool expected)
    {
        Assert.Equal(expected, DirectQuote.IsDirectQuote(text, [At(text, content)]));
    }

    [Fact]
    public void DirectQuote_reads_fragments_around_the_cue_as_one_quote()
    {
        const string text = "“We will win,” he said, “and soon.”";
        Assert.True(DirectQuote.IsDirectQuote(text, [At(text, "“and soon.”"), At(text, "“We will win,”")]));
    }

    [Fact]
    public void DirectQuote_reads_a_quote_split_inside_into_fragments()
    {
        const string text = "“We started it. I finished it,” he said.";
        Assert.True(DirectQuote.IsDirectQuote(text, [At(text, "“We started it."), At(text, "I finished it,”")]));
    }

    [Fact]
    public void DirectQuote_accepts_a_fragment_that_ends_a_paragraph_inside_a_quote()
    {
        const string text = "He said: “First part.\n\n“Second part.”";
        Assert.True(DirectQuote.IsDirectQuote(text, [At(text, "“First part.")]));
    }

    [Fact]
    public void DirectQuote_is_false_without_content()
    {
        Assert.False(DirectQuote.IsDirectQuote("“Yes.”", []));
    }
}
