using Hearsay.Attributions;
using Hearsay.Stages.Reported;
using Hearsay.Text;

using static Hearsay.Tests.Reported.PreparedDocuments;

namespace Hearsay.Tests.Reported;

/// <summary>Attributions read off the document's layout and phrasing (<see cref="DocumentPatterns"/>), each rule on its own.</summary>
public class DocumentPatternsTests
{
    [Fact]
    public void A_long_transcript_after_a_speech_verb_gives_every_line_to_its_speaker()
    {
        // Each line is checked against the attributions that reach into its paragraph only; this guards that
        // the one long attribution around all the lines still gives each of them up, at a scale where it matters.
        const int count = 1000;
        var text = new System.Text.StringBuilder("Debate\n\nThe host said on Sunday what was asked:\n\n");
        string[] names = ["WALLACE", "PENCE"];
        for (int n = 0; n < count; n++) text.Append($"{names[n % 2]}: Question {n} was put and answered at length.\n\n");
        var doc = Tokenized(text.ToString().TrimEnd());
        int at = doc.Text.IndexOf("WALLACE", StringComparison.Ordinal);
        int said = doc.Text.IndexOf("said", StringComparison.Ordinal);
        var host = new Attribution("A1", AttributionKind.Indirect) { Source = new TextRange(0, 0), Cue = new TextRange(said, said + 4) };
        host.Content.Add(new TextRange(at, doc.Text.Length));
        doc.Attributions.Add(host);

        Assert.True(DocumentPatterns.AddTranscriptLines(doc));

        var lines = doc.Attributions.Where(a => a.Rule == "transcript").ToList();
        Assert.Equal(count, lines.Count);
        for (int n = 0; n < count; n++)
        {
            Assert.Equal(names[n % 2], doc.Slice(lines[n].Source!.Value));
            Assert.Equal($"Question {n} was put and answered at length", doc.Slice(Assert.Single(lines[n].Content)));
        }
        Assert.DoesNotContain(doc.Attributions, a => a.Rule != "transcript");   // the host's content was all lines: nothing left
    }

    [Theory]
    [InlineData("Report: US Officials Have Ruled Out Pushing Ukraine to Negotiate\n\nThe talks stalled.", "Report", "US Officials Have Ruled Out Pushing Ukraine to Negotiate")]
    [InlineData("Graham: Trump's Rhetoric Is Destroying the Party.\n\nThe senator spoke.", "Graham", "Trump's Rhetoric Is Destroying the Party")]
    [InlineData("The Latest: Sanders wins Minnesota caucuses\n\nThe count went on.", null, null)]
    [InlineData("EXCLUSIVE: Saudis insist they are fighting terror\n\nA memo was sent.", null, null)]
    [InlineData("Breaking: Trump wins the Indiana primary\n\nThe count went on.", null, null)]
    [InlineData("Delegate Update: Cruz gains in Colorado\n\nThe count went on.", null, null)]
    [InlineData("Election night\n\nSmith: the count is slow and it will take days.", null, null)]
    public void A_headline_opening_with_a_name_and_a_colon_is_attributed_to_the_name(string text, string? source, string? content)
    {
        var doc = Tokenized(text);
        AssertAdded(doc, DocumentPatterns.AddHeadlineColon(doc), source, ":", content);
    }

    /// <summary>A rule that adds attributions added exactly this one, or, with a null source, none.</summary>
    private static void AssertAdded(Document doc, bool added, string? source, string cue, string? content)
    {
        Assert.Equal(source is not null, added);
        if (source is null) { Assert.Empty(doc.Attributions); return; }
        var a = Assert.Single(doc.Attributions);
        Assert.Equal(source, doc.Slice(a.Source!.Value));
        Assert.Equal(cue, doc.Slice(a.Cue!.Value));
        Assert.Equal(content, doc.Slice(Assert.Single(a.Content)));
    }

