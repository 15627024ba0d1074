using Hearsay.Evaluation;
using static Hearsay.Tests.Evaluation.Spans;

namespace Hearsay.Tests.Evaluation;

public class AttributionScorerTests
{
    private const string Text = "Smith said the plan failed. Jones thinks it works.";

    // Gold: (Smith, said, "the plan failed") and (Jones, thinks, "it works").
    private static readonly AttributionSpans[] Gold =
    [
        Attribution(Text, "Smith", "said", "the plan failed"),
        Attribution(Text, "Jones", "thinks", "it works"),
    ];

    // System: S1 (Smith, said, "the plan"): content Dice 2·7/(13+7) = 0.70, cue and source agree.
    // S2 (no source, thinks, "it works."): Dice 2·7/(7+8) = 0.93, but the source is missing.
    // S3 (no source, no cue, "failed"): Dice with gold 1 is 2·6/(13+6) = 0.63, lower than S1's, so unpaired.
    private static readonly AttributionSpans[] System =
    [
        Attribution(Text, "Smith", "said", "the plan"),
        Attribution(Text, null, "thinks", "it works."),
        Attribution(Text, null, null, "failed"),
    ];

    private static ArticleScore Score() => AttributionScorer.Score(Text, Gold, System);

    [Fact]
    public void Scorer_pairs_by_content_and_counts_pairs_whose_cue_and_source_agree()
    {
        var score = Score();
        Assert.Equal(new Prf(1, 3, 1, 2), score.Attribution);
        Assert.Equal(2, score.ContentPaired);
        Assert.Equal(1.0 / 3, score.Attribution.Precision, 6);
        Assert.Equal(0.5, score.Attribution.Recall, 6);
        Assert.Equal(0.4, score.Attribution.F1, 6);
    }

    [Fact]
    public void Scorer_counts_role_characters_without_whitespace()
    {
        var score = Score();
        // Source: gold "Smith"+"Jones" = 10 characters, system "Smith" = 5, both 5.
        Assert.Equal(Prf.Symmetric(5, 5, 10), score.Source.Overlap);
        // Cue: "said"+"thinks" on both sides.
        Assert.Equal(Prf.Symmetric(10, 10, 10), score.Cue.Overlap);
        // Content: gold 13+7 = 20; system "the plan" ∪ "failed" ∪ "it works." = 7+6+8 = 21; both 7+6+7 = 20.
        Assert.Equal(Prf.Symmetric(20, 21, 20), score.Content.Overlap);
        Assert.Equal(20.0 / 21, score.Content.Overlap.Precision, 6);
        Assert.Equal(1.0, score.Content.Overlap.Recall, 6);
    }

    [Fact]
    public void Scorer_counts_exact_role_spans_per_attribution()
    {
        var score = Score();
        Assert.Equal(new Prf(1, 1, 1, 2), score.Source.Exact);
        Assert.Equal(new Prf(2, 2, 2, 2), score.Cue.Exact);
        Assert.Equal(new Prf(0, 3, 0, 2), score.Content.Exact);
    }

    [Fact]
    public void Scorer_exact_match_ignores_whitespace_at_the_edges_and_between_fragments()
    {
        const string text = "Smith said the plan failed badly.";
        var gold = new[] { Attribution(text, "Smith", "said", " the plan failed") };
        var system = new[] { Attribution(text, "Smith ", "said", "the plan", "failed ") };
        var score = AttributionScorer.Score(text, gold, system);
        Assert.Equal(new Prf(1, 1, 1, 1), score.Content.Exact);
        Assert.Equal(new Prf(1, 1, 1, 1), score.Source.Exact);
        Assert.Equal(new Prf(1, 1, 1, 1), score.Attribution);
    }

    [Fact]
    public void Scorer_exact_match_counts_every_system_attribution_that_matches()
    {
        const string text = "Smith said X. Smith added Y.";
        var gold = new[] { Attribution(text, "Smith", "said", "X") };
        var system = new[] { Attribution(text, "Smith", "said", "X"), Attribution(text, "Smith", "added", "Y") };
        var score = AttributionScorer.Score(text, gold, system);
        Assert.Equal(new Prf(2, 2, 1, 1), score.Source.Exact);
        Assert.Equal(1.0, score.Source.Exact.Precision, 6);
    }

