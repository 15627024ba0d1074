namespace Hearsay.Nlp;

/// <summary>
/// Training-time multi-class averaged perceptron over hashed features. Each feature owns one row of
/// class weights; averaging is lazy (each weight remembers when it last changed). Not thread-safe;
/// <see cref="ToModel"/> produces the read-only <see cref="LinearModel"/> used at run time.
/// </summary>
public sealed class AveragedPerceptron : IFeatureScorer
{
    private readonly Dictionary<uint, int> _rows = new();
    private uint[] _keys = new uint[1024];
    private int[] _updates = new int[1024];
    private float[] _weights;
    private double[] _totals;
    private int[] _stamps;
    private int _rowCount;

    public AveragedPerceptron(int classes)
    {
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes));
        Classes = classes;
        _weights = new float[1024 * classes];
        _totals = new double[1024 * classes];
        _stamps = new int[1024 * classes];
    }

    public int Classes { get; }
    /// <summary>Number of training instances seen so far (the clock of the averaging).</summary>
    public int Instances { get; private set; }
    public int RowCount => _rowCount;

    /// <summary>Adds the current weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores[..Classes].Clear();
        foreach (uint f in features)
        {
            if (!_rows.TryGetValue(f, out int row)) continue;
            var w = _weights.AsSpan(row * Classes, Classes);
            for (int c = 0; c < w.Length; c++) scores[c] += w[c];
        }
    }

    /// <summary>Advances the averaging clock by one instance; call once per prediction.</summary>
    public void Tick() => Instances++;

    /// <summary>Rewards <paramref name="truth"/> and penalises <paramref name="guess"/> for every feature.</summary>
    public void Update(ReadOnlySpan<uint> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (uint f in features)
        {
            int row = RowOf(f);
            _updates[row]++;
            Change(row * Classes + truth, 1f);
            Change(row * Classes + guess, -1f);
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="label"/> for every feature (one side of a structured update).</summary>
    public void Adjust(ReadOnlySpan<uint> features, int label, float delta)
    {
        foreach (uint f in features)
        {
            int row = RowOf(f);
            _updates[row]++;
            Change(row * Classes + label, delta);
        }
    }

    private void Change(int index, float delta)
    {
        _totals[index] += (double)(Instances - _stamps[index]) * _weights[index];
        _stamps[index] = Instances;
        _weights[index] += delta;
    }

    private int RowOf(uint feature)
    {
        if (_rows.TryGetValue(feature, out int row)) return row;
        row = _rowCount++;
        if (row == _keys.Length)
        {
            int size = _keys.Length * 2;
            Array.Resize(ref _keys, size);
            Array.Resize(ref _updates, size);
            Array.Resize(ref _weights, size * Classes);
            Array.Resize(ref _totals, size * Classes);
            Array.Resize(ref _stamps, size * Classes);
        }
        _keys[row] = feature;
        _rows.Add(feature, row);
        return row;
    }

    /// <summary>
    /// The averaged weights as a run-time model, leaving out features updated fewer than
    /// <paramref name="minUpdates"/> times (rare features carry little and cost space), quantised to
    /// 8-bit weights, or 16-bit when <paramref name="wide"/>.
    /// </summary>
    public LinearModel ToModel(int minUpdates = 1, bool wide = false) => Average([this], minUpdates, wide);

    /// <summary>
    /// One run-time model whose weights are the mean of several perceptrons' averaged weights (a feature
    /// one of them lacks counts as 0 there). Scores are linear, so this is exactly the ensemble that
    /// sums the members' scores, at the cost of one model: perceptrons trained on differently shuffled
    /// data disagree on the rare decisions, and their mean is steadier than any one of them.
    /// </summary>
    public static LinearModel Average(IReadOnlyList<AveragedPerceptron> members, int minUpdates = 1, bool wide = false)
    {
        if (members.Count == 0) throw new ArgumentException("no perceptrons to average", nameof(members));
        int classes = members[0].Classes;
        var rowOf = new Dictionary<uint, int>();
        var keys = new List<uint>();
        var sums = new List<double>();
        foreach (var member in members)
        {
            if (member.Classes != classes) throw new ArgumentException("perceptrons differ in their classes", nameof(members));
            double now = Math.Max(1, member.Instances);
            for (int r = 0; r < member._rowCount; r++)
            {
                if (member._updates[r] < minUpdates) continue;
                uint key = member._keys[r];
                if (!rowOf.TryGetValue(key, out int row))
                {
                    row = keys.Count;
                    rowOf.Add(key, row);
                    keys.Add(key);
                    for (int c = 0; c < classes; c++) sums.Add(0);
                }
                for (int c = 0; c < classes; c++)
                {
                    int i = r * classes + c;
                    double total = member._totals[i] + (member.Instances - member._stamps[i]) * (double)member._weights[i];
                    sums[row * classes + c] += total / now;
                }
            }
        }
        var keptKeys = new List<uint>(keys.Count);
        var weights = new List<float>(sums.Count);
        var mean = new float[classes];
        for (int r = 0; r < keys.Count; r++)
        {
            bool any = false;
            for (int c = 0; c < classes; c++)
            {
                mean[c] = (float)(sums[r * classes + c] / members.Count);
                any |= Math.Abs(mean[c]) > 1e-6f;
            }
            if (!any) continue;
            keptKeys.Add(keys[r]);
            weights.AddRange(mean);
        }
        return new LinearModel(classes, keptKeys.ToArray(), weights.ToArray(), wide);
    }
}
