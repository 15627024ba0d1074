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
    public LinearModel ToModel(int minUpdates = 1, bool wide = false)
    {
        var keys = new List<uint>();
        var weights = new List<float>();
        double now = Math.Max(1, Instances);
        var row = new float[Classes];
        for (int r = 0; r < _rowCount; r++)
        {
            if (_updates[r] < minUpdates) continue;
            bool any = false;
            for (int c = 0; c < Classes; c++)
            {
                int i = r * Classes + c;
                double total = _totals[i] + (Instances - _stamps[i]) * (double)_weights[i];
                row[c] = (float)(total / now);
                any |= Math.Abs(row[c]) > 1e-6f;
            }
            if (!any) continue;
            keys.Add(_keys[r]);
            weights.AddRange(row);
        }
        return new LinearModel(Classes, keys.ToArray(), weights.ToArray(), wide);
    }
}
