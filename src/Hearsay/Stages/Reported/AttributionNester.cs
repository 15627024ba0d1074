using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Sourcing chains: an attribution whose cue lies inside another attribution's content is reported by
/// that one, and gets it as <see cref="Attribution.Parent"/> (the innermost when several contain it).
/// </summary>
public static class AttributionNester
{
    public static void Nest(Document document)
    {
        var all = document.Attributions;
        foreach (var inner in all)
        {
            if (inner.Cue is not { } cue) continue;
            Attribution? parent = null;
            int parentLength = int.MaxValue;
            foreach (var outer in all)
            {
                if (ReferenceEquals(outer, inner) || outer.Content.Count == 0) continue;
                foreach (var content in outer.Content)
                {
                    if (!content.Contains(cue) || content.Length >= parentLength) continue;
                    if (Reaches(outer, inner)) continue;   // never a cycle
                    parent = outer;
                    parentLength = content.Length;
                }
            }
            if (parent is not null) inner.Parent = parent;
        }
    }

    /// <summary>Whether <paramref name="from"/>'s chain of parents already passes through <paramref name="target"/>.</summary>
    private static bool Reaches(Attribution from, Attribution target)
    {
        int steps = 0;
        for (var p = from; p is not null && steps < 64; p = p.Parent, steps++)
            if (ReferenceEquals(p, target)) return true;
        return false;
    }
}
