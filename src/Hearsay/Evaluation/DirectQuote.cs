using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// Decides whether an attribution's content is a direct quote: its text, all fragments read in order as
/// one stream, lies wholly inside quotation marks.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Each fragment is trimmed of whitespace, then widened to take in a quotation mark the annotator
/// left out: an opening mark just before it (only spaces between) and a closing mark just after it (only
/// spaces and <c>. , ; : ! ? …</c> between).</item>
/// <item>The stream must start with an opening mark and end with the mark that closes it (punctuation may
/// follow the mark: <c>“…”.</c>), or end a paragraph with the quote still open where the next paragraph
/// opens with a quotation mark (a quote that runs on).</item>
/// <item>In between the quote must stay open. Where it closes, it must reopen before any letter or
/// digit (<c>“A,” | “B.”</c>: the words between the fragments, such as the cue, are not part of the
/// stream). A mark that opens a line or a fragment while the quote is open continues it rather than
/// nesting (a new paragraph of a long quote).</item>
/// </list>
/// Double quotes (<c>“ ” " „</c>, and <c>''</c>) are one family whatever the glyph, since news text mixes them
/// (<c>"…”</c>) and types them backwards (<c>”…“</c>): a mark's direction comes from what surrounds it
/// (after a space and before a word it opens; after a word and before a space or punctuation it
/// closes), else from its glyph. Double quotes nest and are counted; guillemets <c>« »</c> likewise. For
/// single quotes (<c>‘ ’ '</c>) only the first and last marks are checked, since <c>’</c> is also the
/// apostrophe.
/// </remarks>
public static class DirectQuote
{
    private enum Family { None, Double, Guillemet, Single }

    private const string TrailingPunctuation = ".,;:!?…";

    public static bool IsDirectQuote(string text, IReadOnlyList<TextRange> content)
    {
        var fragments = new List<(int Start, int End)>();
        foreach (var fragment in content.Order())
        {
            int start = Math.Clamp(fragment.Start, 0, text.Length);
            int end = Math.Clamp(fragment.End, start, text.Length);
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start < end) fragments.Add(Widen(text, start, end));
        }
        if (fragments.Count == 0) return false;

        int first = fragments[0].Start;
        var family = FamilyAt(text, first);
        if (family == Family.None || Direction(text, first, family) < 0 && family == Family.Guillemet) return false;

        // The mark that should close the quote: the stream's last character, or the last before trailing punctuation.
        int streamEnd = fragments[^1].End;
        int close = streamEnd - 1;
        while (close > first && TrailingPunctuation.Contains(text[close])) close--;
        if (close > first && text[close] == '\'' && text[close - 1] == '\'') close--;
        bool closed = close > first + MarkLength(text, first) - 1 && FamilyAt(text, close) == family;
        if (!closed && !RunsOnToNextParagraph(text, streamEnd)) return false;
        if (family == Family.Single) return closed;

