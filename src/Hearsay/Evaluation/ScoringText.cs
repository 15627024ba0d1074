using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// Which characters of a text count when scoring: every character except whitespace, and a surrogate
/// pair counts once (as one code point). Answers "how many counting characters lie in this range" in O(1).
/// </summary>
public sealed class ScoringText
{
    // _before[i] = counting characters in [0, i).
    private readonly int[] _before;

    public ScoringText(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        _before = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
            _before[i + 1] = _before[i] + (Counts(i) ? 1 : 0);
    }

    public string Text { get; }

    /// <summary>True when the character at <paramref name="position"/> is scored.</summary>
    public bool Counts(int position)
    {
        char c = Text[position];
        return !char.IsWhiteSpace(c) && !char.IsLowSurrogate(c);
    }

    /// <summary>Counting characters in <paramref name="range"/> (clamped to the text).</summary>
    public int Count(TextRange range)
    {
        int start = Math.Clamp(range.Start, 0, Text.Length);
        int end = Math.Clamp(range.End, start, Text.Length);
        return _before[end] - _before[start];
    }

    /// <summary>The set of counting characters that <paramref name="ranges"/> cover, in canonical form.</summary>
    public CharacterSet Set(IEnumerable<TextRange> ranges)
    {
        var sorted = ranges
            .Select(r => new TextRange(Math.Clamp(r.Start, 0, Text.Length), Math.Clamp(r.End, 0, Text.Length)))
            .Where(r => !r.IsEmpty)
            .Order()
            .ToList();
        var result = new List<TextRange>(sorted.Count);
        foreach (var range in sorted)
        {
            int start = range.Start, end = range.End;
            while (start < end && !Counts(start)) start++;
            while (end > start && !Counts(end - 1)) end--;
            if (start == end) continue;
            // Merge with the previous range when nothing that counts lies between them.
            if (result.Count > 0 && (start <= result[^1].End || Count(new TextRange(result[^1].End, start)) == 0))
                result[^1] = new TextRange(result[^1].Start, Math.Max(result[^1].End, end));
            else
                result.Add(new TextRange(start, end));
        }
        int count = 0;
        foreach (var r in result) count += Count(r);
        return new CharacterSet(result.ToArray(), count);
    }

    /// <summary>Counting characters in both sets.</summary>
    public int Intersection(CharacterSet a, CharacterSet b)
    {
        int total = 0, i = 0, j = 0;
        var x = a.Ranges;
        var y = b.Ranges;
        while (i < x.Length && j < y.Length)
        {
            int start = Math.Max(x[i].Start, y[j].Start);
            int end = Math.Min(x[i].End, y[j].End);
            if (start < end) total += Count(new TextRange(start, end));
            if (x[i].End <= y[j].End) i++; else j++;
        }
        return total;
    }

    /// <summary>Dice coefficient 2|a∩b| / (|a| + |b|); 0 when both are empty.</summary>
    public double Dice(CharacterSet a, CharacterSet b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * Intersection(a, b) / (a.Count + b.Count);

    public bool Overlap(CharacterSet a, CharacterSet b) => Intersection(a, b) > 0;
}

/// <summary>
/// A set of characters of one text in canonical form: sorted, disjoint ranges that start and end on
/// counting characters and are separated by at least one counting character. Two sets that cover the
/// same counting characters are equal, whatever whitespace their ranges include.
/// </summary>
public sealed class CharacterSet : IEquatable<CharacterSet>
{
    public static CharacterSet Empty { get; } = new([], 0);

    internal CharacterSet(TextRange[] ranges, int count)
    {
        Ranges = ranges;
        Count = count;
    }

    public TextRange[] Ranges { get; }
    /// <summary>Counting characters in the set.</summary>
    public int Count { get; }
    public bool IsEmpty => Count == 0;

    public bool Equals(CharacterSet? other) => other is not null && Ranges.AsSpan().SequenceEqual(other.Ranges);
    public override bool Equals(object? obj) => Equals(obj as CharacterSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var r in Ranges) hash.Add(r);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(";", Ranges.Select(r => r.ToString()));
}