    [Theory]
    [InlineData("Polls\n\nPollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”", "Carl Bialik", "“Keep on contacting voters as late as possible.”")]
    [InlineData("Polls\n\nMore from Blumenthal and Cohen: “Our data helps confirm that both issues were in play.”", "Blumenthal and Cohen", "“Our data helps confirm that both issues were in play.”")]
    [InlineData("Polls\n\nClinton: “Our goal is not to contain the group.”", "Clinton", "“Our goal is not to contain the group.”")]
    [InlineData("Polls\n\nClinton: “Our goal is not to contain the group.\n\n“It is to defeat it.”", "Clinton", "“Our goal is not to contain the group.\n\n“It is to defeat it.”")]
    [InlineData("Polls\n\nHe spoke about it on Fox News: “We will win.”", null, null)]
    [InlineData("Polls\n\nRelated: “Trump wins the state”", null, null)]
    public void A_name_a_colon_and_a_quotation_opening_a_stretch_attribute_the_quotation_to_the_name(string text, string? source, string? content)
    {
        var doc = Tokenized(text);
        doc.Attributions.Clear();   // what the quote sieves found; the rule is tested alone
        AssertAdded(doc, DocumentPatterns.AddNameColonQuotes(doc), source, ":", content);
    }

    [Fact]
    public void A_name_before_a_colon_and_a_quotation_replaces_the_source_the_labeller_gave_the_colon()
    {
        var doc = Tokenized("Polls\n\nPollsters blame the Iowa poll overhype - HuffPollster: “Pollsters are taking a lot of heat.”");
        doc.Attributions.Clear();
        int colon = doc.Text.IndexOf(':');
        int quote = doc.Text.IndexOf('“');
        var labelled = new Attribution("", AttributionKind.Direct)
        {
            Source = new TextRange(doc.Text.IndexOf("Iowa poll overhype"), doc.Text.IndexOf("Iowa poll overhype") + "Iowa poll overhype".Length),
            Cue = new TextRange(colon, colon + 1),
        };
        labelled.Content.Add(new TextRange(quote, doc.Text.Length));
        doc.Attributions.Add(labelled);
        Assert.True(DocumentPatterns.AddNameColonQuotes(doc));
        Assert.Equal("HuffPollster", doc.Slice(Assert.Single(doc.Attributions).Source!.Value));
    }

    [Theory]
    [InlineData("Polls\n\nIn a new Washington Post-ABC News poll, Clinton led Trump by 12 points among women.", "a new Washington Post-ABC News poll", "Clinton led Trump by 12 points among women")]
    [InlineData("Polls\n\nIn the latest polls, he trails the governor in every state.", "the latest polls", "he trails the governor in every state")]
    [InlineData("Polls\n\nIn April, a poll found that the public was split.", null, null)]
    [InlineData("Polls\n\nIn eight of nine states where exit polls were conducted, voters were unhappy.", null, null)]
    public void A_sentence_opening_in_a_poll_is_the_polls_attribution(string text, string? source, string? content)
    {
        var doc = Parsed(text);
        doc.Attributions.Clear();
        AssertAdded(doc, DocumentPatterns.AddPollPrepositions(doc), source, "In", content);
    }

    [Theory]
    [InlineData("Brian Fallon, a spokesman for the campaign, said the plan would fail.", "Brian Fallon", "Brian Fallon, a spokesman for the campaign,")]
    [InlineData("“The plan will fail,” said Dean Baker, co-director of the Center for Economic and Policy Research.", "Dean Baker", "Dean Baker, co-director of the Center for Economic and Policy Research")]
    [InlineData("Beck, who supported Cruz in the primaries, said the plan would fail.", "Beck", "Beck, who supported Cruz in the primaries,")]
    [InlineData("Two officials who spoke to reporters on Monday said the plan would fail.", "Two officials", "Two officials who spoke to reporters on Monday")]
    [InlineData("Sen. Chris Murphy (D-Conn.) said the plan would fail.", "Sen. Chris Murphy", "Sen. Chris Murphy (D-Conn.)")]
    public void A_source_takes_its_apposition_or_relative_clause(string body, string source, string grown)
    {
        var doc = Parsed("News\n\n" + body);
        doc.Attributions.Clear();
        var attribution = new Attribution("", AttributionKind.Indirect)
        {
            Source = Range(doc, source),
            Cue = Range(doc, "said"),
        };
        attribution.Content.Add(body.Contains("The plan") ? Range(doc, "“The plan will fail,”") : Range(doc, "the plan would fail"));
        doc.Attributions.Add(attribution);
        var original = attribution.Source!.Value;
        DocumentPatterns.AddSourceAppositions(doc, relatives: false);
        Assert.Equal(grown.Contains(" who ") ? source : grown, doc.Slice(attribution.Source!.Value));
        attribution.Source = original;
        DocumentPatterns.AddSourceAppositions(doc, relatives: true);
        Assert.Equal(grown, doc.Slice(attribution.Source!.Value));
    }

