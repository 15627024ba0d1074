using Hearsay.Attributions;

namespace Hearsay.Tests.Stages;

public class SpeakerResolverTests
{
    [Fact]
    public void Pronoun_speaker_resolves_to_the_nearest_fitting_name()
    {
        var doc = TestPipeline.Run("Health\n\nDr. Amara Okafor runs the county health department.\n\n“We waited three years for this,” she said.");
        var a = Assert.Single(doc.Attributions);
        Assert.Equal("she", doc.Slice(a.Source!.Value));
        Assert.Equal("Amara Okafor", a.Speaker!.Name);
        Assert.Equal(EntityKind.Person, a.Speaker.Kind);
    }

    [Fact]
    public void In_a_long_article_every_pronoun_and_short_name_meets_the_same_entity_once_per_mention()
    {
        // Names, sources and earlier speakers are looked up by position and sentence, not by a pass over the
        // article: this guards that the lookups find what the pass found, at the scale where it matters.
        const int blocks = 300;
        var text = new System.Text.StringBuilder("Hearing\n\nSenator Ann Reyes opened the hearing.\n\n");
        for (int n = 1; n <= blocks; n++)
            text.Append($"“Point {n} stands,” Reyes said.\n\n“Point {n} is final,” she said.\n\n");
        var doc = TestPipeline.Run(text.ToString());
        Assert.Equal(2 * blocks, doc.Attributions.Count);
        var reyes = Assert.Single(doc.Attributions.Select(a => a.Speaker).Distinct());
        Assert.Equal("Ann Reyes", reyes!.Name);
        Assert.Equal(reyes.Mentions.Count, reyes.Mentions.Distinct().Count());
        Assert.Equal(2 * blocks + 1, reyes.Mentions.Count);   // every source, and the name in the first sentence
    }

    [Fact]
    public void Short_and_titled_forms_meet_one_entity_with_the_fullest_name()
    {
        var doc = TestPipeline.Run("War\n\n“We will win,” Volodymyr Zelensky said.\n\n“We need tools,” President Zelensky told reporters.\n\n“Now,” Zelensky added.");
        var speakers = doc.Attributions.Select(a => a.Speaker).Distinct().ToArray();
        var zelensky = Assert.Single(speakers);
        Assert.Equal("Volodymyr Zelensky", zelensky!.Name);
        Assert.Equal(3, zelensky.Mentions.Count);
    }

    [Fact]
    public void Unnamed_sources_are_anonymous_and_outlets_are_outlets()
    {
        var doc = TestPipeline.Run("War\n\n“It is their decision,” a State Department official told the Post.\n\n“We reported it first,” said the Post.");
        Assert.Equal(2, doc.Attributions.Count);
        var official = doc.Attributions[0].Speaker!;
        Assert.False(official.Named);
        Assert.Equal(EntityKind.Anonymous, official.Kind);
        var post = doc.Attributions[1].Speaker!;
        Assert.Equal(EntityKind.Outlet, post.Kind);
        Assert.Equal("The Washington Post", post.Name);
    }

    [Fact]
    public void A_named_apposition_names_the_description()
    {
        var doc = TestPipeline.Run("Budget\n\nThe mayor’s spokeswoman, Beth Kane, told reporters: “The city can afford it.”");
        var a = Assert.Single(doc.Attributions);
        Assert.Equal("Beth Kane", a.Speaker!.Name);
        Assert.True(a.Speaker.Named);
    }

    [Fact]
    public void A_description_resolves_through_the_descriptors_the_article_gives()
    {
        var doc = TestPipeline.Run("War\n\nUkrainian President Volodymyr Zelensky met Karen Donfried, the assistant secretary of state, in Kyiv.\n\n" +
                                   "“We need tools,” the Ukrainian leader said.\n\n“We will help,” the secretary said.");
        Assert.Equal(new[] { "Volodymyr Zelensky", "Karen Donfried" }, doc.Attributions.Select(a => a.Speaker!.Name));
        var zelensky = doc.Attributions[0].Speaker!;
        Assert.True(zelensky.Mentions.Count >= 2); // the name and "the Ukrainian leader"
    }

    [Fact]
    public void The_official_refers_back_to_the_unnamed_official()
    {
        var doc = TestPipeline.Run("War\n\n“It is their decision,” a State Department official said.\n\n“We will not push,” the official added.");
        Assert.Same(doc.Attributions[0].Speaker, doc.Attributions[1].Speaker);
        Assert.Equal("a State Department official", doc.Attributions[0].Speaker!.Name);
    }

    [Fact]
    public void A_relative_pronoun_source_is_the_name_it_hangs_on()
    {
        var doc = TestPipeline.Run("Vote\n\nSen. Ray Dwyer, who said “this is reckless,” voted no.");
        var a = Assert.Single(doc.Attributions);
        Assert.Equal("Ray Dwyer", a.Speaker!.Name);
    }

    [Fact]
    public void First_person_outside_quotes_is_the_author()
    {
        var doc = TestPipeline.Run("My Week\nBy Jane Roe\n\nI told him: “That is not how we work.”");
        var a = Assert.Single(doc.Attributions);
        Assert.Equal("Jane Roe", a.Speaker!.Name);
    }

    [Fact]
    public void A_definite_description_meets_the_name_that_holds_its_noun()
    {
        var doc = TestPipeline.Run("Debate\n\nThe Commission on Presidential Debates met on Monday.\n\n“The sound was fine,” the commission said.");
        var a = Assert.Single(doc.Attributions);
        Assert.Equal("Commission on Presidential Debates", a.Speaker!.Name);
    }

    [Fact]
    public void Mrs_surname_meets_the_woman_not_her_husband()
    {
        var doc = TestPipeline.Run("Race\n\nBill Clinton and Hillary Clinton arrived together.\n\n“We will win,” Mrs. Clinton said.\n\n“She will,” Mr. Clinton said.");
        Assert.Equal(new[] { "Hillary Clinton", "Bill Clinton" }, doc.Attributions.Select(a => a.Speaker!.Name));
    }
}
