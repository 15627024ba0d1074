using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Tests.Stages;

/// <summary>Each case is a small hand-written article showing one way news attributes a quote.</summary>
public class QuoteAttributorTests
{
    private static Attribution Single(Document doc) => Assert.Single(doc.Attributions);

    private static string Source(Document doc, Attribution a) => a.Source is { } s ? doc.Slice(s) : "";
    private static string Cue(Document doc, Attribution a) => a.Cue is { } c ? doc.Slice(c) : "";
    private static string[] Content(Document doc, Attribution a) => a.Content.Select(doc.Slice).ToArray();

    /// <summary>The article holds one attribution, with this source and cue; returns it with its document.</summary>
    private static (Document, Attribution) AssertSingle(string text, string source, string cue)
    {
        var doc = TestPipeline.Run(text);
        var a = Single(doc);
        Assert.Equal(source, Source(doc, a));
        Assert.Equal(cue, Cue(doc, a));
        return (doc, a);
    }

    [Theory]
    [InlineData("Budget\n\n“We kept our promises,” Mayor Linda Ortiz said.", "Mayor Linda Ortiz", "said")]
    [InlineData("Budget\n\n“We kept our promises,” said Mayor Linda Ortiz.", "Mayor Linda Ortiz", "said")]
    [InlineData("Budget\n\n“We kept our promises,” Linda Ortiz, the mayor, told reporters.", "Linda Ortiz, the mayor", "told")]
    [InlineData("Budget\n\n“We kept our promises,” Rep. Gwen Moore (D-Wis.) said Friday.", "Rep. Gwen Moore", "said")]
    [InlineData("Budget\n\n“Why not?” Vitter demanded.", "Vitter", "demanded")]
    [InlineData("Budget\n\n“We kept our promises,” said former Sen. Linda Ortiz.", "former Sen. Linda Ortiz", "said")]
    [InlineData("Budget\n\n“We kept our promises,” said pollster Frank Dwyer.", "pollster Frank Dwyer", "said")]
    [InlineData("Budget\n\n“We kept our promises,“ said Mayor Linda Ortiz.", "Mayor Linda Ortiz", "said")]
    public void Quote_then_cue(string text, string source, string cue)
    {
        var (doc, a) = AssertSingle(text, source, cue);
        Assert.Equal(AttributionKind.Direct, a.Kind);
        Assert.StartsWith("“", Content(doc, a)[0]);
    }

    [Theory]
    [InlineData("Budget\n\n“We will win this,” he went on.", "he", "went on")]
    [InlineData("Budget\n\n“Let me talk,” Ortiz shot back.", "Ortiz", "shot back")]
    [InlineData("Budget\n\n“It is over,” Linda Ortiz chortled, and left.", "Linda Ortiz", "chortled")]
    [InlineData("Budget\n\n“Is it negotiable?” Hannity pressed. “Maybe not.”", "Hannity", "pressed")]
    [InlineData("Budget\n\n“They are all here for the free stuff,” Bennett shot back with a laugh.", "Bennett", "shot back")]
    public void Quote_then_subject_and_any_verb(string text, string source, string cue)
        => AssertSingle(text, source, cue);

    [Fact]
    public void Quote_with_its_own_speaker_does_not_follow_on()
    {
        var doc = TestPipeline.Run("Budget\n\n“We will win,” Ortiz said.\n\n“It is over,” Dwyer chortled.");
        Assert.Equal(2, doc.Attributions.Count);
        Assert.Equal("Dwyer", Source(doc, doc.Attributions[1]));
        Assert.Equal(new[] { "“It is over,”" }, Content(doc, doc.Attributions[1]));
    }

    [Fact]
    public void Inverted_time_phrase_is_no_speaker()
    {
        var doc = TestPipeline.Run("Budget\n\n“We kept our promises,” said last week the Mayor of Springfield.");
        Assert.DoesNotContain(doc.Attributions, a => Source(doc, a).StartsWith("last", StringComparison.Ordinal));
    }