    [Theory]
    [InlineData("But protest organizers in Cleveland said the march would go on.", "But protest organizers in Cleveland", "protest organizers in Cleveland")]
    [InlineData("It changed when Mr. Buchanan said the party had lost its way.", "when Mr. Buchanan", "Mr. Buchanan")]
    [InlineData("By then the senator said the vote would wait.", "the senator", "the senator")]
    public void A_source_drops_an_opening_connective(string body, string source, string trimmed)
    {
        var (doc, attribution) = OneAttribution(body, source, "said", null);
        DocumentPatterns.TrimSourceOpeners(doc);
        Assert.Equal(trimmed, doc.Slice(attribution.Source!.Value));
    }

    [Theory]
    [InlineData("In swing states like Ohio, many voters said the economy was weak.", "In swing states like Ohio, many voters", "many voters")]
    [InlineData("After the debate, in Lynchburg on Monday, the candidate said he would win.", "in Lynchburg on Monday, the candidate", "the candidate")]
    public void A_source_drops_an_opening_prepositional_phrase(string body, string source, string trimmed)
    {
        var (doc, attribution) = OneAttribution(body, source, "said", null);
        // The parse the rule reads: the preposition's noun carries the phrase, which a comma closes.
        if (body.StartsWith("In"))
        {
            Attach(doc, "In", "states", "case");
            Attach(doc, "Ohio", "states", "nmod");
        }
        else
        {
            Attach(doc, "in", "Lynchburg", "case");
            Attach(doc, "Monday", "Lynchburg", "nmod");
        }
        DocumentPatterns.TrimSourceOpeners(doc);
        Assert.Equal(source, doc.Slice(attribution.Source!.Value));
        DocumentPatterns.TrimSourceOpeners(doc, prepositionalOpeners: true);
        Assert.Equal(trimmed, doc.Slice(attribution.Source!.Value));
    }

    [Fact]
    public void A_subject_grows_no_further_back_than_an_opening_phrase_or_connective()
    {
        // A parse that hangs the place on the subject, as the parser sometimes does.
        var (doc, attribution) = OneAttribution("In Lynchburg on Monday, the candidate said he would win.", "the candidate", "said", "he would win");
        Attach(doc, "In", "Lynchburg", "case");
        Attach(doc, "Monday", "Lynchburg", "nmod");
        Attach(doc, "Lynchburg", "candidate", "nmod");
        Attach(doc, ",", "candidate", "punct");
        Attach(doc, "candidate", "said", "nsubj");
        DocumentPatterns.CompleteSubjects(doc, prepositionalOpeners: true);
        Assert.Equal("the candidate", doc.Slice(attribution.Source!.Value));
        DocumentPatterns.CompleteSubjects(doc);
        Assert.Equal("In Lynchburg on Monday, the candidate", doc.Slice(attribution.Source!.Value));

        var (conjoined, second) = OneAttribution("And a third delegate, Daniel Traynor, said he backed Cruz.", "Daniel Traynor", "said", "he backed Cruz");
        Attach(conjoined, "And", "delegate", "cc");
        Attach(conjoined, "delegate", "said", "nsubj");
        DocumentPatterns.CompleteSubjects(conjoined, prepositionalOpeners: true);
        Assert.Equal("a third delegate, Daniel Traynor", conjoined.Slice(second.Source!.Value));
    }

    /// <summary>Gives the first token <paramref name="dependent"/> the head and relation a parser might have given it.</summary>
    private static void Attach(Document doc, string dependent, string head, string relation)
    {
        var token = doc.Tokens.First(t => t.Text == dependent);
        token.Head = doc.Tokens.FindIndex(t => t.Text == head);
        token.Relation = relation;
    }

