using System.Globalization;
using System.Text;
using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Output;

/// <summary>
/// Writes a document's attributions in the brat standoff format of the PolNeAR corpus, so that any
/// brat-based scorer (and <c>hearsay eval --pred</c>) can read them.
/// </summary>
/// <remarks>
/// Per attribution: a <c>Source</c>, a <c>Cue</c> and a <c>Content</c> T line for the roles it has, an
/// <c>Attribution</c> trigger T line (<c>Attribution-no-source</c> when the source is not expressed) on the
/// cue's span, and an E line tying them together. A discontinuous content is one T line with
/// fragments <c>start end;start end</c> in ascending order; its text field is the fragments' text joined by
/// one space, and text that holds newlines is written as is, running over several lines, as the corpus
/// does. Identical T lines (a source shared by several attributions) are written once. Offsets are
/// Unicode code points.
/// </remarks>
public static class BratWriter
{
    public static void Write(Document doc, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(writer);
        var map = CodePointMap.For(doc.Text);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        int nextT = 1, nextE = 1;

        string TextBound(string type, IReadOnlyList<TextRange> fragments)
        {
            var offsets = string.Join(";", fragments.Select(f =>
            {
                var cp = map.ToCodePoints(f);
                return string.Create(CultureInfo.InvariantCulture, $"{cp.Start} {cp.End}");
            }));
            string key = type + " " + offsets;
            if (ids.TryGetValue(key, out var existing)) return existing;
            string id = "T" + nextT++.ToString(CultureInfo.InvariantCulture);
            ids[key] = id;
            string text = string.Join(" ", fragments.Select(doc.Slice));
            writer.Write(id);
            writer.Write('\t');
            writer.Write(key);
            writer.Write('\t');
            writer.Write(text);
            writer.Write('\n');
            return id;
        }

        foreach (var attribution in doc.Attributions)
        {
            // brat output stays univocal, as the corpus is: nested attributions are in JSON only.
            if (Stages.Reported.AttributionNester.IsReportedInside(attribution)) continue;
            var source = Fragments(attribution.Source, doc.Text.Length);
            var cue = Fragments(attribution.Cue, doc.Text.Length);
            var content = attribution.Content
                .Select(c => Clamp(c, doc.Text.Length)).Where(c => !c.IsEmpty).Distinct().Order().ToArray();
            if (source.Length + cue.Length + content.Length == 0) continue;

            var arguments = new StringBuilder();
            if (source.Length > 0) arguments.Append(" Source:").Append(TextBound("Source", source));
            if (cue.Length > 0) arguments.Append(" Cue:").Append(TextBound("Cue", cue));
            if (content.Length > 0) arguments.Append(" Content:").Append(TextBound("Content", content));

            string eventType = source.Length > 0 ? "Attribution" : "Attribution-no-source";
            // brat needs a trigger span: the cue's, or failing that the source's, or the content's start.
            var trigger = cue.Length > 0 ? cue : source.Length > 0 ? source : content[..1];
            string triggerId = TextBound(eventType, trigger);

            writer.Write('E');
            writer.Write(nextE++.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(eventType);
            writer.Write(':');
            writer.Write(triggerId);
            writer.Write(arguments.ToString());
            writer.Write('\n');
        }
    }

    /// <summary>The document's attributions as .ann text.</summary>
    public static string Format(Document doc)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(doc, writer);
        return writer.ToString();
    }

    private static TextRange[] Fragments(TextRange? range, int length) =>
        range is { } r && !Clamp(r, length).IsEmpty ? [Clamp(r, length)] : [];

    private static TextRange Clamp(TextRange range, int length) =>
        new(Math.Clamp(range.Start, 0, length), Math.Clamp(range.End, 0, length));
}
