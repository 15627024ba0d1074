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
    public void FeatureHash_is_deterministic_and_never_zero()
    {
        Assert.Equal(FeatureHash.Of("Trump"), FeatureHash.Of("Trump"));
        Assert.NotEqual(FeatureHash.Of("Trump"), FeatureHash.Of("trump"));
        Assert.Equal(FeatureHash.Of("trump"), FeatureHash.OfLower("TRUMP"));
        Assert.NotEqual(FeatureHash.Feature(1, 7), FeatureHash.Feature(2, 7));
        for (int t = 0; t < 1000; t++) Assert.NotEqual(0u, FeatureHash.Feature(t, (ulong)t));
    }
}
