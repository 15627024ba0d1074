using Hearsay.Stages.Quotes;
using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Tests.Stages;

public class QuotationFinderTests
{
    private static (Document Doc, string[] Quotes) Find(string text)
    {
        var doc = new Document(text);
        new ParagraphSplitter().Process(doc);
        new Tokenizer().Process(doc);
        new QuotationFinder().Process(doc);
        return (doc, doc.Quotations.Select(q => doc.Slice(q.Range)).ToArray());
    }

    [Fact]
    public void Quotations_include_their_marks()
    {
        var (_, quotes) = Find("“We won,” she said. \"Finally.\"");
        Assert.Equal(new[] { "“We won,”", "\"Finally.\"" }, quotes);
    }

    [Fact]
    public void A_quote_that_runs_across_paragraphs_continues_in_the_next()
    {
        var (doc, quotes) = Find("“The first part of a long quote.\n\n“And its second paragraph,” he said.");
        Assert.Equal(new[] { "“The first part of a long quote.", "“And its second paragraph,”" }, quotes);
        Assert.True(doc.Quotations[0].RunsOn);
        Assert.True(doc.Quotations[1].Continues);
    }

    [Fact]
    public void Quotes_inside_quotes_are_not_separate_quotations()
    {
        var (_, quotes) = Find("“He called it ‘a disaster’ and left,” she said. \"I read the headline: “Crisis” today.\"");
        Assert.Equal(new[] { "“He called it ‘a disaster’ and left,”", "\"I read the headline: “Crisis” today.\"" }, quotes);
    }

    [Fact]
    public void Single_marks_quote_outside_double_ones()
    {
        var (_, quotes) = Find("Dinesh D’Souza’s ‘Stealing America,’ Part 3");
        Assert.Equal(new[] { "‘Stealing America,’" }, quotes);
    }
}
