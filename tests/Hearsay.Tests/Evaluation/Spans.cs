using Hearsay.Evaluation;
using Hearsay.Text;

namespace Hearsay.Tests.Evaluation;

/// <summary>Builds ranges and attributions for hand-written texts by quoting their words.</summary>
internal static class Spans
{
    /// <summary>The range of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="part"/>.</summary>
    public static TextRange At(string text, string part, int occurrence = 0)
    {
        int start = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(part, start + 1, StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException($"'{part}' occurs fewer than {occurrence + 1} times");
        }
        return new TextRange(start, start + part.Length);
    }

    public static AttributionSpans Attribution(string text, string? source, string? cue, params string[] content) =>
        new(source is null ? [] : [At(text, source)],
            cue is null ? [] : [At(text, cue)],
            content.Select(c => At(text, c)).ToArray(),
            source is null ? AttributionSpans.NoSource : AttributionSpans.WithSource);
}
