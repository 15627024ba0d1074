namespace Hearsay.Text;

/// <summary>
/// Converts positions in a text between UTF-16 code units (.NET string indices, what
/// <see cref="TextRange"/> holds) and Unicode code points (what brat, the corpus and Hearsay's JSON
/// output count). For a text without surrogate pairs both are the same and the map is the identity.
/// </summary>
/// <remarks>
/// A UTF-16 position that falls between the two halves of a surrogate pair maps to the code point
/// after the pair. Code-point positions beyond the text map past its end unchanged in step.
/// </remarks>
public sealed class CodePointMap
{
    /// <summary>The identity map, for texts known to hold only Basic Multilingual Plane characters.</summary>
    public static CodePointMap Identity { get; } = new([], []);

    // For the k-th surrogate pair: its UTF-16 index (of the high surrogate) and its code-point index.
    private readonly int[] _pairUtf16;
    private readonly int[] _pairCodePoint;

    private CodePointMap(int[] pairUtf16, int[] pairCodePoint)
    {
        _pairUtf16 = pairUtf16;
        _pairCodePoint = pairCodePoint;
    }

    public static CodePointMap For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = FirstPair(text);
        if (first < 0) return Identity;
        var pairs = new List<int>();
        for (int i = first; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                pairs.Add(i);
                i++;
            }
        }
        var utf16 = pairs.ToArray();
        var codePoints = new int[utf16.Length];
        for (int k = 0; k < utf16.Length; k++) codePoints[k] = utf16[k] - k;
        return new CodePointMap(utf16, codePoints);
    }

    /// <summary>True when code-point and UTF-16 positions are the same throughout the text.</summary>
    public bool IsIdentity => _pairUtf16.Length == 0;

    /// <summary>The code-point position of UTF-16 position <paramref name="utf16Index"/>.</summary>
    public int ToCodePoint(int utf16Index)
    {
        if (IsIdentity) return utf16Index;
        // Every pair that ends at or before the position (p + 2 <= i) shortens it by one.
        return utf16Index - CountBelow(_pairUtf16, utf16Index - 1);
    }

    /// <summary>The UTF-16 position of code-point position <paramref name="codePointIndex"/>.</summary>
    public int ToUtf16(int codePointIndex)
    {
        if (IsIdentity) return codePointIndex;
        // Every pair that starts before the position lengthens it by one.
        return codePointIndex + CountBelow(_pairCodePoint, codePointIndex);
    }

    public TextRange ToCodePoints(TextRange utf16) =>
        IsIdentity ? utf16 : new TextRange(ToCodePoint(utf16.Start), ToCodePoint(utf16.End));

    public TextRange ToUtf16(TextRange codePoints) =>
        IsIdentity ? codePoints : new TextRange(ToUtf16(codePoints.Start), ToUtf16(codePoints.End));

    private static int FirstPair(string text)
    {
        for (int i = 0; i < text.Length - 1; i++)
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])) return i;
        return -1;
    }

    /// <summary>How many values of the ascending array are less than <paramref name="limit"/>.</summary>
    private static int CountBelow(int[] sorted, int limit)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (sorted[mid] < limit) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