    [Fact]
    public void A_source_that_is_part_of_its_cues_subject_grows_to_the_whole_subject()
    {
        var (doc, attribution) = OneAttribution("Supporters who heard from the campaign said the rally was moved.", "the campaign", "said", "the rally was moved");
        DocumentPatterns.CompleteSubjects(doc);
        Assert.Equal("Supporters who heard from the campaign", doc.Slice(attribution.Source!.Value));

        // Also the subject of the clause a conjoined cue hangs from.
        var (conjoined, second) = OneAttribution("The mayor of the town praised the plan on Tuesday and said the budget was balanced.", "the town", "said", "the budget was balanced");
        DocumentPatterns.CompleteSubjects(conjoined);
        Assert.Equal("The mayor of the town", conjoined.Slice(second.Source!.Value));

        // Not past the longest subject it may take.
        attribution.Source = Range(doc, "the campaign");
        DocumentPatterns.CompleteSubjects(doc, maxTokens: 3);
        Assert.Equal("the campaign", doc.Slice(attribution.Source!.Value));
    }

    [Fact]
    public void A_colon_between_cue_and_content_belongs_to_the_cue()
    {
        var (doc, attribution) = OneAttribution("The mayor added: the budget is balanced.", "The mayor", "added", "the budget is balanced");
        DocumentPatterns.TakeCueColons(doc);
        Assert.Equal("added:", doc.Slice(attribution.Cue!.Value));
    }

    [Theory]
    [InlineData("The mayor said in a statement that the budget is balanced.", "said", "the budget is balanced", "said in a statement")]
    [InlineData("The mayor said Tuesday night that the budget is balanced.", "said", "the budget is balanced", "said Tuesday night")]
    [InlineData("The mayor said in a recent radio interview Friday that the budget is balanced.", "said", "the budget is balanced", "said in a recent radio interview Friday")]
    [InlineData("The mayor wrote on Twitter that the budget is balanced.", "wrote", "the budget is balanced", "wrote on Twitter")]
    [InlineData("The mayor said repeatedly that the budget is balanced.", "said", "the budget is balanced", "said repeatedly")]
    [InlineData("The mayor said in Ohio that the budget is balanced.", "said", "the budget is balanced", "said")]
    [InlineData("The mayor said on Tuesday that the budget is balanced.", "said", "the budget is balanced", "said")]
    [InlineData("The mayor told reporters Tuesday that the budget is balanced.", "told", "the budget is balanced", "told")]
    public void A_cue_takes_the_when_and_the_medium_right_after_its_verb(string body, string cue, string content, string grown)
    {
        var (doc, attribution) = OneAttribution(body, "The mayor", cue, content);
        Assert.Equal(grown != cue, DocumentPatterns.ExtendCueAdjuncts(doc));
        Assert.Equal(grown, doc.Slice(attribution.Cue!.Value));
    }

    [Fact]
    public void A_cue_adjunct_that_another_span_holds_stays_out_of_the_cue()
    {
        // "Friday" opens the content here, so it is not the cue's.
        var (doc, attribution) = OneAttribution("The mayor said Friday was the deadline.", "The mayor", "said", "Friday was the deadline");
        Assert.False(DocumentPatterns.ExtendCueAdjuncts(doc));
        Assert.Equal("said", doc.Slice(attribution.Cue!.Value));
    }

    [Fact]
    public void A_cue_grown_by_its_adjuncts_then_takes_its_colon()
    {
        var (doc, attribution) = OneAttribution("The mayor wrote in a blog post: the budget is balanced.", "The mayor", "wrote", "the budget is balanced");
        Assert.True(DocumentPatterns.ExtendCueAdjuncts(doc));
        DocumentPatterns.TakeCueColons(doc);
        Assert.Equal("wrote in a blog post:", doc.Slice(attribution.Cue!.Value));
    }

    /// <summary>A parsed one-paragraph article holding just this attribution.</summary>
    private static (Document, Attribution) OneAttribution(string body, string source, string cue, string? content)
    {
        var doc = Parsed("News\n\n" + body);
        doc.Attributions.Clear();
        var attribution = new Attribution("", AttributionKind.Indirect) { Source = Range(doc, source), Cue = Range(doc, cue) };
        if (content is not null) attribution.Content.Add(Range(doc, content));
        doc.Attributions.Add(attribution);
        return (doc, attribution);
    }

    private static TextRange Range(Document doc, string words)
    {
        int at = doc.Text.IndexOf(words, StringComparison.Ordinal);
        return new TextRange(at, at + words.Length);
    }
}