    [Fact]
    public void Scorer_counts_a_pair_whose_sources_are_both_absent()
    {
        const string text = "The plan, it was said, will fail.";
        var gold = new[] { Attribution(text, null, "it was said", "The plan", "will fail") };
        var system = new[] { Attribution(text, null, "said", "The plan", "will fail.") };
        Assert.Equal(new Prf(1, 1, 1, 1), AttributionScorer.Score(text, gold, system).Attribution);
    }

    [Fact]
    public void Scorer_does_not_pair_below_half_dice()
    {
        const string text = "Smith said the plan would fail next year.";
        var gold = new[] { Attribution(text, "Smith", "said", "the plan would fail next year") };
        var system = new[] { Attribution(text, "Smith", "said", "the plan") };
        // Dice 2·7/(7+24) = 0.45.
        var score = AttributionScorer.Score(text, gold, system);
        Assert.Equal(0, score.ContentPaired);
        Assert.Equal(new Prf(0, 1, 0, 1), score.Attribution);
    }

    [Fact]
    public void Scorer_pairs_best_first_one_to_one()
    {
        const string text = "A: one two three four. B: five six.";
        var gold = new[] { Attribution(text, "A", ":", "one two three four"), Attribution(text, "B", ":", "five six") };
        // The system's first content overlaps gold 1 (Dice 2·11/(15+11) = 0.85); its second fits gold 1 exactly.
        var system = new[] { Attribution(text, "A", ":", "one two three"), Attribution(text, "B", ":", "one two three four") };
        var score = AttributionScorer.Score(text, gold, system);
        Assert.Equal(1, score.ContentPaired);
        // The exact pair (gold 1, system 2) wins; its source B does not overlap A.
        Assert.Equal(new Prf(0, 2, 0, 2), score.Attribution);
    }

    [Fact]
    public void Scorer_reports_direct_quotes_found_with_the_correct_speaker()
    {
        const string text = "“We will win,” Smith said. Jones said: “Never.” Brown said they would lose.";
        var gold = new[]
        {
            Attribution(text, "Smith", "said", "“We will win,”"),
            Attribution(text, "Jones", "said: ", "“Never.”"),
            Attribution(text, "Brown", "said they", "they would lose"),
        };
        var system = new[]
        {
            Attribution(text, "Smith", "said", "We will win"),
            Attribution(text, null, "said: ", "“Never.”"),
        };
        var score = AttributionScorer.Score(text, gold, system);
        Assert.Equal(new DirectQuoteScore(2, 2, 1), score.DirectQuotes);
        Assert.Equal(0.5, score.DirectQuotes.CorrectSpeakerRate, 6);
    }

    [Fact]
    public void Scorer_lists_missed_wrong_and_spurious_attributions()
    {
        var errors = new List<string>();
        AttributionScorer.Score(Text, Gold, System, "art", errors: errors);

        Assert.Equal(
        [
            "art\twrong-source\t-\tgold: [Jones] <thinks> «it works» @41-49\tsystem: [-] <thinks> «it works.» @41-50",
            "art\tspurious\t-\tgold: -\tsystem: [-] <-> «failed» @20-26",
        ], errors);
    }

    [Fact]
    public void Scorer_gives_zero_for_empty_sides()
    {
        var score = AttributionScorer.Score(Text, Gold, []);
        Assert.Equal(new Prf(0, 0, 0, 2), score.Attribution);
        Assert.Equal(0, score.Attribution.Precision);
        Assert.Equal(0, score.Attribution.F1);
        var none = AttributionScorer.Score(Text, [], []);
        Assert.Equal(default, none.Attribution);
    }

    [Fact]
    public void Scores_add_up_for_micro_averaging()
    {
        var total = ArticleScore.Sum([Score(), Score()]);
        Assert.Equal(new Prf(2, 6, 2, 4), total.Attribution);
        Assert.Equal(Prf.Symmetric(40, 42, 40), total.Content.Overlap);
        Assert.Equal("total", total.Article);
    }

    [Fact]
    public void Scorer_counts_an_emoji_as_one_character()
    {
        const string text = "Fans said 😀😀 loudly.";
        var gold = new[] { Attribution(text, "Fans", "said", "😀😀") };
        var system = new[] { Attribution(text, "Fans", "said", "😀😀 loudly") };
        var score = AttributionScorer.Score(text, gold, system);
        // Gold content: 2 code points; system: 2 + 6.
        Assert.Equal(Prf.Symmetric(2, 8, 2), score.Content.Overlap);
    }
}