    [Fact]
    public void Quote_then_a_verb_that_goes_on_is_not_a_cue()
    {
        // The clause does not end at the verb: the quoted words are the object of a longer sentence.
        var doc = TestPipeline.Run("Budget\n\nThe plan, “Fresh Start,” Ortiz unveiled in March with great fanfare.");
        Assert.Empty(doc.Attributions);
    }

    [Theory]
    [InlineData("Budget\n\nPriebus later Thursday told Fox News: “Both men are meeting next week.”", "Priebus", "told")]
    [InlineData("Budget\n\nSpeaker Paul Ryan said Tuesday on WTMJ: “Those images have no place in a campaign.”", "Speaker Paul Ryan", "said")]
    [InlineData("Budget\n\nThe decision involves Loretta Lynch, who told Congress last month: “That matter is being handled by agents.”", "who", "told")]
    public void Cue_then_quote_skips_days_and_keeps_relative_pronouns(string text, string source, string cue)
        => AssertSingle(text, source, cue);

    [Fact]
    public void The_object_of_tell_is_no_inverted_speaker()
    {
        var doc = TestPipeline.Run("Campaign\n\nClinton often tells the story, to a roar of applause: “Obama does not get the credit he deserves.”");
        Assert.DoesNotContain(doc.Attributions, a => Source(doc, a) == "the story");
    }

    [Fact]
    public void A_participle_after_two_quotes_speaks_for_the_speaker_outside_them()
    {
        var doc = TestPipeline.Run("Campaign\n\n“I think Kasich would be the best nominee,” Graham said on MSNBC, adding, “His problem is he is an insider.”");
        Assert.All(doc.Attributions, a => Assert.Equal("Graham", Source(doc, a)));
    }

    [Theory]
    [InlineData("Budget\n\nThe mayor said: “We kept our promises.”", "The mayor", "said")]
    [InlineData("Budget\n\nLinda Ortiz told reporters, “We kept our promises.”", "Linda Ortiz", "told")]
    [InlineData("Budget\n\nAccording to the mayor, “we kept our promises.”", "the mayor", "According to")]
    public void Cue_then_quote(string text, string source, string cue)
    {
        var (doc, a) = AssertSingle(text, source, cue);
        Assert.Equal(new[] { text[text.IndexOf('“')..] .TrimEnd() }, Content(doc, a));
    }

    [Theory]
    [InlineData("Guns\n\nThe president praised the new rules on Tuesday and added: “I know a little about this.”", "The president", "added")]
    [InlineData("Casinos\n\nHours later, Trump returned the compliment to Adelson, telling Reuters, “Sheldon is an amazing man.”", "Trump", "telling")]
    [InlineData("Judges\n\nMr. Trump issued a statement on Tuesday saying “I do not feel that heritage matters.”", "Mr. Trump", "saying")]
    [InlineData("Protest\n\nIn response, the senator's top aide rallied supporters, saying: “We have to stop him.”", "the senator's top aide", "saying")]
    [InlineData("Protest\n\nWASHINGTON, Dec. 8 (UPI) — In response to the plan, the senator's top aide rallied supporters, saying: “We have to stop him.”", "the senator's top aide", "saying")]
    public void Participles_and_conjoined_cues_speak_for_their_clause_subject(string text, string source, string cue)
        => AssertSingle(text, source, cue);

    [Theory]
    [InlineData("Rally\n\nTrump leaned in and boomed: “Let’s defeat her in November.”", "Trump", "boomed:")]
    [InlineData("Security\n\nOr, as Tom Ridge, a former secretary of homeland security, put it: “The barbarians are inside.”", "Tom Ridge, a former secretary of homeland security", "put it:")]
    [InlineData("Rally\n\nDuring their first debate, Hillary Clinton cracked, “I am a progressive who likes to get things done.”", "Hillary Clinton", "cracked")]
    [InlineData("Rally\n\nWhen Wallace died, President Clinton released the following statement:\n\n“Hillary and I offer our condolences.”", "President Clinton", "released the following statement:")]
    public void A_clause_with_a_colon_or_comma_introduces_the_quote_whatever_its_verb(string text, string source, string cue)
        => AssertSingle(text, source, cue);

