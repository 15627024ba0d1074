namespace Hearsay.Text;

/// <summary>
/// Text ranges, each with a value, sorted by start with the furthest end reached so far, so that the ranges
/// around a stretch of text are found by bisection and a walk back that stops once no earlier range can
/// reach it, instead of a pass over all of them. Read-only once built.
/// </summary>
internal sealed class RangeIndex<T>
{
    private readonly (TextRange Range, T Value)[] _entries;
    private readonly int[] _reach;

    public RangeIndex(IEnumerable<(TextRange Range, T Value)> entries)
    {
        _entries = entries.ToArray();
        Array.Sort(_entries.Select(e => e.Range.Start).ToArray(), _entries);
        _reach = new int[_entries.Length];
        for (int k = 0; k < _entries.Length; k++) _reach[k] = Math.Max(k > 0 ? _reach[k - 1] : int.MinValue, _entries[k].Range.End);
    }

    /// <summary>
    /// The ranges that start before <paramref name="before"/> and end after <paramref name="after"/>, latest start
    /// first (a caller looking for the shortest can stop early). Ranges with equal starts come in no set order.
    /// </summary>
    public IEnumerable<(TextRange Range, T Value)> Around(int before, int after)
    {
        int lo = Bisection.CountBefore(_entries.Length, at => _entries[at].Range.Start < before);
        for (int k = lo - 1; k >= 0 && _reach[k] > after; k--)
            if (_entries[k].Range.End > after) yield return _entries[k];
    }

    /// <summary>Whether some range overlaps <paramref name="range"/>.</summary>
    public bool AnyOverlapping(TextRange range)
    {
        foreach (var (r, _) in Around(range.End, range.Start))
            if (r.Overlaps(range)) return true;
        return false;
    }
}
