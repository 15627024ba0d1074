namespace Hearsay.Nlp;

/// <summary>
/// A binary logistic regression over hashed features (each present feature counts 1), trained by seeded
/// stochastic gradient descent with L2 shrinkage, so training is deterministic. Read-only once trained.
/// </summary>
public sealed class LogisticRegression
{
    private readonly Dictionary<uint, float> _weights;

    private LogisticRegression(Dictionary<uint, float> weights) => _weights = weights;

    public int FeatureCount => _weights.Count;

    /// <summary>One training example: its features and whether it is a positive case.</summary>
    public readonly record struct Example(uint[] Features, bool Positive);

    public double Probability(ReadOnlySpan<uint> features)
    {
        double z = 0;
        foreach (uint f in features) z += _weights.GetValueOrDefault(f);
        return Logistic(z);
    }

    private static double Logistic(double z) => 1.0 / (1.0 + Math.Exp(-Math.Clamp(z, -30, 30)));

    /// <summary>Examples shuffled with <paramref name="seed"/> in every epoch; weights that stay near 0 are dropped.</summary>
    public static LogisticRegression Train(IReadOnlyList<Example> examples, int seed = 1, int epochs = 20, double rate = 0.05, double l2 = 0.03)
    {
        var weights = new Dictionary<uint, double>();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int e in order)
            {
                var example = examples[e];
                double z = 0;
                foreach (uint f in example.Features) z += weights.GetValueOrDefault(f);
                double gradient = (example.Positive ? 1 : 0) - Logistic(z);
                foreach (uint f in example.Features)
                {
                    double w = weights.GetValueOrDefault(f);
                    weights[f] = w + rate * (gradient - l2 * w);
                }
            }
        }
        var kept = new Dictionary<uint, float>();
        foreach (var (f, w) in weights)
            if (Math.Abs(w) > 1e-4) kept[f] = (float)w;
        return new LogisticRegression(kept);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_weights.Count);
        foreach (var (f, w) in _weights.OrderBy(p => p.Key))
        {
            writer.Write(f);
            writer.Write(w);
        }
    }

    public static LogisticRegression Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var weights = new Dictionary<uint, float>(count);
        for (int i = 0; i < count; i++) weights[reader.ReadUInt32()] = reader.ReadSingle();
        return new LogisticRegression(weights);
    }
}
