using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Tests.Stages;

public class TokenizerTests
{
    private static string[] Tokens(string text)
    {
        var doc = new Document(text);
        new ParagraphSplitter().Process(doc);
        new Tokenizer().Process(doc);
        foreach (var token in doc.Tokens) Assert.Equal(token.Text, doc.Slice(token.Range)); // offsets index the text
        return doc.Tokens.Select(t => t.Text).ToArray();
    }

    [Theory]
    [InlineData("The U.S. Senate met.", new[] { "The", "U.S.", "Senate", "met", "." })]
    [InlineData("Sen. Ted Cruz and Gov. Ann Lee spoke.", new[] { "Sen.", "Ted", "Cruz", "and", "Gov.", "Ann", "Lee", "spoke", "." })]
    [InlineData("J. Edgar Hoover arrived in Sept. 2016.", new[] { "J.", "Edgar", "Hoover", "arrived", "in", "Sept.", "2016", "." })]
    [InlineData("It costs $16 billion, or 3.5 percent of 1,000,000.", new[] { "It", "costs", "$", "16", "billion", ",", "or", "3.5", "percent", "of", "1,000,000", "." })]
    [InlineData("Dr. Smith — the surgeon – said so.", new[] { "Dr.", "Smith", "—", "the", "surgeon", "–", "said", "so", "." })]
    [InlineData("Mitch McConnell, R-Ky., said", new[] { "Mitch", "McConnell", ",", "R-Ky.", ",", "said" })]
    public void Tokenizer_keeps_news_abbreviations_numbers_and_dashes(string text, string[] expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Tokenizer_splits_clitics_like_the_treebank()
    {
        Assert.Equal(new[] { "Trump", "’s", "aides", "do", "n't", "know", "D’Souza", "'s", "book" },
            Tokens("Trump’s aides don't know D’Souza's book"));
        Assert.Equal(new[] { "They", "’re", "sure", "we", "can", "'t" }.Take(4), Tokens("They’re sure we can't").Take(4));
    }

    [Fact]
    public void Tokenizer_tells_opening_from_closing_quotes_of_every_style()
    {
        var doc = new Document("He said \"no\" and “yes” and «oui» and ‘maybe’ to the voters’ delight.");
        new ParagraphSplitter().Process(doc);
        new Tokenizer().Process(doc);
        var quotes = doc.Tokens.Where(t => t.IsQuote).Select(t => (t.Text, t.Shape)).ToArray();
        Assert.Equal(new[]
        {
            ("\"", TokenShape.OpeningQuote), ("\"", TokenShape.ClosingQuote),
            ("“", TokenShape.OpeningQuote), ("”", TokenShape.ClosingQuote),
            ("«", TokenShape.OpeningQuote), ("»", TokenShape.ClosingQuote),
            ("‘", TokenShape.OpeningQuote), ("’", TokenShape.ClosingQuote),
        }, quotes);
        Assert.Contains(doc.Tokens, t => t.Text == "’" && t.Shape == TokenShape.Punctuation); // voters’ (possessive)
    }

    [Fact]
    public void Tokenizer_reads_misused_and_doubled_marks_by_their_place()
    {
        // A “ typed where ” belongs, and the archive style ’’ for a closing double mark.
        var doc = new Document("“It's unusual,“ said Noble. “Why?“ he asked. A “question’’ came.");
        new ParagraphSplitter().Process(doc);
        new Tokenizer().Process(doc);
        var quotes = doc.Tokens.Where(t => t.IsQuote).Select(t => (t.Text, t.Shape)).ToArray();
        Assert.Equal(new[]
        {
            ("“", TokenShape.OpeningQuote), ("“", TokenShape.ClosingQuote),
            ("“", TokenShape.OpeningQuote), ("“", TokenShape.ClosingQuote),
            ("“", TokenShape.OpeningQuote), ("’’", TokenShape.ClosingQuote),
        }, quotes);
    }

    [Fact]
    public void Tokenizer_keeps_urls_handles_and_markup_whole()
    {
        Assert.Equal(new[] { "See", "https://example.com/a?b=1", "and", "@jdoe", "<tweet id=\"1\">", "Hi", "</tweet>" },
            Tokens("See https://example.com/a?b=1 and @jdoe <tweet id=\"1\">Hi</tweet>"));
    }

    [Fact]
    public void Tokenizer_offsets_skip_invisible_characters()
    {
        var tokens = Tokens("A\u200Bword\u00ADhere and\uFEFF more");
        Assert.Contains("more", tokens);
    }

    [Fact]
    public void Tokens_of_a_long_text_with_the_same_text_share_one_string()
    {
        var doc = new Document("The senator said the bill said nothing.\n\nThe senator said so.");
        new ParagraphSplitter().Process(doc);
        new Tokenizer(poolFromChars: 0).Process(doc);
        var said = doc.Tokens.Where(t => t.Text == "said").ToList();
        Assert.Equal(3, said.Count);
        Assert.All(said, t => Assert.Same(said[0].Text, t.Text));
        Assert.NotSame(doc.Tokens[0].Text, doc.Tokens[3].Text); // "The" and "the" stay two words
        foreach (var token in doc.Tokens) Assert.Equal(token.Text, doc.Slice(token.Range));
    }

    [Fact]
    public void A_text_with_more_tokens_than_the_limit_is_refused_with_one_line()
    {
        var doc = new Document("a a a a a a a a a a a a");
        new ParagraphSplitter().Process(doc);
        var e = Assert.Throws<Hearsay.Input.InvalidInputException>(() => new Tokenizer(maxTokens: 10).Process(doc));
        Assert.Equal("input has more than 10 tokens (words and marks); the limit is 10", e.Message);
        Assert.Empty(doc.Tokens);

        new Tokenizer(maxTokens: 12).Process(doc);
        Assert.Equal(12, doc.Tokens.Count);
    }
}