    [Fact]
    public void Cue_inside_a_quote_joins_both_halves()
    {
        var doc = TestPipeline.Run("War\n\n“Give us the tools,” Zelensky said, “and we will finish the job.”");
        var a = Single(doc);
        Assert.Equal("Zelensky", Source(doc, a));
        Assert.Equal(new[] { "“Give us the tools,”", "“and we will finish the job.”" }, Content(doc, a));
    }

    [Fact]
    public void Partial_quote_inside_paraphrase_is_mixed()
    {
        var doc = TestPipeline.Run("Budget\n\nCouncilman Ray Dwyer said the increase was “reckless” and unfair.");
        var a = Single(doc);
        Assert.Equal(AttributionKind.Mixed, a.Kind);
        Assert.Equal("Councilman Ray Dwyer", Source(doc, a));
        Assert.Equal("said", Cue(doc, a));
        Assert.Equal(new[] { "the increase was “reckless” and unfair" }, Content(doc, a));
    }

    [Fact]
    public void Naming_verb_takes_the_quoted_name_as_content()
    {
        var doc = TestPipeline.Run("War\n\nBiden called the war “senseless” on Friday.");
        var a = Single(doc);
        Assert.Equal("Biden", Source(doc, a));
        Assert.Equal(new[] { "“senseless”" }, Content(doc, a));
    }

    [Fact]
    public void Follow_on_quote_without_cue_belongs_to_the_previous_speaker()
    {
        var doc = TestPipeline.Run("Budget\n\n“It is not perfect,” Ortiz said.\n\n“But it is honest. We will defend it.”");
        var a = Single(doc);
        Assert.Equal(new[] { "“It is not perfect,”", "“But it is honest. We will defend it.”" }, Content(doc, a));
    }

    [Fact]
    public void Follow_on_quote_looks_back_one_paragraph_only()
    {
        var doc = TestPipeline.Run("Budget\n\n“It is not perfect,” Ortiz said.\n\nThe council meets again in May.\n\n“But it is honest. We will defend it.”");
        var a = Single(doc);
        Assert.Equal(new[] { "“It is not perfect,”" }, Content(doc, a));
    }

    [Fact]
    public void Each_signed_quote_paragraph_keeps_its_own_speaker()
    {
        // The tagger reads "notes" after a name as a plural noun; after a quote it is the verb, and "points out" keeps its particle.
        var doc = TestPipeline.Run("Cruz\n\n“Voters reject establishment candidates,” he points out.\n\n" +
            "“Cruz appeals to Reagan Democrats,” Viguerie notes.\n\n“He can unite the party,” Viguerie notes.");
        Assert.Equal(3, doc.Attributions.Count);
        Assert.Equal(new[] { "he", "Viguerie", "Viguerie" }, doc.Attributions.Select(a => Source(doc, a)));
        Assert.Equal(new[] { "points out", "notes", "notes" }, doc.Attributions.Select(a => Cue(doc, a)));
        Assert.All(doc.Attributions, a => Assert.Single(a.Content));
    }

    [Fact]
    public void A_quote_running_across_paragraphs_stays_with_its_speaker()
    {
        var doc = TestPipeline.Run("Budget\n\nOrtiz said: “The first part.\n\n“The second part.”");
        var a = Single(doc);
        Assert.Equal("Ortiz", Source(doc, a));
        Assert.Equal(2, a.Content.Count);
    }

