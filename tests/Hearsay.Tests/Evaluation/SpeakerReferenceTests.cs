using Hearsay.Attributions;
using Hearsay.Evaluation;
using Hearsay.Text;

namespace Hearsay.Tests.Evaluation;

public class SpeakerReferenceTests
{
    private const string Text = "Karen Donfried, the assistant secretary, spoke. The South Carolina senator agreed. He left. Officials said so.";

    private static TextRange Of(string phrase) => new(Text.IndexOf(phrase, StringComparison.Ordinal), Text.IndexOf(phrase, StringComparison.Ordinal) + phrase.Length);

    private static Entity Person(string name) => new("E1", name, EntityKind.Person, named: true);

    [Fact]
    public void A_named_gold_source_needs_an_entity_with_that_name()
    {
        var reference = new SpeakerReference(Text, []);
        var gold = new[] { Of("Karen Donfried, the assistant secretary") };
        Assert.Equal((SpeakerReference.Outcome.Correct, SpeakerReference.Basis.Name), reference.Check(gold, Person("Karen Donfried")));
        Assert.Equal(SpeakerReference.Outcome.Wrong, reference.Check(gold, Person("Lindsey Graham")).Outcome);
        Assert.Equal(SpeakerReference.Outcome.Wrong, reference.Check(gold, null).Outcome);
    }

    [Fact]
    public void A_description_is_checked_through_the_silver_chain_when_it_has_one()
    {
        var chains = new[] { new List<TextRange> { Of("Karen Donfried"), Of("He") } };
        var reference = new SpeakerReference(Text, chains);
        Assert.Equal((SpeakerReference.Outcome.Correct, SpeakerReference.Basis.Chain), reference.Check(new[] { Of("He") }, Person("Karen Donfried")));
        // "the South Carolina senator" names no one by itself, and no chain reaches it: it cannot be checked.
        Assert.Equal(SpeakerReference.Outcome.NotApplicable, reference.Check(new[] { Of("The South Carolina senator") }, Person("Lindsey Graham")).Outcome);
    }

    [Fact]
    public void An_indefinite_unnamed_source_must_stay_unnamed()
    {
        var reference = new SpeakerReference(Text, []);
        var gold = new[] { Of("Officials") };
        Assert.Equal(SpeakerReference.Outcome.Correct, reference.Check(gold, new Entity("E2", "Officials", EntityKind.Anonymous, named: false)).Outcome);
        Assert.Equal(SpeakerReference.Outcome.Wrong, reference.Check(gold, Person("Karen Donfried")).Outcome);
    }
}
