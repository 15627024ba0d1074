using Hearsay.Nlp;
using Hearsay.Text;

namespace Hearsay.Tests.Nlp;

public class PtbNormalizerTests
{
    [Theory]
    [InlineData("“", "``")]
    [InlineData("”", "''")]
    [InlineData("‘", "`")]
    [InlineData("’", "'")]
    [InlineData("(", "-LRB-")]
    [InlineData(")", "-RRB-")]
    [InlineData("[", "-LSB-")]
    [InlineData("]", "-RSB-")]
    [InlineData("{", "-LCB-")]
    [InlineData("}", "-RCB-")]
    [InlineData("—", "--")]
    [InlineData("–", "--")]
    [InlineData("---", "--")]
    [InlineData("…", "...")]
    [InlineData(". . .", "...")]
    [InlineData("’s", "'s")]
    [InlineData("n’t", "n't")]
    [InlineData("O’Malley", "O'Malley")]
    [InlineData("’”", "'''")]
    [InlineData("Trump", "Trump")]
    [InlineData("--", "--")]
    public void PtbNormalizer_maps_text_to_corenlp_forms(string text, string form) =>
        Assert.Equal(form, PtbNormalizer.Normalize(text));

    [Fact]
    public void PtbNormalizer_uses_the_quote_shape_for_straight_quotes()
    {
        Assert.Equal("``", PtbNormalizer.Normalize(new Token(0, new TextRange(0, 1), "\"", TokenShape.OpeningQuote)));
        Assert.Equal("''", PtbNormalizer.Normalize(new Token(0, new TextRange(0, 1), "\"", TokenShape.ClosingQuote)));
        Assert.Equal("`", PtbNormalizer.Normalize(new Token(0, new TextRange(0, 1), "'", TokenShape.OpeningQuote)));
        Assert.Equal("'", PtbNormalizer.Normalize(new Token(0, new TextRange(0, 1), "'", TokenShape.Punctuation)));
    }

    [Fact]
    public void PtbNormalizer_returns_the_same_string_when_nothing_changes()
    {
        string word = "campaign";
        Assert.Same(word, PtbNormalizer.Normalize(word));
    }

    [Fact]
    public void PtbNormalizer_replaces_spaces_inside_markup_by_no_break_spaces() =>
        Assert.Equal("<tweet\u00A0id=1>", PtbNormalizer.Normalize("<tweet id=1>"));
}