        int depth = 1;
        bool reopenNeeded = false;
        for (int f = 0; f < fragments.Count; f++)
        {
            var (start, end) = fragments[f];
            for (int k = f == 0 ? first + MarkLength(text, first) : start; k < end; k++)
            {
                if (closed && k == close) break;
                char c = text[k];
                if (FamilyAt(text, k) != family)
                {
                    if (reopenNeeded && char.IsLetterOrDigit(c)) return false;
                    continue;
                }
                int direction = Direction(text, k, family);
                int mark = k;
                k += MarkLength(text, k) - 1;
                if (direction == 0) direction = depth > 0 ? -1 : 1;
                if (direction > 0)
                {
                    if (reopenNeeded) { reopenNeeded = false; depth = 1; continue; }
                    // A new paragraph or fragment that reopens a quote still open continues it.
                    if (mark == start || StartsLine(text, mark)) continue;
                    depth++;
                }
                else
                {
                    depth--;
                    if (depth == 0) reopenNeeded = true;
                }
            }
        }
        if (reopenNeeded) return false;
        // The final mark closes the outermost quote, not one nested in it.
        return closed ? depth == 1 : depth >= 1;
    }

    /// <summary>Takes in an opening mark just before the fragment and a closing mark just after it.</summary>
    private static (int Start, int End) Widen(string text, int start, int end)
    {
        // A fragment that starts or ends between the two apostrophes of a '' mark takes in the other one.
        if (text[start] == '\'' && start > 0 && text[start - 1] == '\'') start--;
        if (text[end - 1] == '\'' && end < text.Length && text[end] == '\'' && (end - 1 == start || text[end - 2] != '\'')) end++;
        if (FamilyAt(text, start) == Family.None)
        {
            int j = start - 1;
            while (j >= 0 && text[j] is ' ' or '\t') j--;
            if (j > 0 && text[j] == '\'' && text[j - 1] == '\'') j--;
            if (j >= 0 && FamilyAt(text, j) != Family.None && Direction(text, j, FamilyAt(text, j)) >= 0) start = j;
        }
        int last = end - 1;
        while (last > start && TrailingPunctuation.Contains(text[last])) last--;
        if (FamilyOf(text[last]) == Family.None)
        {
            int j = end;
            while (j < text.Length && (text[j] is ' ' or '\t' || TrailingPunctuation.Contains(text[j]))) j++;
            if (j < text.Length && FamilyAt(text, j) != Family.None && Direction(text, j, FamilyAt(text, j)) <= 0)
                end = j + MarkLength(text, j);
        }
        return (start, end);
    }

    /// <summary>+1 when the mark at <paramref name="k"/> opens a quote, -1 when it closes one, 0 when it cannot be told.</summary>
    private static int Direction(string text, int k, Family family)
    {
        char c = text[k];
        if (family == Family.Guillemet) return c == '«' ? 1 : -1;
        char before = k > 0 ? text[k - 1] : '\n';
        int next = k + MarkLength(text, k);
        char after = next < text.Length ? text[next] : '\n';
        bool opening = !char.IsWhiteSpace(after)
            && (char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '—' or '–' or '-' or '/' || FamilyOf(before) != Family.None);
        bool closing = !char.IsWhiteSpace(before)
            && (char.IsWhiteSpace(after) || char.IsPunctuation(after) || FamilyOf(after) != Family.None);
        if (opening && !closing) return 1;
        if (closing && !opening) return -1;
        return c switch
        {
            '“' or '„' or '‟' or '‘' or '‚' or '‛' => 1,
            '”' or '’' => -1,
            _ => 0,
        };
    }

    private static bool RunsOnToNextParagraph(string text, int end)
    {
        int j = end;
        bool newline = false;
        while (j < text.Length && char.IsWhiteSpace(text[j]))
        {
            if (text[j] == '\n') newline = true;
            j++;
        }
        return newline && j < text.Length && FamilyOf(text[j]) != Family.None;
    }

    private static bool StartsLine(string text, int position)
    {
        for (int j = position - 1; j >= 0; j--)
        {
            if (text[j] == '\n') return true;
            if (!char.IsWhiteSpace(text[j])) return false;
        }
        return false;
    }

    /// <summary>Two apostrophes (<c>''</c>, as some archives write a double quote) make one double-quote mark.</summary>
    private static int MarkLength(string text, int k) =>
        text[k] == '\'' && k + 1 < text.Length && text[k + 1] == '\'' ? 2 : 1;

    private static Family FamilyAt(string text, int k) => MarkLength(text, k) == 2 ? Family.Double : FamilyOf(text[k]);

    private static Family FamilyOf(char c) => c switch
    {
        '“' or '”' or '"' or '„' or '‟' => Family.Double,
        '«' or '»' => Family.Guillemet,
        '‘' or '’' or '\'' or '‚' or '‛' => Family.Single,
        _ => Family.None,
    };
}
