using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

public class LinearModelTests
{
    // 3 classes take the 4-wide path (the parser's moves), 7 and 17 one or more 8-wide chunks, 39 five chunks.
    public static TheoryData<int, bool> Shapes()
    {
        var data = new TheoryData<int, bool>();
        foreach (int classes in new[] { 3, 7, 17, 39 })
            foreach (bool wide in new[] { false, true })
                data.Add(classes, wide);
        return data;
    }

    private static (uint[] Keys, float[] Weights) RandomRows(int classes, int rows, int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<uint>();
        while (keys.Count < rows) keys.Add((uint)random.Next(1, int.MaxValue));
        var weights = new float[rows * classes];
        for (int i = 0; i < weights.Length; i++) weights[i] = (float)(random.NextDouble() * 4 - 2);
        return (keys.ToArray(), weights);
    }

    private static float[] Expected(int classes, uint[] keys, float[] weights, IEnumerable<uint> features)
    {
        var row = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var sum = new float[classes];
        foreach (uint f in features)
            if (row.TryGetValue(f, out int r))
                for (int c = 0; c < classes; c++) sum[c] += weights[r * classes + c];
        return sum;
    }

    private static LinearModel RoundTrip(LinearModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) model.Write(writer);
        stream.Position = 0;
        return LinearModel.Read(new BinaryReader(stream));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Scores_are_the_sums_of_the_feature_rows_within_the_quantisation_step(int classes, bool wide)
    {
        var (keys, weights) = RandomRows(classes, rows: 500, seed: classes);
        var model = new LinearModel(classes, keys, weights, wide);
        Assert.True(model.Stride >= classes);
        var random = new Random(7);
        var scores = new float[model.Stride];
        for (int trial = 0; trial < 50; trial++)
        {
            // Known features, one unknown one and a repeat: each known row counts as often as it appears.
            var features = Enumerable.Range(0, 20).Select(_ => keys[random.Next(keys.Length)]).Append(1u).Append(keys[0]).ToArray();
            model.Score(features, scores);
            var expected = Expected(classes, keys, weights, features);
            // Each row's weights are within half a quantum of the truth: |w| <= 2, 127 or 32767 quanta.
            float tolerance = features.Length * (wide ? 2f / 32767 : 2f / 127);
            for (int c = 0; c < classes; c++) Assert.InRange(scores[c] - expected[c], -tolerance, tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_written_model_reads_back_with_identical_scores(int classes, bool wide)
    {
        var (keys, weights) = RandomRows(classes, rows: 300, seed: 100 + classes);
        var model = new LinearModel(classes, keys, weights, wide);
        var copy = RoundTrip(model);
        Assert.Equal(model.FeatureCount, copy.FeatureCount);
        Assert.Equal(wide, copy.Wide);
        Assert.Equal(classes, copy.Classes);
        var a = new float[model.Stride];
        var b = new float[copy.Stride];
        for (int i = 0; i + 5 <= keys.Length; i += 5)
        {
            model.Score(keys.AsSpan(i, 5), a);
            copy.Score(keys.AsSpan(i, 5), b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Unknown_features_and_no_features_score_zero_even_in_a_used_buffer()
    {
        var model = new LinearModel(3, [5, 17], [1f, -2f, 0.5f, 0f, 3f, -1f]);
        var scores = new float[model.Stride];
        model.Score([5u], scores);
        Assert.NotEqual(0f, scores[0]);
        model.Score([99u, 1234u], scores);
        Assert.All(scores, v => Assert.Equal(0f, v));
        model.Score([5u], scores);
        model.Score([], scores);
        Assert.All(scores, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Prune_drops_the_rows_whose_weights_are_all_small_and_keeps_the_rest_unchanged()
    {
        uint[] keys = [10, 20, 30];
        float[] weights = [0.01f, -0.02f, 0.005f, 1f, -0.5f, 0.25f, 0.05f, 0.3f, -0.04f];
        var model = new LinearModel(3, keys, weights, wide: true);
        var pruned = model.Prune(0.1f);
        Assert.Equal(2, pruned.FeatureCount);
        var a = new float[model.Stride];
        var b = new float[pruned.Stride];
        pruned.Score([10u], b);
        Assert.All(b, v => Assert.Equal(0f, v));
        model.Score([20u, 30u], a);
        pruned.Score([20u, 30u], b);
        for (int c = 0; c < 3; c++) Assert.Equal(a[c], b[c], 5);
    }

    [Fact]
    public void Zero_and_repeated_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LinearModel(3, [0u], [1f, 2f, 3f]));
        Assert.Throws<ArgumentException>(() => new LinearModel(3, [4u, 4u], [1f, 2f, 3f, 4f, 5f, 6f]));
        Assert.Throws<ArgumentException>(() => new LinearModel(3, [4u], [1f, 2f]));
    }
}
