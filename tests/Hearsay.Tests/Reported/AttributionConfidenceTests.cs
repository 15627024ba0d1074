using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Input;
using Hearsay.Stages.Reported;
using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Tests.Reported;

public class AttributionConfidenceTests
{
    [Fact]
    public void Learns_how_often_each_kind_of_attribution_is_right()
    {
        uint bias = FeatureHash.Feature(0), speech = FeatureHash.Feature(1), rare = FeatureHash.Feature(2);
        var examples = new List<AttributionConfidence.Example>();
        // A speech-verb cue is right 9 times in 10, a rare predicate 2 times in 10.
        for (int i = 0; i < 200; i++)
        {
            examples.Add(new([bias, speech], i % 10 != 0));
            examples.Add(new([bias, rare], i % 10 < 2));
        }
        var model = AttributionConfidence.Train(examples, epochs: 40, l2: 0.001);
        Assert.InRange(model.Probability([bias, speech]), 0.8, 0.97);
        Assert.InRange(model.Probability([bias, rare]), 0.1, 0.3);
    }

    [Fact]
    public void Averaged_weights_do_not_depend_on_where_the_last_examples_leave_the_descent()
    {
        uint bias = FeatureHash.Feature(0), speech = FeatureHash.Feature(1), rare = FeatureHash.Feature(2);
        var examples = new List<AttributionConfidence.Example>();
        for (int i = 0; i < 300; i++)
        {
            examples.Add(new([bias, speech], i % 10 < 7));
            examples.Add(new([bias, rare], i % 10 < 3));
        }
        // Differently shuffled trainings of the same data: the last iterate's probability moves with the last
        // examples it saw; the average hardly moves.
        double Spread(bool averaged)
        {
            var p = Enumerable.Range(1, 6).Select(seed => AttributionConfidence.Train(examples, seed, averaged: averaged).Probability([bias, speech])).ToList();
            return p.Max() - p.Min();
        }
        double last = Spread(averaged: false), mean = Spread(averaged: true);
        Assert.True(mean < 0.02, $"averaged spread {mean:F3}");
        Assert.True(mean < last / 2, $"averaged spread {mean:F3}, last iterate {last:F3}");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var examples = Enumerable.Range(0, 50).Select(i => new AttributionConfidence.Example([FeatureHash.Feature(i % 3)], i % 4 == 0)).ToList();
        var first = AttributionConfidence.Train(examples);
        var second = AttributionConfidence.Train(examples);
        for (int t = 0; t < 3; t++) Assert.Equal(first.Probability([FeatureHash.Feature(t)]), second.Probability([FeatureHash.Feature(t)]));
    }

    [Fact]
    public void Tells_a_source_that_is_the_cues_subject_from_one_elsewhere_in_the_article()
    {
        var pipeline = AttributionTrainer.BasePipeline(StandardPipelineOptions.Default.Models);
        var doc = pipeline.Process(ArticleReader.FromText("World news\n\nThe mayor said taxes would rise. The council met on Monday."));
        Attribution With(string source)
        {
            var a = new Attribution("", AttributionKind.Indirect) { Source = Range(doc, source), Cue = Range(doc, "said") };
            a.Content.Add(Range(doc, "taxes would rise"));
            return a;
        }
        var subject = new List<uint>();
        var elsewhere = new List<uint>();
        var rates = new Dictionary<string, float> { ["said"] = 0.6f };
        AttributionConfidence.Features(doc, With("The mayor"), 20, rates, subject);
        AttributionConfidence.Features(doc, With("The council"), 20, rates, elsewhere);
        // Same words, tags, length and cue: only how the source attaches to the cue, and where it stands, differ.
        var differing = subject.Except(elsewhere).ToList();
        Assert.InRange(differing.Count, 1, 3);

        var examples = Enumerable.Range(0, 100).SelectMany(_ => new AttributionConfidence.Example[] { new([.. subject], true), new([.. elsewhere], false) }).ToList();
        var model = AttributionConfidence.Train(examples);
        Assert.True(model.Probability(subject.ToArray()) > 0.8);
        Assert.True(model.Probability(elsewhere.ToArray()) < 0.2);
    }

    private static TextRange Range(Document doc, string words)
    {
        int at = doc.Text.IndexOf(words, StringComparison.Ordinal);
        return new TextRange(at, at + words.Length);
    }

    [Fact]
    public void Shipped_model_rates_each_attribution_as_a_probability()
    {
        var doc = StandardPipeline.Create().Process(ArticleReader.FromText(
            "World news\n\nThe mayor said that taxes would rise next year. Critics believe the plan will fail."));
        Assert.NotEmpty(doc.Attributions);
        Assert.All(doc.Attributions, a => Assert.InRange(a.Confidence, 0.0, 1.0));
        var said = Assert.Single(doc.Attributions, a => a.Cue is { } c && doc.Slice(c) == "said");
        Assert.True(said.Confidence > 0.5, $"a named source's 'said' should be likely right, got {said.Confidence:F2}");
    }

    [Fact]
    public void A_threshold_drops_the_unlikely_but_keeps_attributions_reported_inside_others_and_their_parents()
    {
        var model = AttributionModel.LoadShipped()!;
        var pipeline = AttributionTrainer.BasePipeline(StandardPipelineOptions.Default.Models);
        var doc = pipeline.Process(ArticleReader.FromText(
            "World news\n\nThe report said that Biden told Zelensky the risk was higher than ever. The mayor said taxes would rise."));
        new AttributionTagger(model, AttributionTaggerOptions.Default with { MinConfidence = 1.0, FindNested = false }).Process(doc);
        foreach (var a in doc.Attributions)
            Assert.True(AttributionNester.IsReportedInside(a) || doc.Attributions.Any(b => b.Parent == a && AttributionNester.IsReportedInside(b)),
                $"{doc.Slice(a.Cue!.Value)} should have been dropped");
    }
}