    [Fact]
    public void Colon_lead_introduces_the_next_quote()
    {
        var doc = TestPipeline.Run("Debate\n\nCruz called them on it:\n\n“The questions in this debate illustrate the problem.”");
        var a = Single(doc);
        Assert.Equal("Cruz", Source(doc, a));
        Assert.Equal("called", Cue(doc, a));
    }

    [Fact]
    public void Participle_cue_takes_the_clause_subject()
    {
        var doc = TestPipeline.Run("NATO\n\nDuring a speech on Monday, Trump attacked Clinton, saying, “She is unstable.”");
        var a = Single(doc);
        Assert.Equal("Trump", Source(doc, a));
        Assert.Equal("saying", Cue(doc, a));
    }

    [Fact]
    public void Headline_colon_is_a_cue()
    {
        var doc = TestPipeline.Run("Warren Hammers Bank Chief: ‘You Should Be Investigated.’\n\nThe hearing was tense.");
        var a = Single(doc);
        Assert.Equal("Warren Hammers Bank Chief", Source(doc, a));
        Assert.Equal(":", Cue(doc, a));
    }

    [Fact]
    public void Dash_signature_names_the_source()
    {
        var doc = TestPipeline.Run("Readers\n\n“He is not fit to lead.” ― Maria Lopez\n\n“We deserve better.” ― Sam Green");
        Assert.Equal(new[] { "Maria Lopez", "Sam Green" }, doc.Attributions.Select(a => Source(doc, a)));
    }

    [Fact]
    public void Quote_paragraph_signed_on_the_next_line()
    {
        var doc = TestPipeline.Run("Debate notebook\n\n\"The system is rigged for the top 1 percent.\"\n\n- Bernie Sanders.\n\n"
            + "\"I will look into it.\"\n\n-Hillary Clinton, after the debate.");
        Assert.Equal(new[] { "Bernie Sanders", "Hillary Clinton" }, doc.Attributions.Select(a => Source(doc, a)));
        Assert.All(doc.Attributions, a => Assert.Equal("-", Cue(doc, a)));
    }

    [Fact]
    public void Credit_line_after_a_quote_paragraph_is_no_speaker()
    {
        var doc = TestPipeline.Run("Campaign\n\nHe called him \"my African American.\"\n\n- Reuters.");
        Assert.DoesNotContain(doc.Attributions, a => Source(doc, a) == "Reuters");
    }

    [Fact]
    public void Inverted_source_stops_before_a_relative_clause_that_quotes_again()
    {
        var doc = TestPipeline.Run("Campaign\n\n“He is a danger,” said Beck, who said there were “too many things to dismiss.”");
        var first = doc.Attributions[0];
        Assert.Equal("Beck", Source(doc, first));
        Assert.Equal(new[] { "“He is a danger,”" }, Content(doc, first));
    }

    [Fact]
    public void Scare_quotes_without_a_speaker_are_not_attributions()
    {
        var doc = TestPipeline.Run("Budget\n\nThe so-called “deal” collapsed on Friday.");
        Assert.Empty(doc.Attributions);
    }

    [Theory]
    [InlineData("TV\n\nOn this weekend’s broadcast of “Fox News Sunday,” Governor Mike Pence said the tweet was a joke.")]
    [InlineData("TV\n\nIn an interview on CBS's \"Face the Nation,\" Speaker Paul Ryan said the shootings were a tragedy.")]
    public void A_quoted_show_title_is_not_speech(string text)
    {
        var doc = TestPipeline.Run(text);
        Assert.Empty(doc.Attributions);
    }

    [Fact]
    public void A_quote_after_a_quoted_title_still_finds_its_cue()
    {
        var doc = TestPipeline.Run("TV\n\nRyan said on “Face the Nation”: “We have to heal this country.”");
        var a = Single(doc);
        Assert.Equal("Ryan", Source(doc, a));
        Assert.Equal("said", Cue(doc, a));
        Assert.Equal(["“We have to heal this country.”"], Content(doc, a));
    }
}
