using System.Globalization;
using System.Text;
using static Hearsay.Web.Html;

namespace Hearsay.Web;

/// <summary>Inline SVG charts (no scripts, no outside resources). Labels are escaped like all other text.</summary>
internal static class Charts
{
    public sealed record Bar(string Label, double Share, string Detail);

    /// <summary>Horizontal bars of shares in [0, 1], one per row.</summary>
    public static string Shares(string title, IReadOnlyList<Bar> bars, string colour)
    {
        const int labelWidth = 150, barWidth = 260, row = 24;
        int height = 30 + row * Math.Max(1, bars.Count);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" role="img" aria-label="{E(title)}" width="{labelWidth + barWidth + 70}" height="{height}" viewBox="0 0 {labelWidth + barWidth + 70} {height}" xmlns="http://www.w3.org/2000/svg">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="16" font-size="13" font-weight="600">{E(title)}</text>""");
        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            double share = double.IsFinite(bar.Share) ? Math.Clamp(bar.Share, 0, 1) : 0;
            int y = 28 + i * row;
            sb.Append(CultureInfo.InvariantCulture, $"""<g><title>{E(bar.Detail)}</title>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 13}" font-size="12">{E(Truncate(bar.Label, 22))}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{labelWidth}" y="{y}" width="{barWidth}" height="16" fill="#eef0f3"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{labelWidth}" y="{y}" width="{(barWidth * share):F1}" height="16" fill="{colour}"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{labelWidth + barWidth + 6}" y="{y + 13}" font-size="12">{(share * 100):F0}%</text></g>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Counts per period as vertical bars (statements over time).</summary>
    public static string Timeline(string title, IReadOnlyList<(string Period, int Count)> points)
    {
        const int height = 140, barGap = 4;
        int width = Math.Max(240, points.Count * 34 + 20);
        int max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Count));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg class="chart" role="img" aria-label="{E(title)}" width="{width}" height="{height + 40}" viewBox="0 0 {width} {height + 40}" xmlns="http://www.w3.org/2000/svg">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="14" font-size="13" font-weight="600">{E(title)}</text>""");
        for (int i = 0; i < points.Count; i++)
        {
            var (period, count) = points[i];
            double h = (height - 30) * (double)count / max;
            int x = 10 + i * 34;
            sb.Append(CultureInfo.InvariantCulture, $"""<g><title>{E(period)}: {count}</title><rect x="{x}" y="{(height - h):F1}" width="{34 - barGap}" height="{h:F1}" fill="#6366f1"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 15}" y="{height - h - 3:F1}" font-size="11" text-anchor="middle">{count}</text>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 15}" y="{height + 14}" font-size="10" text-anchor="middle">{E(period)}</text></g>""");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
