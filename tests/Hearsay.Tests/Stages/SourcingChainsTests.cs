using Hearsay.Attributions;
using Hearsay.Stages.Chains;
using Hearsay.Text;

namespace Hearsay.Tests.Stages;

public class SourcingChainsTests
{
    private static Entity Outlet(string id, string name) => new(id, name, EntityKind.Outlet, named: true);

    [Fact]
    public void Chain_runs_from_the_credited_outlet_through_nested_speakers_two_outlets_deep()
    {
        // The Washington Post reported that, according to Reuters, officials said the talks had stalled.
        var doc = TestPipeline.Run("Talks\n\nThe Washington Post reported that, according to Reuters, officials said the talks had stalled.");
        doc.Attributions.Clear();
        var post = Outlet("E1", "The Washington Post");
        var reuters = Outlet("E2", "Reuters");
        var officials = new Entity("E3", "officials", EntityKind.Anonymous, named: false);
        string text = doc.Text;
        TextRange Find(string s) => new(text.IndexOf(s, StringComparison.Ordinal), text.IndexOf(s, StringComparison.Ordinal) + s.Length);
        var byPost = new Attribution("A1", AttributionKind.Indirect) { Source = Find("The Washington Post"), Cue = Find("reported"), Speaker = post };
        byPost.Content.Add(Find("that, according to Reuters, officials said the talks had stalled"));
        var byReuters = new Attribution("A2", AttributionKind.Indirect) { Source = Find("Reuters"), Cue = Find("according to"), Speaker = reuters, Parent = byPost };
        byReuters.Content.Add(Find("officials said the talks had stalled"));
        var byOfficials = new Attribution("A3", AttributionKind.Indirect) { Source = Find("officials"), Cue = Find("said"), Speaker = officials, Parent = byReuters };
        byOfficials.Content.Add(Find("the talks had stalled"));
        doc.Attributions.AddRange(new[] { byPost, byReuters, byOfficials });
        doc.Entities.Clear();
        doc.Entities.AddRange(new[] { post, reuters, officials });

        new SourcingChains().Process(doc);

        Assert.Same(post, doc.Provenance);
        Assert.Equal(new[] { post }, byPost.Chain);
        Assert.Equal(new[] { post, reuters }, byReuters.Chain);
        Assert.Equal(new[] { post, reuters, officials }, byOfficials.Chain);
        var profile = SourcingProfile.Of(doc);
        Assert.Equal(2, profile.SecondHand);   // Reuters and the officials reach the page through another outlet
        Assert.Equal(1, profile.Anonymous);
    }

    [Fact]
    public void An_outlet_told_a_quote_is_the_story_s_provenance()
    {
        var doc = TestPipeline.Run("Report: Officials Rule Out Talks\n\n“It is their decision,” a State Department official told the Post.");
        var official = Assert.Single(doc.Attributions);
        Assert.Equal("The Washington Post", doc.Provenance!.Name);
        Assert.Equal(new[] { "The Washington Post", "a State Department official" }, official.Chain.Select(e => e.Name));
        Assert.Equal(EntityKind.Outlet, doc.Entities.Single(e => e.Name == "The Washington Post").Kind);
        Assert.Equal(1, SourcingProfile.Of(doc).SecondHand);
    }

    [Fact]
    public void The_article_s_own_outlet_is_not_its_provenance()
    {
        var doc = Hearsay.Input.ArticleReader.FromText("Talks\n\n“We will not push,” an official told Reuters.");
        doc.Metadata.Outlet = "Reuters";
        Hearsay.Pipeline.StandardPipeline.Create(Hearsay.Pipeline.StandardPipelineOptions.Default with { FullAttribution = false }).Process(doc);
        Assert.Null(doc.Provenance);
        Assert.Equal(1, SourcingProfile.Of(doc).FirstHand);
    }

    [Fact]
    public void A_first_hand_article_has_no_provenance()
    {
        var doc = TestPipeline.Run("Budget\n\n“We kept our promises,” Mayor Linda Ortiz said.");
        Assert.Null(doc.Provenance);
        Assert.Equal(new[] { "Linda Ortiz" }, Assert.Single(doc.Attributions).Chain.Select(e => e.Name));
    }
}
