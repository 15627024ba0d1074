using Hearsay.Attributions;
using Hearsay.Nlp;
using Hearsay.Stages.Reported;
using Hearsay.Text;
using Change = Hearsay.Stages.Reported.AttributionAlternatives.Change;

using static Hearsay.Tests.Reported.PreparedDocuments;

namespace Hearsay.Tests.Reported;

/// <summary>Other readings of a found attribution, and the chooser that takes one of them.</summary>
public class AlternativeChooserTests
{
    private static TextRange Find(Document doc, string words)
    {
        int at = doc.Text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, words);
        return new TextRange(at, at + words.Length);
    }

    private static Attribution Found(Document doc, string? source, string cue, string content)
    {
        var a = new Attribution("A1", AttributionKind.Indirect) { Cue = Find(doc, cue), Source = source is null ? null : Find(doc, source) };
        a.Content.Add(Find(doc, content));
        doc.Attributions.Clear();
        doc.Attributions.Add(a);
        return a;
    }

    private static Dictionary<Change, string> Readings(Document doc, Attribution a) =>
        AttributionAlternatives.Of(doc, a).ToDictionary(x => x.Change,
            x => x.Change is Change.SubjectSource or Change.NoSource ? (x.Alternative.Source is { } s ? doc.Slice(s) : "-") : doc.Slice(x.Alternative.Content[0]));

    [Fact]
    public void Content_that_runs_past_the_cues_clause_can_be_cut_back_to_it()
    {
        var doc = Parsed("World news\n\nThe mayor said taxes would rise, and critics said the plan would fail.");
        var a = Found(doc, "The mayor", "said", "taxes would rise, and critics said the plan would fail");
        Assert.Equal("taxes would rise", Readings(doc, a)[Change.ComplementClip]);
    }

    [Fact]
    public void Content_cut_short_inside_the_cues_clause_can_grow_to_its_end()
    {
        var doc = Parsed("World news\n\nThe senator criticized the plan to raise taxes on the middle class.");
        var a = Found(doc, "The senator", "criticized", "the plan");
        Assert.Equal("the plan to raise taxes on the middle class", Readings(doc, a)[Change.ComplementExtend]);
    }

    [Fact]
    public void A_quotation_the_content_opens_with_can_be_the_whole_content()
    {
        var doc = Parsed("World news\n\nShe charged, “You have called women pigs,” and the crowd went quiet for a while.");
        var a = Found(doc, "She", "charged", "“You have called women pigs,” and the crowd went quiet");
        Assert.Equal("“You have called women pigs,”", Readings(doc, a)[Change.QuoteClip]);
    }

    [Fact]
    public void The_source_can_be_the_cues_subject_or_none()
    {
        var doc = Parsed("World news\n\nOn Tuesday the governor said the budget was balanced.");
        var a = Found(doc, "On Tuesday", "said", "the budget was balanced");
        var readings = Readings(doc, a);
        Assert.Equal("the governor", readings[Change.SubjectSource]);
        Assert.Equal("-", readings[Change.NoSource]);
    }

    [Fact]
    public void Content_does_not_grow_over_another_attribution()
    {
        var doc = Parsed("World news\n\nThe senator criticized the plan, which aides said was broken.");
        var a = Found(doc, "The senator", "criticized", "the plan");
        Assert.Equal("the plan, which aides said was broken", Readings(doc, a)[Change.ComplementExtend]);
        var other = new Attribution("A2", AttributionKind.Indirect) { Source = Find(doc, "aides"), Cue = Find(doc, "said") };
        other.Content.Add(Find(doc, "was broken"));
        doc.Attributions.Add(other);
        Assert.DoesNotContain(Change.ComplementExtend, Readings(doc, a).Keys);
    }

    [Fact]
    public void The_chooser_takes_a_reading_it_has_learned_to_prefer_and_leaves_parents_alone()
    {
        var doc = Parsed("World news\n\nThe mayor said taxes would rise, and critics said the plan would fail.");
        var a = Found(doc, "The mayor", "said", "taxes would rise, and critics said the plan would fail");
        var rates = new Dictionary<string, float> { ["said"] = 0.9f };
        var margins = new Dictionary<Attribution, float>();
        // A chooser taught that cutting content back to the clause is better and that leaving out the source is not.
        var examples = new List<LogisticRegression.Example>();
        var features = new List<uint>();
        foreach (var (change, alternative) in AttributionAlternatives.Of(doc, a))
        {
            AlternativeChooser.Features(doc, a, change, alternative, null, [], rates, features);
            for (int i = 0; i < 20; i++) examples.Add(new(features.ToArray(), change == Change.ComplementClip));
        }
        var chooser = AlternativeChooser.Train(examples);

        var child = new Attribution("A2", AttributionKind.Indirect) { Cue = Find(doc, "said the plan"), Parent = a };
        doc.Attributions.Add(child);
        chooser.Revise(doc, [], margins, rates, 0.5);
        Assert.Equal("taxes would rise, and critics said the plan would fail", doc.Slice(a.Content[0]));

        doc.Attributions.Remove(child);
        chooser.Revise(doc, [], margins, rates, 0.5);
        Assert.Equal("taxes would rise", doc.Slice(a.Content[0]));
        Assert.Equal("The mayor", doc.Slice(a.Source!.Value));
    }
}
