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
    public void Averaging_members_gives_the_mean_of_their_scores_and_a_missing_feature_counts_as_zero()
    {
        uint shared = FeatureHash.Feature(1, 1), onlyFirst = FeatureHash.Feature(1, 2);
        // As in the test above, an update at clock 1 of 4 averages to 3/4 of its step.
        var first = new AveragedPerceptron(2);
        first.Tick();
        first.Update([shared, onlyFirst], truth: 0, guess: 1);
        first.Tick(); first.Tick(); first.Tick();
        // An update at clock 1 of 2 averages to 1/2.
        var second = new AveragedPerceptron(2);
        second.Tick();
        second.Update([shared], truth: 1, guess: 0);
        second.Tick();

        var model = AveragedPerceptron.Average([first, second]);
        var scores = new float[model.Stride];
        model.Score([shared], scores);
        Assert.Equal((0.75f - 0.5f) / 2, scores[0], 0.005);
        Assert.Equal((-0.75f + 0.5f) / 2, scores[1], 0.005);
        model.Score([onlyFirst], scores);
        Assert.Equal(0.75f / 2, scores[0], 0.005);
        Assert.Equal(-0.75f / 2, scores[1], 0.005);
    }

    [Fact]
    public void Averaging_a_member_with_itself_changes_nothing()
    {
        var p = new AveragedPerceptron(3);
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            p.Tick();
            p.Update([FeatureHash.Feature(1, (ulong)random.Next(20)), FeatureHash.Feature(2, (ulong)random.Next(5))], truth: random.Next(3), guess: random.Next(3));
        }
        using var alone = new MemoryStream();
        using var averaged = new MemoryStream();
        using (var w = new BinaryWriter(alone, System.Text.Encoding.UTF8, leaveOpen: true)) p.ToModel(minUpdates: 2).Write(w);
        using (var w = new BinaryWriter(averaged, System.Text.Encoding.UTF8, leaveOpen: true)) AveragedPerceptron.Average([p, p], minUpdates: 2).Write(w);
        Assert.Equal(alone.ToArray(), averaged.ToArray());
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
