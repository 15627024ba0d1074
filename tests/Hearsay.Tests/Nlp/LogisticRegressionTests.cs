using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

public class LogisticRegressionTests
{
    [Fact]
    public void Learns_how_often_each_feature_goes_with_a_positive_case()
    {
        uint bias = FeatureHash.Feature(0), speech = FeatureHash.Feature(1), rare = FeatureHash.Feature(2);
        var examples = new List<LogisticRegression.Example>();
        // A speech-verb cue is right 9 times in 10, a rare predicate 2 times in 10.
        for (int i = 0; i < 200; i++)
        {
            examples.Add(new([bias, speech], i % 10 != 0));
            examples.Add(new([bias, rare], i % 10 < 2));
        }
        var model = LogisticRegression.Train(examples, epochs: 40, l2: 0.001);
        Assert.InRange(model.Probability([bias, speech]), 0.8, 0.97);
        Assert.InRange(model.Probability([bias, rare]), 0.1, 0.3);
    }

    [Fact]
    public void Training_is_deterministic_and_survives_a_round_trip()
    {
        var examples = Enumerable.Range(0, 50).Select(i => new LogisticRegression.Example([FeatureHash.Feature(i % 3)], i % 4 == 0)).ToList();
        var first = LogisticRegression.Train(examples);
        var second = LogisticRegression.Train(examples);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) first.Write(writer);
        stream.Position = 0;
        var read = LogisticRegression.Read(new BinaryReader(stream));
        for (int t = 0; t < 3; t++)
        {
            Assert.Equal(first.Probability([FeatureHash.Feature(t)]), second.Probability([FeatureHash.Feature(t)]));
            Assert.Equal((float)first.Probability([FeatureHash.Feature(t)]), (float)read.Probability([FeatureHash.Feature(t)]));
        }
    }
}
