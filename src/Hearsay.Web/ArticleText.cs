using System.Globalization;
using System.Text;
using Hearsay.Store;
using static Hearsay.Web.Html;

namespace Hearsay.Web;

/// <summary>
/// Renders an article's text with its attributions highlighted: each character belongs to the innermost span
/// that covers it (a nested, second-hand attribution shows inside its parent's content); source, cue and content
/// have their own style, and the hue is the speaker's. The title of each highlight is the attribution's chain.
/// </summary>
internal static class ArticleText
{
    private enum Role { Source = 0, Cue = 1, Content = 2 }

    private sealed record Mark(int Start, int End, Role Role, StoredAttribution Attribution);

    public static string Render(StoredArticle article)
    {
        string text = article.Text;
        var byId = article.Attributions.ToDictionary(a => a.Id);
        var marks = new List<Mark>();
        foreach (var a in article.Attributions)
        {
            if (a.Source is { } s) marks.Add(new Mark(s.Start, s.End, Role.Source, a));
            if (a.Cue is { } c) marks.Add(new Mark(c.Start, c.End, Role.Cue, a));
            foreach (var content in a.Content) marks.Add(new Mark(content.Start, content.End, Role.Content, a));
        }
        marks.RemoveAll(m => m.Start < 0 || m.End > text.Length || m.End <= m.Start);

        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var m in marks) { cuts.Add(m.Start); cuts.Add(m.End); }
        var points = cuts.ToArray();

        // Sweep over the cut points with the marks that have started in a queue, shortest first (then source
        // before cue before content, then the earlier mark); a mark that has ended is dropped when it comes up.
        var byStart = marks.Select((m, order) => (Mark: m, Order: order)).OrderBy(x => x.Mark.Start).ToList();
        var started = new PriorityQueue<Mark, (int Length, Role Role, int Order)>();
        int next = 0;
        var sb = new StringBuilder(text.Length * 2);
        var anchored = new HashSet<long>();
        Mark? open = null;
        for (int i = 0; i + 1 < points.Length; i++)
        {
            int start = points[i], end = points[i + 1];
            for (; next < byStart.Count && byStart[next].Mark.Start <= start; next++)
            {
                var (m, order) = byStart[next];
                started.Enqueue(m, (m.End - m.Start, m.Role, order));
            }
            while (started.TryPeek(out var top, out _) && top.End < end) started.Dequeue();
            var winner = started.TryPeek(out var shortest, out _) ? shortest : null;
            if (!ReferenceEquals(winner, open))
            {
                if (open is not null) sb.Append("</span>");
                if (winner is not null) sb.Append(OpenTag(winner, byId, anchored));
                open = winner;
            }
            sb.Append(E(text[start..end]));
        }
        if (open is not null) sb.Append("</span>");
        return sb.ToString();
    }

    private static string OpenTag(Mark mark, Dictionary<long, StoredAttribution> byId, HashSet<long> anchored)
    {
        var a = mark.Attribution;
        string role = mark.Role switch { Role.Source => "source", Role.Cue => "cue", _ => "content" };
        string speakerClass = a.Speaker is null ? " nospeaker" : "";
        int hue = a.Speaker is { } s ? Hue(s.Id) : 0;
        string id = anchored.Add(a.Id) ? string.Create(CultureInfo.InvariantCulture, $" id=\"a{a.Id}\"") : "";
        string speakerAttr = a.Speaker is { } sp ? string.Create(CultureInfo.InvariantCulture, $" data-speaker=\"{sp.Id}\"") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"<span{id} class=\"hl hl-{role}{speakerClass}\" style=\"--h:{hue}\" data-attribution=\"{a.Id}\"{speakerAttr} title=\"{E(Chain(a, byId))}\">");
    }

    /// <summary>"Who — cue — what", then one "according to …" line for each attribution it is reported inside, then its confidence (if rated).</summary>
    public static string Chain(StoredAttribution a, Dictionary<long, StoredAttribution> byId)
    {
        var sb = new StringBuilder();
        sb.Append(Who(a)).Append(" — ").Append(a.Cue?.Text ?? "(no cue)").Append(" — “")
          .Append(Shorten(string.Join(" … ", a.Content.Select(c => c.Text)), 100)).Append('”');
        var seen = new HashSet<long> { a.Id };
        for (var p = a.ParentId; p is { } pid && byId.TryGetValue(pid, out var parent) && seen.Add(pid); p = parent.ParentId)
            sb.Append("\n   according to ").Append(Who(parent)).Append(" (").Append(parent.Cue?.Text ?? "no cue").Append(')');
        if (a.Confidence < 1) sb.Append(CultureInfo.InvariantCulture, $"\nconfidence {Math.Round(100 * a.Confidence):0}%");
        return sb.ToString();
    }

    private static string Who(StoredAttribution a) =>
        a.Speaker is { } s ? (a.Source is { } src && !string.Equals(src.Text, s.Name, StringComparison.OrdinalIgnoreCase) ? $"{s.Name} (“{src.Text}”)" : s.Name)
        : a.Source?.Text ?? "unattributed";

    private static string Shorten(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
