using Hearsay.Attributions;
using Hearsay.Evaluation;
using Hearsay.Input;
using Hearsay.Stages.Reported;
using Hearsay.Text;

using static Hearsay.Tests.Reported.PreparedDocuments;

namespace Hearsay.Tests.Reported;

/// <summary>The model-free parts of full attribution: label alignment, span grouping and nesting, on hand-made spans.</summary>
public class AttributionGrouperTests
{
    /// <summary>The token span of the first occurrence of <paramref name="words"/>.</summary>
    private static RoleSpan Span(Document doc, int role, string words)
    {
        int at = doc.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, words);
        var (first, end) = doc.TokensIn(new TextRange(at, at + words.Length));
        return new RoleSpan(role, first, end);
    }

    /// <summary>The character range of the first occurrence of <paramref name="words"/>.</summary>
    private static TextRange At(Document doc, string words)
    {
        int at = doc.Text.IndexOf(words, StringComparison.Ordinal);
        return new(at, at + words.Length);
    }

    private static List<RoleSpan> SourceCueContent(Document doc, string source, string cue, string content) =>
        [Span(doc, RoleSpan.Source, source), Span(doc, RoleSpan.Cue, cue), Span(doc, RoleSpan.Content, content)];

    private static List<RoleSpan> CueContent(Document doc, string cue, string content) =>
        [Span(doc, RoleSpan.Cue, cue), Span(doc, RoleSpan.Content, content)];

    /// <summary>Gives the first token <paramref name="dependent"/> the head and relation a parser might have given it.</summary>
    private static void Attach(Document doc, string dependent, string head, string relation)
    {
        var token = doc.Tokens.First(t => t.Text == dependent);
        token.Head = doc.Tokens.FindIndex(t => t.Text == head);
        token.Relation = relation;
    }

    /// <summary>Content before and after the cue, as the labeller marks a subject it takes for content.</summary>
    private static List<RoleSpan> ContentCueContent(Document doc, string before, string cue, string after) =>
        [Span(doc, RoleSpan.Content, before), Span(doc, RoleSpan.Cue, cue), Span(doc, RoleSpan.Content, after)];

    [Fact]
    public void Labels_become_spans_and_a_begin_label_splits_them()
    {
        int[] labels = [0, 1, 2, 3, 5, 6, 6, 5, 6, 0];
        var spans = AttributionGrouper.Spans(labels);
        Assert.Equal([new RoleSpan(1, 1, 3), new RoleSpan(2, 3, 4), new RoleSpan(3, 4, 7), new RoleSpan(3, 7, 9)], spans);
    }

    [Fact]
    public void Gold_spans_align_to_tokens_inside_them()
    {
        var doc = Tokenized("News\n\nSmith said that taxes would rise.");
        int s = doc.Text.IndexOf("Smith"), c = doc.Text.IndexOf("said"), t = doc.Text.IndexOf("that");
        var gold = new AttributionSpans([new(s, s + 5)], [new(c, c + 4)], [new(t, doc.Text.IndexOf('.', t))]);
        var labels = AttributionTrainer.Align(doc, [gold]);
        var words = doc.Tokens.Select((tok, i) => (tok.Text, AttributionLabels.Names[labels[i]])).ToList();
        Assert.Contains(("Smith", "B-SOURCE"), words);
        Assert.Contains(("said", "B-CUE"), words);
        Assert.Contains(("that", "B-CONTENT"), words);
        Assert.Contains(("rise", "I-CONTENT"), words);
        Assert.Contains((".", "O"), words);
    }

    [Fact]
    public void Content_split_around_the_cue_goes_to_that_cue()
    {
        var doc = Tokenized("News\n\n“Taxes will rise,” the mayor said, “and nobody will like it.”");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Content, "“Taxes will rise,”"),
            Span(doc, RoleSpan.Source, "the mayor"),
            Span(doc, RoleSpan.Cue, "said"),
            Span(doc, RoleSpan.Content, "“and nobody will like it.”"),
        };
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("the mayor", doc.Slice(a.Source!.Value));
        Assert.Equal(2, a.Content.Count);
        Assert.Equal(AttributionKind.Direct, a.Kind);
    }

    [Fact]
    public void Each_content_goes_to_its_nearest_cue_and_a_conjoined_cue_shares_the_source()
    {
        var doc = Tokenized("News\n\nSmith said taxes would rise and added that schools would close.");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Source, "Smith"),
            Span(doc, RoleSpan.Cue, "said"),
            Span(doc, RoleSpan.Content, "taxes would rise"),
            Span(doc, RoleSpan.Cue, "added"),
            Span(doc, RoleSpan.Content, "that schools would close"),
        };
        var found = AttributionGrouper.Group(doc, spans);
        Assert.Equal(2, found.Count);
        Assert.Equal("taxes would rise", doc.Slice(found[0].Content[0]));
        Assert.Equal("that schools would close", doc.Slice(found[1].Content[0]));
        Assert.All(found, a => Assert.Equal("Smith", doc.Slice(a.Source!.Value)));
    }

    [Fact]
    public void Content_of_another_sentence_stays_off_a_cue_unless_it_continues_a_quote_from_the_cues_sentence()
    {
        var doc = Tokenized("News\n\nPutin wants the sanctions lifted. Zelensky signed a decree ruling out talks. "
            + "He added: “We will not wait. The sanctions stay until the troops leave.”");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Source, "Putin"),
            Span(doc, RoleSpan.Cue, "wants"),
            Span(doc, RoleSpan.Content, "the sanctions lifted"),
            Span(doc, RoleSpan.Content, "a decree"),   // stray words the labeller marked in the next sentence
            Span(doc, RoleSpan.Content, "ruling"),
            Span(doc, RoleSpan.Source, "He"),
            Span(doc, RoleSpan.Cue, "added"),
            Span(doc, RoleSpan.Content, "“We will not wait."),
            Span(doc, RoleSpan.Content, "The sanctions stay until the troops leave.”"),
        };
        var found = AttributionGrouper.Group(doc, spans);
        Assert.Equal(2, found.Count);
        Assert.Equal(["the sanctions lifted"], found[0].Content.Select(doc.Slice));
        Assert.Equal(2, found[1].Content.Count);   // the quote's second sentence continues the quotation "added" opens: it joins
        var anyCue = AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { MinForeignContent = 0 });
        Assert.Contains(anyCue.SelectMany(a => a.Content), c => doc.Slice(c) == "ruling");   // without the rule they hang on a cue
        Assert.DoesNotContain(found.SelectMany(a => a.Content), c => doc.Slice(c) == "ruling");

        // "… the agency has not …, officials said": a stretch of the sentence before stays off the cue.
        var before = Tokenized("News\n\nThe agency could use social media in its interviews. With the issue unresolved, the agency has not used them, officials said.");
        var beforeSpans = new List<RoleSpan>
        {
            Span(before, RoleSpan.Content, "social media in its interviews"),
            Span(before, RoleSpan.Content, "the agency has not used them"),
            Span(before, RoleSpan.Source, "officials"),
            Span(before, RoleSpan.Cue, "said"),
        };
        var a = Assert.Single(AttributionGrouper.Group(before, beforeSpans));
        Assert.Equal(["the agency has not used them"], a.Content.Select(before.Slice));
    }

    [Fact]
    public void A_cue_without_content_forms_nothing()
    {
        var doc = Tokenized("News\n\nSmith said nothing.");
        var spans = new List<RoleSpan> { Span(doc, RoleSpan.Source, "Smith"), Span(doc, RoleSpan.Cue, "said") };
        Assert.Empty(AttributionGrouper.Group(doc, spans));
    }

    [Fact]
    public void A_cue_inside_another_content_gets_it_as_parent()
    {
        var doc = Tokenized("News\n\nThe report said that Biden told Zelensky that aid would wait.");
        var outer = Spanned(doc, AttributionKind.Indirect, "The report", "said", "that Biden told Zelensky that aid would wait");
        var inner = Spanned(doc, AttributionKind.Indirect, "Biden", "told", "that aid would wait");
        doc.Attributions.Add(outer);
        doc.Attributions.Add(inner);
        AttributionNester.Nest(doc);
        Assert.Same(outer, inner.Parent);
        Assert.Null(outer.Parent);
        Assert.True(AttributionNester.IsReportedInside(inner));
        Assert.False(AttributionNester.IsReportedInside(outer));
    }

    [Fact]
    public void The_innermost_content_holding_a_cue_is_its_parent_whatever_the_order()
    {
        var doc = Tokenized("News\n\nThe paper said that aides claimed that the senator told donors that taxes would rise.");
        var paper = Spanned(doc, AttributionKind.Indirect, "The paper", "said", "that aides claimed that the senator told donors that taxes would rise");
        var aides = Spanned(doc, AttributionKind.Indirect, "aides", "claimed", "that the senator told donors that taxes would rise");
        var senator = Spanned(doc, AttributionKind.Indirect, "the senator", "told", "that taxes would rise");
        doc.Attributions.AddRange([senator, paper, aides]);
        AttributionNester.Nest(doc);
        Assert.Same(aides, senator.Parent);
        Assert.Same(paper, aides.Parent);
        Assert.Null(paper.Parent);
    }

    [Fact]
    public void Of_two_equal_contents_holding_a_cue_the_first_listed_is_the_parent()
    {
        var doc = Tokenized("News\n\nThe paper and the agency said that the senator told donors that taxes would rise.");
        var agency = Spanned(doc, AttributionKind.Indirect, "the agency", "said", "that the senator told donors that taxes would rise");
        var paper = Spanned(doc, AttributionKind.Indirect, "The paper", "said", "that the senator told donors that taxes would rise");
        var senator = Spanned(doc, AttributionKind.Indirect, "the senator", "told", "that taxes would rise");
        doc.Attributions.AddRange([agency, paper, senator]);
        AttributionNester.Nest(doc);
        Assert.Same(agency, senator.Parent);
    }

    [Fact]
    public void An_article_with_thousands_of_attributions_groups_each_cue_with_its_own_source_and_content()
    {
        // Cues, sources and contents are looked up by position, not by a pass over all of them: this guards
        // that the lookup finds the same spans the pass would, at the scale where it matters.
        const int count = 2000;
        var text = new System.Text.StringBuilder("News\n\n");
        for (int n = 1; n <= count; n++) text.Append($"Aide{n} said that plan{n} failed. ");
        var doc = Tokenized(text.ToString());
        var spans = new List<RoleSpan>();
        foreach (var sentence in doc.Sentences.Where(s => doc.Tokens[s.FirstToken].Text.StartsWith("Aide")))
        {
            int first = sentence.FirstToken;
            spans.Add(new RoleSpan(RoleSpan.Source, first, first + 1));
            spans.Add(new RoleSpan(RoleSpan.Cue, first + 1, first + 2));
            spans.Add(new RoleSpan(RoleSpan.Content, first + 2, first + 5));
        }
        var found = AttributionGrouper.Group(doc, spans);
        Assert.Equal(count, found.Count);
        foreach (var a in found)
        {
            string source = doc.Slice(a.Source!.Value);
            Assert.Equal("said", doc.Slice(a.Cue!.Value));
            Assert.Equal($"that plan{source[4..]} failed", doc.Slice(Assert.Single(a.Content)));
        }
    }

    [Fact]
    public void Nested_attributions_are_found_inside_content_by_rule()
    {
        var doc = Tokenized("News\n\nThe report said that Biden had to tell Zelensky that the aid would be delayed.");
        var outer = Spanned(doc, AttributionKind.Indirect, "The report", "said", "that Biden had to tell Zelensky that the aid would be delayed");
        doc.Attributions.Add(outer);
        AttributionNester.FindReported(doc, new Dictionary<string, float> { ["tell"] = 0.7f, ["said"] = 0.9f });
        var inner = Assert.Single(doc.Attributions, a => a.Parent == outer);
        Assert.Equal("Biden", doc.Slice(inner.Source!.Value));
        Assert.Equal("tell", doc.Slice(inner.Cue!.Value));
        Assert.Equal("that the aid would be delayed", doc.Slice(inner.Content[0]));
        Assert.Equal(AttributionNester.NestedRule, inner.Rule);
    }

    [Fact]
    public void An_opening_cut_off_by_source_and_cue_is_the_contents_first_fragment()
    {
        var doc = Tokenized("News\n\nThe latest test, North Korea said, was its biggest yet.");
        var spans = SourceCueContent(doc, "North Korea", "said", "was its biggest yet");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal(["The latest test", "was its biggest yet"], a.Content.Select(doc.Slice));
        var without = Assert.Single(AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { InterruptedContent = false }));
        Assert.Equal(["was its biggest yet"], without.Content.Select(doc.Slice));
    }

    [Fact]
    public void An_opening_that_is_not_cut_off_by_commas_stays_out()
    {
        var doc = Tokenized("News\n\nOn Tuesday North Korea said the test was its biggest yet.");
        var spans = SourceCueContent(doc, "North Korea", "said", "the test was its biggest yet");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal(["the test was its biggest yet"], a.Content.Select(doc.Slice));
    }

    [Theory]
    [InlineData("News\n\nMr. Effron has been mentioned as a potential Treasury secretary.", "Mr. Effron", "has been mentioned as", "a potential Treasury secretary")]
    [InlineData("News\n\nThe Clinton campaign reportedly scrambled for black voters.", "The Clinton campaign", "reportedly", "scrambled for black voters")]
    [InlineData("News\n\nThe lack of enthusiasm seems to be a real issue for her campaign.", "The lack of enthusiasm", "seems", "to be a real issue for her campaign")]
    public void The_subject_of_a_passive_or_raising_cue_is_content(string text, string subject, string cue, string content)
    {
        var doc = Parsed(text);
        var spans = SourceCueContent(doc, subject, cue, content);
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Null(a.Source);
        Assert.Equal([subject, content], a.Content.Select(doc.Slice));
        var active = Parsed("News\n\nThe senator has mentioned him as a potential Treasury secretary.");
        var activeSpans = SourceCueContent(active, "The senator", "has mentioned", "him as a potential Treasury secretary");
        Assert.Equal("The senator", active.Slice(Assert.Single(AttributionGrouper.Group(active, activeSpans)).Source!.Value));
    }

    [Theory]
    [InlineData("News\n\nThe campaign's earlier claim that Sanders wanted to end the law was false.", "earlier claim", "that Sanders wanted to end the law", "The campaign's")]
    [InlineData("News\n\nTrump's promises to deport millions drew crowds.", "promises", "to deport millions", "Trump's")]
    public void A_nominal_cue_without_a_source_takes_its_possessor(string text, string cue, string content, string source)
    {
        var doc = Parsed(text);
        var a = Assert.Single(AttributionGrouper.Group(doc, CueContent(doc, cue, content)));
        Assert.Equal(source, doc.Slice(a.Source!.Value));
        var without = AttributionGrouperOptions.Default with { PossessiveSources = false };
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, CueContent(doc, cue, content), without)).Source);
    }

    [Fact]
    public void An_active_subject_labelled_as_content_becomes_the_source()
    {
        var doc = Parsed("News\n\nCity officials have since balked at the owner's proposal.");
        var spans = ContentCueContent(doc, "City officials", "have since balked at", "the owner's proposal");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("City officials", doc.Slice(a.Source!.Value));
        Assert.Equal(["the owner's proposal"], a.Content.Select(doc.Slice));
        // A passive subject stays content, as the corpus draws it.
        var passive = Parsed("News\n\nMr. Effron has been mentioned as a potential Treasury secretary.");
        var passiveSpans = ContentCueContent(passive, "Mr. Effron", "has been mentioned as", "a potential Treasury secretary");
        Assert.Null(Assert.Single(AttributionGrouper.Group(passive, passiveSpans)).Source);
    }

    [Fact]
    public void A_subject_called_passive_under_a_verb_without_a_passive_auxiliary_is_the_source()
    {
        var doc = Parsed("News\n\nScholars have long debated the salience of ethnic ties.");
        // The parser has labelled this subject "nsubjpass" (the perfect "have" + participle looks passive to it).
        Attach(doc, "Scholars", "debated", "nsubjpass");
        var spans = SourceCueContent(doc, "Scholars", "have long debated", "the salience of ethnic ties");
        AssertSourceWithoutOnlyByRule(doc, spans, "Scholars", "the salience of ethnic ties", AttributionGrouperOptions.Default with { PassiveNeedsAuxiliary = false });
    }

    /// <summary>
    /// The one attribution the spans form has <paramref name="source"/> and <paramref name="content"/>, and no
    /// source at all under <paramref name="withoutRule"/> (the options with the rule that finds it turned off).
    /// </summary>
    private static void AssertSourceWithoutOnlyByRule(Document doc, List<RoleSpan> spans, string source, string content, AttributionGrouperOptions withoutRule)
    {
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal(source, doc.Slice(a.Source!.Value));
        Assert.Equal([content], a.Content.Select(doc.Slice));
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, spans, withoutRule)).Source);
    }

    [Fact]
    public void A_source_that_is_only_punctuation_gives_way_to_the_subject()
    {
        var doc = Parsed("News\n\nA federal judge on Friday, ordered the agency to release the emails.");
        var spans = SourceCueContent(doc, ",", "ordered", "the agency to release the emails");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.StartsWith("A federal judge", doc.Slice(a.Source!.Value));
        var untrimmed = AttributionGrouperOptions.Default with { TrimSources = false };
        Assert.Equal(",", doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans, untrimmed)).Source!.Value));
    }

    [Fact]
    public void A_source_that_is_a_prepositional_phrase_gives_way_to_the_subject_and_by_keeps_its_agent()
    {
        var doc = Parsed("News\n\nIn a speech the governor said the roads would reopen.");
        Attach(doc, "In", "speech", "case");
        Attach(doc, "speech", "said", "nmod");
        Attach(doc, "governor", "said", "nsubj");
        AssertSourceWithPrepositionalSources(doc, SourceCueContent(doc, "In a speech", "said", "the roads would reopen"), "the governor", "In a speech");

        var passive = Parsed("News\n\nThe claim was rejected by the mayor on Monday.");
        Attach(passive, "by", "mayor", "case");
        Attach(passive, "mayor", "rejected", "nmod");
        var agent = new List<RoleSpan> { Span(passive, RoleSpan.Content, "The claim"), Span(passive, RoleSpan.Cue, "was rejected"), Span(passive, RoleSpan.Source, "by the mayor") };
        AssertSourceWithPrepositionalSources(passive, agent, "the mayor", "by the mayor");
    }

    [Fact]
    public void A_source_completed_to_its_phrase_leaves_out_the_preposition_before_it()
    {
        var doc = Parsed("News\n\nOfficials at the ministry said the border would stay closed.");
        Attach(doc, "at", "ministry", "case");
        Attach(doc, "the", "ministry", "det");
        Attach(doc, "ministry", "Officials", "nmod");
        AssertSourceWithPrepositionalSources(doc, SourceCueContent(doc, "ministry", "said", "the border would stay closed"), "the ministry", "at the ministry");
    }

    /// <summary>The one attribution the spans form has source <paramref name="with"/>, and <paramref name="without"/> with the rule off.</summary>
    private static void AssertSourceWithPrepositionalSources(Document doc, List<RoleSpan> spans, string with, string without)
    {
        Assert.Equal(with, doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans)).Source!.Value));
        var off = AttributionGrouperOptions.Default with { PrepositionalSources = false };
        Assert.Equal(without, doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans, off)).Source!.Value));
    }

    [Theory]
    [InlineData("News\n\nBut insisted that the plan would work.", "insisted", "that the plan would work")]
    [InlineData("News\n\nAnd openly lie that she is being audited.", "openly lie", "that she is being audited")]
    public void A_source_found_before_the_cue_is_no_capitalised_verb_or_conjunction(string text, string cue, string content)
    {
        var doc = Parsed(text);
        var options = AttributionGrouperOptions.Default with { SyntacticSource = false };
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, CueContent(doc, cue, content), options)).Source);
        var untagged = options with { TaggedNameSources = false };
        Assert.NotNull(Assert.Single(AttributionGrouper.Group(doc, CueContent(doc, cue, content), untagged)).Source);
        var named = Parsed("News\n\nHe met voters. Sanders then told them the race was close.");
        Assert.Equal("Sanders", named.Slice(Assert.Single(AttributionGrouper.Group(named, CueContent(named, "told", "the race was close"), options)).Source!.Value));
    }

    [Theory]
    [InlineData("News\n\nDemocratic leaders are worried about the turnout in the state.", "Democratic leaders", "are worried about", "the turnout in the state")]
    [InlineData("News\n\nHer advisers are not convinced that the ads will work.", "Her advisers", "are not convinced", "that the ads will work")]
    public void The_passive_subject_of_a_participle_of_feeling_stays_the_source(string text, string subject, string cue, string content)
    {
        var doc = Parsed(text);
        var spans = SourceCueContent(doc, subject, cue, content);
        Assert.Equal(subject, doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans)).Source!.Value));
        var asPassive = AttributionGrouperOptions.Default with { Experiencers = false };
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, spans, asPassive)).Source);
    }

    [Fact]
    public void A_subject_labelled_as_content_of_a_participle_of_feeling_becomes_the_source()
    {
        var doc = Parsed("News\n\nClinton insiders are alarmed at the attacks on her credibility.");
        Attach(doc, "insiders", "alarmed", "nsubjpass");
        var spans = ContentCueContent(doc, "Clinton insiders", "are alarmed at", "the attacks on her credibility");
        AssertSourceWithoutOnlyByRule(doc, spans, "Clinton insiders", "the attacks on her credibility", AttributionGrouperOptions.Default with { ContentExperiencers = false });
    }

    [Fact]
    public void The_name_before_a_cue_is_found_past_a_day_and_a_parenthesis()
    {
        var doc = Parsed("News\n\nWASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed the attack on the judge.");
        var spans = CueContent(doc, "downplayed", "the attack on the judge");
        var options = AttributionGrouperOptions.Default with { SyntacticSource = false };
        Assert.EndsWith("Chuck Grassley", doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans, options)).Source!.Value));
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, spans, options with { SubjectPastAsides = false })).Source);
    }

    [Theory]
    [InlineData("News\n\nAlthough Clinton claimed that the videos exist, experts affirm that the group uses his words.",
        "Clinton", "claimed", "that the videos exist, experts affirm that the group uses his words", "that the videos exist")]
    [InlineData("News\n\nAfter she conceded that she is \u201cnot a natural politician,\u201d Clinton won the key states.",
        "she", "conceded", "that she is \u201cnot a natural politician,\u201d Clinton won the key states", "that she is \u201cnot a natural politician,\u201d")]
    public void Content_that_runs_on_into_the_clause_governing_its_cue_ends_at_the_comma(string text, string source, string cue, string content, string cut)
    {
        var doc = Parsed(text);
        var spans = SourceCueContent(doc, source, cue, content);
        Assert.Equal([cut], Assert.Single(AttributionGrouper.Group(doc, spans)).Content.Select(doc.Slice));
        var uncut = AttributionGrouperOptions.Default with { GoverningClauseCut = false };
        Assert.Equal([content], Assert.Single(AttributionGrouper.Group(doc, spans, uncut)).Content.Select(doc.Slice));
    }

    [Fact]
    public void Content_whose_comma_opens_a_quotation_is_not_cut()
    {
        var doc = Parsed("News\n\nAs she announced in capital letters, \u201cI am leaving the party!\u201d the crowd cheered.");
        const string content = "in capital letters, \u201cI am leaving the party!\u201d";
        var spans = SourceCueContent(doc, "she", "announced", content);
        Assert.Equal([content], Assert.Single(AttributionGrouper.Group(doc, spans)).Content.Select(doc.Slice));
    }

    [Fact]
    public void Content_whose_comma_closes_a_subordinate_clause_is_not_cut()
    {
        // The parse the rule cuts on: "he would vote for it" as the main clause, "said" hanging from it.
        //              He  said that while he opposed the plan ,   he would vote for it  .
        int[] heads = [1, 11, 5, 5, 5, 1, 7, 5, 11, 11, 11, -1, 13, 11, 11];
        var subordinate = Parsed("News\n\nHe said that while he opposed the plan, he would vote for it.");
        SetParse(subordinate, 1, heads, ["nsubj", "parataxis", "mark", "mark", "nsubj", "ccomp", "det", "dobj", "punct", "nsubj", "aux", "root", "case", "nmod", "punct"]);
        const string content = "that while he opposed the plan, he would vote for it";
        var spans = SourceCueContent(subordinate, "He", "said", content);
        Assert.Equal([content], Assert.Single(AttributionGrouper.Group(subordinate, spans)).Content.Select(subordinate.Slice));
        // The same parse without the subordinator is cut at the comma.
        var plain = Parsed("News\n\nHe said that he firmly opposed the plan, he would vote for it.");
        SetParse(plain, 1, heads, ["nsubj", "parataxis", "mark", "nsubj", "advmod", "ccomp", "det", "dobj", "punct", "nsubj", "aux", "root", "case", "nmod", "punct"]);
        var plainSpans = SourceCueContent(plain, "He", "said", "that he firmly opposed the plan, he would vote for it");
        Assert.Equal(["that he firmly opposed the plan"], Assert.Single(AttributionGrouper.Group(plain, plainSpans)).Content.Select(plain.Slice));
    }

    /// <summary>Sets the heads (indices within the sentence, -1 for the root) and relations of sentence <paramref name="sentence"/>'s tokens.</summary>
    private static void SetParse(Document doc, int sentence, int[] heads, string[] relations)
    {
        int first = doc.Sentences[sentence].FirstToken;
        Assert.Equal(heads.Length, doc.Sentences[sentence].EndToken - first);
        for (int i = 0; i < heads.Length; i++)
        {
            doc.Tokens[first + i].Head = heads[i] < 0 ? -1 : first + heads[i];
            doc.Tokens[first + i].Relation = relations[i];
        }
    }

    [Fact]
    public void A_participle_cue_takes_the_subject_of_the_clause_it_hangs_from_or_the_noun_it_modifies()
    {
        var doc = Parsed("News\n\nTwo speechwriters wrote a memo on Monday, arguing that the plan would fail.");
        var spans = CueContent(doc, "arguing", "that the plan would fail");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("Two speechwriters", doc.Slice(a.Source!.Value));

        var modified = Parsed("News\n\nThe video shows five young voters talking about the election.");
        var modifiedSpans = CueContent(modified, "talking about", "the election");
        var b = Assert.Single(AttributionGrouper.Group(modified, modifiedSpans));
        Assert.Equal("five young voters", modified.Slice(b.Source!.Value));
    }

    [Fact]
    public void A_verb_with_a_document_object_and_a_participle_is_one_cue()
    {
        var doc = Parsed("News\n\nZelensky signed a decree ruling out negotiations with Putin. The ministry issued a statement on Tuesday, saying the border would stay closed.");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Source, "Zelensky"),
            Span(doc, RoleSpan.Cue, "signed"),
            Span(doc, RoleSpan.Content, "a decree ruling out negotiations with Putin"),
            Span(doc, RoleSpan.Source, "The ministry"),
            Span(doc, RoleSpan.Cue, "issued"),
            Span(doc, RoleSpan.Content, "statement on Tuesday, saying the border would stay closed"),
        };
        var found = AttributionGrouper.Group(doc, spans);
        Assert.Equal(["signed a decree ruling out", "issued a statement on Tuesday, saying"], found.Select(a => doc.Slice(a.Cue!.Value)));
        Assert.Equal(["negotiations with Putin", "the border would stay closed"], found.Select(a => doc.Slice(Assert.Single(a.Content))));

        var plain = Parsed("News\n\nThe ministry issued a statement about the border.");
        var plainSpans = CueContent(plain, "issued", "a statement about the border");
        Assert.Equal("issued", plain.Slice(Assert.Single(AttributionGrouper.Group(plain, plainSpans)).Cue!.Value));
    }

    [Fact]
    public void A_cue_takes_the_auxiliaries_and_adverbs_before_it()
    {
        var doc = Parsed("News\n\nThe governor has repeatedly said that the plan will fail.");
        var spans = SourceCueContent(doc, "The governor", "said", "that the plan will fail");
        Assert.Equal("has repeatedly said", doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans)).Cue!.Value));
        var bare = AttributionGrouperOptions.Default with { CueAuxiliaries = false };
        Assert.Equal("said", doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans, bare)).Cue!.Value));
    }

    [Fact]
    public void A_gerund_after_the_cue_verb_opens_the_content()
    {
        var doc = Parsed("News\n\nCity officials have proposed barring trucks from the bridge.");
        var spans = SourceCueContent(doc, "City officials", "have proposed barring", "trucks from the bridge");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("have proposed", doc.Slice(a.Cue!.Value));
        Assert.Equal("barring trucks from the bridge", doc.Slice(Assert.Single(a.Content)));
        var bare = AttributionGrouperOptions.Default with { GerundComplements = false };
        Assert.Equal("have proposed barring", doc.Slice(Assert.Single(AttributionGrouper.Group(doc, spans, bare)).Cue!.Value));

        // A gerund of speech or thought is the cue's own verb.
        var asking = Parsed("News\n\nThe mayor has started asking residents to conserve water.");
        var askingSpans = SourceCueContent(asking, "The mayor", "has started asking", "residents to conserve water");
        Assert.Equal("has started asking", asking.Slice(Assert.Single(AttributionGrouper.Group(asking, askingSpans)).Cue!.Value));
    }

    [Fact]
    public void According_to_reports_the_whole_clause_its_place_in_the_sentence_gives_it()
    {
        var after = Parsed("News\n\nIn Colorado, there are still voters who backed Sanders and won't get behind Clinton, according to the Democratic chairs.");
        var afterSpans = SourceCueContent(after, "the Democratic chairs", "according to", "get behind Clinton");
        Assert.Equal("In Colorado, there are still voters who backed Sanders and won't get behind Clinton",
            after.Slice(Assert.Single(Assert.Single(AttributionGrouper.Group(after, afterSpans)).Content)));

        var before = Parsed("News\n\nAccording to a CNN tally, Trump has won 758 pledged delegates so far.");
        var beforeSpans = new List<RoleSpan> { Span(before, RoleSpan.Cue, "According to"), Span(before, RoleSpan.Content, "758 pledged delegates") };
        var a = Assert.Single(AttributionGrouper.Group(before, beforeSpans));
        Assert.Equal("a CNN tally", before.Slice(a.Source!.Value));
        Assert.Equal("Trump has won 758 pledged delegates so far", before.Slice(Assert.Single(a.Content)));

        var described = Parsed("News\n\nAccording to Lorella Praeli, Clinton's Latino vote director, the campaign has targeted Latino voters.");
        var describedSpans = new List<RoleSpan> { Span(described, RoleSpan.Cue, "According to"), Span(described, RoleSpan.Content, "Latino voters") };
        var d = Assert.Single(AttributionGrouper.Group(described, describedSpans));
        Assert.Equal("Lorella Praeli, Clinton's Latino vote director", described.Slice(d.Source!.Value));
        Assert.Equal("the campaign has targeted Latino voters", described.Slice(Assert.Single(d.Content)));

        var opening = Parsed("News\n\nBoasting farms and colleges, called the Crossroads of America by its citizens, the county's voters seem enamored with Trump, according to Politico.");
        var openingSpans = new List<RoleSpan>
        {
            Span(opening, RoleSpan.Cue, "called"),
            Span(opening, RoleSpan.Content, "the Crossroads of America"),
            Span(opening, RoleSpan.Cue, "according to"),
            Span(opening, RoleSpan.Source, "Politico"),
        };
        var politico = Assert.Single(AttributionGrouper.Group(opening, openingSpans), a => a.Source is { } p && opening.Slice(p) == "Politico");
        Assert.Equal("the county's voters seem enamored with Trump", opening.Slice(Assert.Single(politico.Content)));
        var whole = AttributionGrouperOptions.Default with { AccordingToSubject = false };
        Assert.StartsWith("Boasting", opening.Slice(Assert.Single(Assert.Single(AttributionGrouper.Group(opening, openingSpans, whole),
            a => a.Source is { } p && opening.Slice(p) == "Politico").Content)));

        var off = AttributionGrouperOptions.Default with { AccordingToClause = false };
        Assert.Equal("get behind Clinton", after.Slice(Assert.Single(Assert.Single(AttributionGrouper.Group(after, afterSpans, off)).Content)));
    }

    [Fact]
    public void A_participle_cue_climbs_a_chain_of_clauses_to_the_subject()
    {
        var doc = Parsed("News\n\nOn Thursday, he expanded upon his calls for more surveillance, warning followers that the group could strike and implying that members were already here.");
        var spans = CueContent(doc, "implying", "that members were already here");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("he", doc.Slice(a.Source!.Value));
        var oneLink = AttributionGrouperOptions.Default with { SubjectChains = false };
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, spans, oneLink)).Source);
    }

    [Fact]
    public void A_subject_too_long_for_a_source_gives_its_head_words()
    {
        var doc = Parsed("News\n\nSenator Marco Rubio, who has long opposed the plan and voted against it twice in the committee last year, argues that it will fail.");
        var spans = CueContent(doc, "argues", "that it will fail");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("Senator Marco Rubio", doc.Slice(a.Source!.Value));
        var whole = AttributionGrouperOptions.Default with { ShortSubjects = false };
        Assert.Null(Assert.Single(AttributionGrouper.Group(doc, spans, whole)).Source);
    }

    [Fact]
    public void A_day_before_the_cue_is_not_its_source()
    {
        var doc = Tokenized("News\n\nThe senator spoke out Tuesday about the cuts to the program.");
        var spans = SourceCueContent(doc, "Tuesday", "about", "the cuts to the program");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.NotEqual("Tuesday", a.Source is { } s ? doc.Slice(s) : "");
    }

    [Fact]
    public void Touching_source_spans_are_one_source_and_a_source_takes_back_the_start_of_its_phrase()
    {
        var doc = Parsed("News\n\nThe president plans to visit the region. The ministry's statement said the border would stay closed.");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Source, "The"),
            Span(doc, RoleSpan.Source, "president"),
            Span(doc, RoleSpan.Cue, "plans"),
            Span(doc, RoleSpan.Content, "to visit the region"),
            Span(doc, RoleSpan.Source, "statement"),
            Span(doc, RoleSpan.Cue, "said"),
            Span(doc, RoleSpan.Content, "the border would stay closed"),
        };
        var found = AttributionGrouper.Group(doc, spans);
        Assert.Equal(["The president", "The ministry's statement"], found.Select(a => doc.Slice(a.Source!.Value)));
    }

    private static RoleSpan First(RoleSpan span) => span with { End = span.First + 1 };

    [Fact]
    public void A_speech_verb_without_content_reports_the_attribution_beside_it()
    {
        var doc = Tokenized("News\n\nBut a campaign operative decided to change course, a source said. Fiorina said Trump is on solid ground.");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Source, "a campaign operative"),
            Span(doc, RoleSpan.Cue, "decided"),
            Span(doc, RoleSpan.Content, "to change course"),
            Span(doc, RoleSpan.Source, "a source"),
            Span(doc, RoleSpan.Cue, "said"),
            Span(doc, RoleSpan.Source, "Fiorina"),
            First(Span(doc, RoleSpan.Cue, "said Trump")),   // the second "said"
            First(Span(doc, RoleSpan.Source, "Trump is")),
            First(Span(doc, RoleSpan.Cue, "is on")),
            Span(doc, RoleSpan.Content, "on solid ground"),
        };
        var found = AttributionGrouper.Group(doc, spans);
        string Of(string source) => string.Join(" | ", found.Single(a => a.Source is { } s && doc.Slice(s) == source).Content.Select(doc.Slice));
        Assert.Equal("a campaign operative decided to change course", Of("a source"));
        Assert.Equal("Trump is on solid ground", Of("Fiorina"));
        Assert.Equal("to change course", Of("a campaign operative"));   // the inner one stays, to be nested
        var without = AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { OuterSpeech = false });
        Assert.DoesNotContain(without, a => a.Source is { } s && doc.Slice(s) == "a source");
    }

    [Fact]
    public void According_to_without_content_reports_the_attribution_beside_it()
    {
        var doc = Tokenized("News\n\nThe local leaders seem enamored with the candidate, according to Politico.");
        var spans = new List<RoleSpan>
        {
            Span(doc, RoleSpan.Content, "The local leaders"),
            Span(doc, RoleSpan.Cue, "seem"),
            Span(doc, RoleSpan.Content, "enamored with the candidate"),
            Span(doc, RoleSpan.Cue, "according to"),
            Span(doc, RoleSpan.Source, "Politico"),
        };
        var outer = Assert.Single(AttributionGrouper.Group(doc, spans), a => a.Source is { } s && doc.Slice(s) == "Politico");
        Assert.Equal(["The local leaders seem enamored with the candidate"], outer.Content.Select(doc.Slice));
        // (The clause rule alone reports the same sentence; both switched off, nothing does.)
        var without = AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { OuterAccordingTo = false, AccordingToClause = false });
        Assert.DoesNotContain(without, a => a.Source is { } s && doc.Slice(s) == "Politico");
    }

    [Fact]
    public void Quoted_as_saying_is_one_attribution_of_the_quoting_outlet()
    {
        var doc = Tokenized("News\n\nCNN quoted an American witness as saying he saw one person in the truck.");
        var spans = SourceCueContent(doc, "CNN", "saying", "he saw one person in the truck");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal("CNN", doc.Slice(a.Source!.Value));
        Assert.Equal("quoted", doc.Slice(a.Cue!.Value));
        Assert.Equal(["an American witness as saying he saw one person in the truck"], a.Content.Select(doc.Slice));
        var labelled = Assert.Single(AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { QuotedAsSaying = false }));
        Assert.Equal("saying", doc.Slice(labelled.Cue!.Value));
    }

    [Fact]
    public void Content_grown_to_its_clause_stops_at_a_comma()
    {
        var doc = Parsed("News\n\nYou wanted to see her event, and not stay up past midnight searching for a replay.");
        var spans = SourceCueContent(doc, "You", "wanted", "to see");
        var a = Assert.Single(AttributionGrouper.Group(doc, spans));
        Assert.Equal(["to see her event"], a.Content.Select(doc.Slice));
        var whole = Assert.Single(AttributionGrouper.Group(doc, spans, AttributionGrouperOptions.Default with { ExtendToComma = false }));
        Assert.EndsWith("searching for a replay", doc.Slice(whole.Content[^1]));
    }

    [Fact]
    public void The_labellers_attribution_replaces_a_sieves_mixed_quote_but_not_a_direct_one()
    {
        var doc = Tokenized("News\n\nClinton called half of his supporters “deplorables.” “We will win,” Smith said.");
        Attribution Make(AttributionKind kind, string source, string cue, string content, string rule) => Spanned(doc, kind, source, cue, content, rule);
        doc.Attributions.Clear();
        doc.Attributions.Add(Make(AttributionKind.Mixed, "Clinton", "called", "“deplorables.”", "partial-quote"));
        doc.Attributions.Add(Make(AttributionKind.Direct, "Smith", "said", "“We will win,”", "quote-then-cue"));
        var found = new List<Attribution>
        {
            Make(AttributionKind.Mixed, "Clinton", "called", "half of his supporters “deplorables.”", "tagger"),
            Make(AttributionKind.Direct, "Smith", "said", "“We will win,”", "tagger"),
        };
        AttributionTagger.Merge(doc, found, SieveMerge.PreferLabeller);
        Assert.Equal(["tagger", "quote-then-cue"], doc.Attributions.Select(a => a.Rule));
        Assert.Equal("half of his supporters “deplorables.”", doc.Slice(doc.Attributions[0].Content[0]));
    }

    /// <summary>An attribution whose spans are the first occurrences of the given words in the document.</summary>
    private static Attribution Spanned(Document doc, AttributionKind kind, string source, string cue, string content, string? rule = null)
    {
        var a = new Attribution("", kind) { Source = At(doc, source), Cue = At(doc, cue), Rule = rule };
        a.Content.Add(At(doc, content));
        return a;
    }

    [Fact]
    public void A_sieve_quote_comes_back_when_the_attribution_that_displaced_it_is_dropped()
    {
        var doc = Tokenized("News\n\nClinton called half of his supporters “deplorables.” Jones praised “the plan.”");
        Attribution Make(string source, string cue, string content, string rule) => Spanned(doc, AttributionKind.Mixed, source, cue, content, rule);
        var clinton = Make("Clinton", "called", "“deplorables.”", "partial-quote");
        var jones = Make("Jones", "praised", "“the plan.”", "partial-quote");
        doc.Attributions.Clear();
        doc.Attributions.AddRange([clinton, jones]);
        var labelled = new List<Attribution>
        {
            Make("Clinton", "called", "half of his supporters “deplorables.”", "tagger"),
            Make("Jones", "praised", "“the plan.”", "tagger"),
        };
        var displaced = AttributionTagger.Merge(doc, labelled, SieveMerge.PreferLabeller);
        Assert.Equal(["tagger", "tagger"], doc.Attributions.Select(a => a.Rule));

        // Both labeller attributions are dropped for their confidence; another one now covers Jones's quote.
        doc.Attributions.Clear();
        doc.Attributions.Add(Make("Jones", "praised", "“the plan.”", "other"));
        AttributionTagger.Restore(doc, labelled, displaced, a => 0.6, least: 0.5);
        Assert.Equal(["other", "partial-quote"], doc.Attributions.Select(a => a.Rule));
        Assert.Same(clinton, doc.Attributions[1]);
        Assert.Equal(0.6, clinton.Confidence);

        // A quote that is itself too unlikely stays out.
        doc.Attributions.Clear();
        AttributionTagger.Restore(doc, labelled, displaced, a => 0.1, least: 0.5);
        Assert.Empty(doc.Attributions);
    }

    [Fact]
    public void A_short_direct_quote_inside_the_labellers_content_is_a_fragment_of_it()
    {
        var doc = Tokenized("News\n\nComey said there was clear evidence that Clinton was “extremely careless” with the emails. “We will win this time,” Smith added.");
        Attribution Make(string source, string cue, string content, string rule) => Spanned(doc, AttributionKind.Direct, source, cue, content, rule);
        doc.Attributions.Clear();
        doc.Attributions.Add(Make("Comey", "said", "“extremely careless”", "quote-sieve"));
        doc.Attributions.Add(Make("Smith", "added", "“We will win this time,”", "quote-then-cue"));
        var found = new List<Attribution>
        {
            Make("Comey", "said", "there was clear evidence that Clinton was “extremely careless” with the emails", "tagger"),
            // A labeller attribution around a whole quoted sentence does not replace the quote.
            Make("Smith", "added", "“We will win this time,” Smith", "tagger"),
        };
        AttributionTagger.Merge(doc, found, SieveMerge.PreferLabeller, fragmentWords: 4);
        Assert.Equal(["tagger", "quote-then-cue"], doc.Attributions.Select(a => a.Rule));

        doc.Attributions.Clear();
        doc.Attributions.Add(Make("Comey", "said", "“extremely careless”", "quote-sieve"));
        AttributionTagger.Merge(doc, [found[0]], SieveMerge.PreferLabeller, fragmentWords: 0);
        Assert.Equal(["quote-sieve"], doc.Attributions.Select(a => a.Rule));
    }

    [Fact]
    public void A_cue_the_labeller_found_inside_a_content_is_not_found_again_by_the_nester()
    {
        var doc = Tokenized("News\n\nAccording to the Post, Biden told Zelensky in a phone call that more aid was on its way.");
        doc.Attributions.Clear();
        var outer = Spanned(doc, AttributionKind.Indirect, "the Post", "According to", "Biden told Zelensky in a phone call that more aid was on its way", "tagger");
        var inner = Spanned(doc, AttributionKind.Indirect, "Biden", "told", "that more aid was on its way", "tagger");
        doc.Attributions.AddRange([outer, inner]);
        AttributionNester.Nest(doc);
        AttributionNester.FindReported(doc, new Dictionary<string, float> { ["told"] = 0.9f });
        var told = Assert.Single(doc.Attributions, a => doc.Slice(a.Cue!.Value) == "told");
        Assert.Same(outer, told.Parent);
    }
}
