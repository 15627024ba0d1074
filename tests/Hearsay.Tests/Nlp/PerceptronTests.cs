using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

public class PerceptronTests
{
    [Fact]
    public void AveragedPerceptron_averages_weights_over_instances()
    {
        var p = new AveragedPerceptron(2);
        uint[] f = [FeatureHash.Feature(1, 42)];
        // Instance 1: wrong guess, weight for class 0 becomes +1 (class 1: -1).
        p.Tick();
        p.Update(f, truth: 0, guess: 1);
        // Instances 2..4: no change.
        p.Tick(); p.Tick(); p.Tick();
        var model = p.ToModel();
        var scores = new float[model.Stride];
        model.Score(f, scores);
        // The update happened at clock 1 of 4: the weight was 0 for 1 instance and 1 for 3.
        Assert.Equal(0.75f, scores[0], 3);
        Assert.Equal(-0.75f, scores[1], 3);
    }

    [Fact]
    public void AveragedPerceptron_ignores_correct_guesses()
    {
        var p = new AveragedPerceptron(3);
        p.Tick();
        p.Update([FeatureHash.Feature(2)], truth: 1, guess: 1);
        Assert.Equal(0, p.RowCount);
    }

    [Fact]
    public void LinearModel_serialization_round_trip_keeps_scores()
    {
        var keys = new uint[] { 5, 17, 123456789 };
        var weights = new float[] { 1f, -2f, 0.5f, 0f, 3f, -1f, 0.25f, 0.125f, -0.5f };
        var model = new LinearModel(3, keys, weights);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        stream.Position = 0;
        var copy = LinearModel.Read(new BinaryReader(stream));
        Assert.Equal(3, copy.FeatureCount);
        var a = new float[model.Stride];
        var b = new float[copy.Stride];
        model.Score(keys, a);
        copy.Score(keys, b);
        for (int c = 0; c < 3; c++) Assert.InRange(Math.Abs(a[c] - b[c]), 0f, 0.05f);   // 8-bit weights
        // Unknown features score nothing.
        copy.Score(new uint[] { 99 }, b);
        Assert.All(b, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void FeatureHash_is_deterministic_and_never_zero()
    {
        Assert.Equal(FeatureHash.Of("Trump"), FeatureHash.Of("Trump"));
        Assert.NotEqual(FeatureHash.Of("Trump"), FeatureHash.Of("trump"));
        Assert.Equal(FeatureHash.Of("trump"), FeatureHash.OfLower("TRUMP"));
        Assert.NotEqual(FeatureHash.Feature(1, 7), FeatureHash.Feature(2, 7));
        for (int t = 0; t < 1000; t++) Assert.NotEqual(0u, FeatureHash.Feature(t, (ulong)t));
    }
}
