using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Tests.Stages;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = new Document(text);
        new ParagraphSplitter().Process(doc);
        new Tokenizer().Process(doc);
        new SentenceSplitter().Process(doc);
        return doc.Sentences.Select(s => doc.Slice(s.Range)).ToArray();
    }

    [Fact]
    public void Headline_without_final_punctuation_is_its_own_sentence() =>
        Assert.Equal(new[] { "Council Approves Budget", "By Jane Roe", "The council voted." },
            Sentences("Council Approves Budget\nBy Jane Roe\n\nThe council voted."));

    [Fact]
    public void Titles_and_initials_do_not_end_sentences() =>
        Assert.Equal(new[] { "Sen. John Q. Public met Dr. Lee in Washington, D.C. on Monday.", "He left." },
            Sentences("Sen. John Q. Public met Dr. Lee in Washington, D.C. on Monday. He left."));

    [Fact]
    public void An_abbreviation_ends_a_sentence_before_a_typical_opener() =>
        Assert.Equal(new[] { "Troops returned to the U.S.", "The war was over." },
            Sentences("Troops returned to the U.S. The war was over."));

    [Fact]
    public void Closing_quotes_stay_with_their_sentence() =>
        Assert.Equal(new[] { "He said, “We won.”", "Then he left." }, Sentences("He said, “We won.” Then he left."));

    [Fact]
    public void A_quoted_question_keeps_its_attribution() =>
        Assert.Equal(new[] { "“Why not?” Vitter demanded.", "Nobody answered." },
            Sentences("“Why not?” Vitter demanded. Nobody answered."));

    [Fact]
    public void A_quoted_question_keeps_a_speaker_and_any_verb() =>
        Assert.Equal(new[] { "“Is it negotiable?” Hannity pressed.", "“Why?”", "Trump Tower is closed." },
            Sentences("“Is it negotiable?” Hannity pressed. “Why?” Trump Tower is closed."));

    [Fact]
    public void Paragraphs_always_end_sentences() =>
        Assert.Equal(new[] { "First paragraph without end", "Second one." }, Sentences("First paragraph without end\n\nSecond one."));

    [Fact]
    public void A_text_without_sentence_ends_is_cut_after_a_comma_before_the_limit()
    {
        // 100 clauses of three words and a comma: 400 tokens with no full stop.
        string text = string.Join(" ", Enumerable.Range(0, 100).Select(n => $"officials said {n},"));
        var sentences = Sentences(text);
        Assert.Equal(2, sentences.Length);
        Assert.EndsWith("officials said 63,", sentences[0]);
        Assert.StartsWith("officials said 64,", sentences[1]);
        Assert.Equal(text, sentences[0] + " " + sentences[1]);
    }

    [Fact]
    public void A_run_of_words_with_no_punctuation_at_all_is_cut_at_the_limit()
    {
        string text = string.Join(" ", Enumerable.Repeat("word", SentenceSplitter.MaxTokens + 10));
        Assert.Equal([SentenceSplitter.MaxTokens, 10], Sentences(text).Select(s => s.Split(' ').Length));
    }
}
