using Hearsay.Input;

namespace Hearsay.Tests.Stages;

public class ArticleReaderTests
{
    [Theory]
    [InlineData("Headline Here\nBy Jane Doe\n\nBody.", "Jane Doe")]
    [InlineData("\n\nHeadline Here\n\nAuthor: Jane Doe and John Roe\n\nBody.", "Jane Doe and John Roe")]
    [InlineData("Headline Here\nBY JANE DOE, Reuters\n\nBody.", "JANE DOE")]
    public void Reads_headline_and_byline_and_keeps_the_text(string text, string author)
    {
        var doc = ArticleReader.FromText(text);
        Assert.Equal("Headline Here", doc.Metadata.Title);
        Assert.Equal(author, doc.Metadata.Author);
        Assert.Equal(text, doc.Text);
        Assert.Equal("Headline Here", doc.Slice(doc.Metadata.TitleRange!.Value));
    }

    [Fact]
    public void A_sentence_starting_with_by_is_not_a_byline() =>
        Assert.Null(ArticleReader.FromText("Headline\n\nBy the end of the day, nothing had changed.").Metadata.Author);

    [Fact]
    public void Binary_and_invalid_utf8_are_refused_with_a_reason()
    {
        var binary = Assert.Throws<InvalidInputException>(() => ArticleReader.Decode(new byte[] { 0x50, 0x4B, 0x03, 0x00, 0x04 }));
        Assert.Contains("binary", binary.Message);
        var invalid = Assert.Throws<InvalidInputException>(() => ArticleReader.Decode(new byte[] { 0x41, 0xC3, 0x28, 0x42 }));
        Assert.Contains("UTF-8", invalid.Message);
    }
}
