using Hearsay.Attributions;
using Hearsay.Evaluation;
using Hearsay.Input;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Stages.Reported;
using Hearsay.Text;

namespace Hearsay.Tests.Reported;

/// <summary>
/// Each case is a small hand-written article showing one pattern of attribution, run through the standard
/// pipeline with the shipped labeller (models/attribution.bin, embedded in the assembly; no corpus needed).
/// </summary>
public class AttributionTaggerTests
{
    private static readonly HearsayPipeline Pipeline = StandardPipeline.Create();

    private static Document Run(string body) => Pipeline.Process(ArticleReader.FromText("World news\n\n" + body));

    private static string Source(Document doc, Attribution a) => a.Source is { } s ? doc.Slice(s) : "";
    private static string Cue(Document doc, Attribution a) => a.Cue is { } c ? doc.Slice(c) : "";
    private static string Content(Document doc, Attribution a) => string.Join(" … ", a.Content.Select(doc.Slice));

    private static Attribution ByCue(Document doc, string cue) =>
        Assert.Single(doc.Attributions, a => Cue(doc, a).Contains(cue, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Shipped_model_is_embedded()
    {
        Assert.NotNull(AttributionModel.LoadShipped());
        Assert.Contains(Pipeline.Stages, s => s is AttributionTagger);
    }

    [Theory]
    [InlineData("Biden warned the risk was higher than at any time since the Cold War.", "Biden", "warned", "the risk was higher")]
    [InlineData("Zelensky often said that the US and NATO weren't doing enough to help his country.", "Zelensky", "said", "that the US and NATO")]
    [InlineData("Officials said the governor plans to sign the bill on Friday.", "Officials", "said", "the governor plans to sign the bill on Friday")]
    public void Indirect_speech(string body, string source, string cue, string contentStart)
    {
        var doc = Run(body);
        var a = ByCue(doc, cue);
        Assert.Equal(source, Source(doc, a));
        Assert.StartsWith(contentStart, Content(doc, a));
        Assert.Equal(AttributionKind.Indirect, a.Kind);
    }

    [Fact]
    public void Told_someone_that()
    {
        var doc = Run("Johnson told reporters that the bill would be delayed until spring.");
        var a = ByCue(doc, "told");
        Assert.Equal("Johnson", Source(doc, a));
        Assert.StartsWith("that the bill would be delayed", Content(doc, a));
    }

    [Fact]
    public void Mixed_quote_keeps_the_paraphrase_around_the_fragment()
    {
        var doc = Run("The senator called the plan \"a disaster for working families\" and said it would not pass.");
        var called = ByCue(doc, "called");
        Assert.Equal("The senator", Source(doc, called));
        Assert.Contains("a disaster for working families", Content(doc, called));
        Assert.Equal(AttributionKind.Mixed, called.Kind);
        // "… and said it would not pass": the second cue shares the first one's source.
        var said = ByCue(doc, "said");
        Assert.Equal("The senator", Source(doc, said));
        Assert.Equal("it would not pass", Content(doc, said));
    }

    [Fact]
    public void According_to_is_a_cue()
    {
        var doc = Run("The war goes on. The strike killed three militants, according to the Pentagon.");
        var a = ByCue(doc, "according to");
        Assert.Equal("according to", Cue(doc, a));
        Assert.Equal("the Pentagon", Source(doc, a));
        Assert.Equal("The strike killed three militants", Content(doc, a));
    }

    [Fact]
    public void In_a_statement_the_body_said()
    {
        var doc = Run("In a statement, the ministry said the talks would resume next week.");
        var a = ByCue(doc, "said");
        Assert.Equal("the ministry", Source(doc, a));
        Assert.StartsWith("the talks", Content(doc, a));
    }

    [Fact]
    public void An_outlet_has_learned()
    {
        var doc = Run("The Washington Post has learned that the campaign hid the diagnosis for two days.");
        var a = ByCue(doc, "learned");
        Assert.Equal("has learned", Cue(doc, a));
        Assert.Equal("The Washington Post", Source(doc, a));
        Assert.StartsWith("that the campaign hid the diagnosis", Content(doc, a));
    }

    [Fact]
    public void In_an_interview_with_an_outlet()
    {
        var doc = Run("In an interview with CNN, the governor said the state would sue.");
        var a = ByCue(doc, "said");
        Assert.Equal("the governor", Source(doc, a));
        Assert.Equal("the state would sue", Content(doc, a));
    }

    [Fact]
    public void A_statement_as_the_source()
    {
        var doc = Run("The ministry's statement said the border would stay closed.");
        var a = ByCue(doc, "said");
        Assert.Equal("The ministry's statement", Source(doc, a));
        Assert.StartsWith("the border would stay closed", Content(doc, a));
    }

    [Theory]
    [InlineData("Report: Clinton Camp Weighs New Ad Strategy\n\nThe campaign met on Monday.", "Report", "Clinton Camp Weighs New Ad Strategy")]
    [InlineData("Pence: Trump Was Mocking Clinton Camp\n\nThe debate is on Monday.", "Pence", "Trump Was Mocking Clinton Camp")]
    public void Headline_colon(string text, string source, string content)
    {
        var doc = Pipeline.Process(ArticleReader.FromText(text));
        var a = ByCue(doc, ":");
        Assert.Equal(source, Source(doc, a));
        Assert.Equal(content, Content(doc, a));
    }

    [Fact]
    public void A_headline_colon_reports_what_the_labeller_finds_inside_it()
    {
        var doc = Pipeline.Process(ArticleReader.FromText(
            "Report: US Officials Have Ruled Out Pushing Ukraine to Negotiate With Russia\n\nThe Washington Post reported on Saturday that US officials say neither side can win."));
        var outer = ByCue(doc, ":");
        Assert.Equal("Report", Source(doc, outer));
        Assert.Equal("US Officials Have Ruled Out Pushing Ukraine to Negotiate With Russia", Content(doc, outer));
        Assert.All(doc.Attributions.Where(a => a.Cue is { } c && outer.Content[0].Contains(c)), inner => Assert.Same(outer, inner.Parent));
    }

    [Fact]
    public void A_name_and_colon_before_a_quotation_and_a_sentence_opening_in_a_poll_are_attributions()
    {
        const string text = "Polls\n\nPollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”\n\n"
            + "In a new Washington Post-ABC News poll, Clinton led Trump by 12 points among women.";
        var doc = Pipeline.Process(ArticleReader.FromText(text));
        var quote = ByCue(doc, ":");
        Assert.Equal("Carl Bialik", Source(doc, quote));
        Assert.Equal("“Keep on contacting voters as late as possible.”", Content(doc, quote));
        var poll = Assert.Single(doc.Attributions, a => Cue(doc, a) == "In");
        Assert.Equal("a new Washington Post-ABC News poll", Source(doc, poll));
        Assert.Equal("Clinton led Trump by 12 points among women", Content(doc, poll));

        var off = AttributionTaggerOptions.Default with
        {
            Grouping = AttributionGrouperOptions.Default with { NameColonQuotes = false, InPolls = false },
        };
        var plain = AttributionTrainer.BasePipeline(StandardPipelineOptions.Default.Models).Process(ArticleReader.FromText(text));
        new AttributionTagger(AttributionModel.LoadShipped()!, off).Process(plain);
        Assert.DoesNotContain(plain.Attributions, a => Source(plain, a) == "Carl Bialik" || Cue(plain, a) == "In");
    }

    [Theory]
    [InlineData("Trump believes the election was stolen from him.", "Trump", "believes", "the election was stolen from him")]
    [InlineData("US officials have ruled out pushing Ukraine into talks with Russia.", "US officials", "ruled out", "pushing Ukraine")]
    [InlineData("The senator vowed to block the nomination until the hearings are public.", "The senator", "vowed", "to block the nomination")]
    [InlineData("Putin wants the sanctions lifted before any talks begin.", "Putin", "wants", "the sanctions lifted")]
    [InlineData("The president plans to visit the region next week.", "The president", "plans", "to visit the region")]
    [InlineData("Zelensky signed a decree ruling out negotiations with Putin.", "Zelensky", "signed a decree ruling out", "negotiations with Putin")]
    public void Beliefs_and_intentions(string body, string source, string cue, string contentStart)
    {
        var doc = Run(body);
        var a = ByCue(doc, cue);
        Assert.Equal(source, Source(doc, a));
        Assert.StartsWith(contentStart, Content(doc, a));
    }

    [Fact]
    public void Nested_report_gives_the_parent()
    {
        var doc = Run("The report said that Biden had to tell Zelensky that the aid would be delayed.");
        var outer = ByCue(doc, "said");
        Assert.Equal("The report", Source(doc, outer));
        var inner = ByCue(doc, "tell");
        Assert.Equal("Biden", Source(doc, inner));
        Assert.Equal("that the aid would be delayed", Content(doc, inner));
        Assert.Same(outer, inner.Parent);
        Assert.True(AttributionNester.IsReportedInside(inner));
        // Univocal outputs (brat, scoring) leave the nested one out; the text rendering indents it.
        Assert.Single(AttributionSpans.From(doc.Attributions));
        var text = new StringWriter();
        TextRenderer.Write(doc, text, colour: false);
        Assert.Contains($"\n  {inner.Id} indirect  Biden", text.ToString());
    }

    [Fact]
    public void Transcript_lines_attribute_the_paragraph_to_the_speaker()
    {
        var doc = Pipeline.Process(ArticleReader.FromText(
            "Pence on Fox\n\nThe interview went like this.\n\nWALLACE: If I may, sir, will she be there?\n\nPENCE: She will not be attending the debate tomorrow night.\n"));
        var lines = doc.Attributions.Where(a => Cue(doc, a) == ":").ToList();
        Assert.Equal(["WALLACE", "PENCE"], lines.Select(a => Source(doc, a)));
        Assert.Equal("If I may, sir, will she be there?", Content(doc, lines[0]));
        Assert.Equal("She will not be attending the debate tomorrow night", Content(doc, lines[1]));
    }

    [Fact]
    public void A_transcript_printed_as_one_long_quote_gives_its_lines_to_their_speakers()
    {
        var doc = Pipeline.Process(ArticleReader.FromText(
            "Pence on Fox\n\nThe governor said on Sunday that the debate would go ahead. Partial transcript as follows:\n\n" +
            "\"WALLACE: If I may, sir, will she be there?\n\n\"PENCE: She will not be attending the debate tomorrow night.\"\n"));
        var lines = doc.Attributions.Where(a => Cue(doc, a) == ":").ToList();
        Assert.Equal(["WALLACE", "PENCE"], lines.Select(a => Source(doc, a)));
        Assert.Equal("If I may, sir, will she be there?", Content(doc, lines[0]));
        Assert.Equal("She will not be attending the debate tomorrow night", Content(doc, lines[1]));
        // No other attribution keeps a line inside its content.
        foreach (var other in doc.Attributions.Except(lines).Where(a => !AttributionNester.IsReportedInside(a)))
            Assert.DoesNotContain("WALLACE", Content(doc, other));
    }

    [Fact]
    public void Speech_reported_inside_a_transcript_line_nests_under_it()
    {
        var doc = Pipeline.Process(ArticleReader.FromText(
            "Pence on Fox\n\nThe interview went like this.\n\nWALLACE: The governor said that the bridge would close next week. Will it?\n"));
        var line = Assert.Single(doc.Attributions, a => Cue(doc, a) == ":");
        Assert.Equal("WALLACE", Source(doc, line));
        Assert.Equal("The governor said that the bridge would close next week. Will it?", Content(doc, line));
        var inner = ByCue(doc, "said");
        Assert.Same(line, inner.Parent);
        Assert.True(AttributionNester.IsReportedInside(inner));
    }

    private const string Part =
        "The minister said the border would stay closed until spring. Farmers fear the losses will mount.\n\n" +
        "According to the ministry, the talks will resume next week.\n\n";

    private static Document Prepared(string text) =>
        StandardPipeline.Create(StandardPipelineOptions.Default with { FullAttribution = false }).Process(ArticleReader.FromText(text));

    [Fact]
    public void Labelling_windows_end_where_paragraphs_end()
    {
        var doc = Prepared(string.Concat(Enumerable.Repeat(Part, 6)));
        int perPart = doc.Tokens.Count / 6;
        var windows = AttributionTagger.Windows(doc, perPart);
        Assert.True(windows.Count > 1);
        Assert.Equal(0, windows[0].First);
        Assert.Equal(doc.Tokens.Count, windows[^1].End);
        for (int w = 1; w < windows.Count; w++) Assert.Equal(windows[w - 1].End, windows[w].First);
        foreach (var (_, end) in windows.SkipLast(1))
        {
            Assert.True(doc.Tokens[end].Paragraph > doc.Tokens[end - 1].Paragraph); // a cut between paragraphs
            Assert.Contains(doc.Sentences, s => s.EndToken == end);
        }
        Assert.Equal([(0, doc.Tokens.Count)], AttributionTagger.Windows(doc, doc.Tokens.Count));
    }

    [Fact]
    public void A_huge_article_labelled_in_windows_keeps_every_part_s_attributions()
    {
        string text = "World news\n\n" + string.Concat(Enumerable.Repeat(Part, 6));
        var whole = Prepared(text);
        new AttributionTagger(AttributionModel.LoadShipped()!).Process(whole);
        var windowed = Prepared(text);
        new AttributionTagger(AttributionModel.LoadShipped()!, AttributionTaggerOptions.Default with { WindowTokens = 40 }).Process(windowed);
        Assert.True(AttributionTagger.Windows(windowed, 40).Count >= 4);

        string Describe(Document doc, Attribution a) => $"{Source(doc, a)} | {Cue(doc, a)} | {Content(doc, a)}";
        Assert.Equal(whole.Attributions.Select(a => Describe(whole, a)), windowed.Attributions.Select(a => Describe(windowed, a)));
        Assert.Equal(6, windowed.Attributions.Count(a => Describe(windowed, a) == "The minister | said | the border would stay closed until spring"));
        Assert.Equal(6, windowed.Attributions.Count(a => Cue(windowed, a) == "According to"));
    }
}
