namespace Hearsay.Text;

/// <summary>Binary search over a list ordered by position (spans, names, mentions sorted by their start).</summary>
internal static class Bisection
{
    /// <summary>
    /// How many of the first <paramref name="count"/> items come before the point: <paramref name="before"/> must
    /// hold for a leading run of items and fail for all the rest.
    /// </summary>
    public static int CountBefore(int count, Func<int, bool> before)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (before(mid)) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
