using System.Globalization;
using System.Text;
using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>A brat text-bound annotation (a T line): a type, one or more fragments and the covered text.</summary>
/// <param name="Fragments">UTF-16 ranges in ascending order (the file may list them in another order).</param>
/// <param name="Text">The text field as written: the fragments' text joined by a single space, in listed order.</param>
public sealed record BratTextBound(string Id, string Type, IReadOnlyList<TextRange> Fragments, string Text);

/// <summary>One role argument of an event, e.g. <c>Content2:T7</c>.</summary>
public sealed record BratArgument(string Role, string Target);

/// <summary>A brat event (an E line): type, trigger and role arguments.</summary>
public sealed record BratEvent(string Id, string Type, string Trigger, IReadOnlyList<BratArgument> Arguments);

/// <summary>A comment line such as <c>#1 TAB AnnotatorNotes T66 TAB text</c>.</summary>
public sealed record BratNote(string Id, string Kind, string Target, string Text);

/// <summary>
/// A brat standoff (.ann) file as the PolNeAR corpus writes it, read into text-bound annotations, events,
/// notes and, from the events, the attributions to score.
/// </summary>
/// <remarks>
/// Tolerates every irregularity the corpus has: records are found by their <c>T1 TAB</c> / <c>E1 TAB</c> /
/// <c>#1 TAB</c> prefix, so a T line whose text holds newlines may run over several physical lines;
/// discontinuous fragments are sorted numerically; argument-less E lines are skipped; <c>Content2</c>
/// counts as content; a role argument pointing at a T line of another type (a Cue argument on a
/// Discuss span, Source and Content swapped) is scored in the role the E line gives it; lines that make
/// no sense are skipped with a warning rather than failing the file.
/// Offsets in the file are Unicode code points; given the document text, they are converted to UTF-16.
/// </remarks>
public sealed class BratAnnotations
{
    private BratAnnotations(List<BratTextBound> textBounds, List<BratEvent> events, List<BratNote> notes,
        List<AttributionSpans> attributions, List<string> warnings)
    {
        TextBounds = textBounds;
        Events = events;
        Notes = notes;
        Attributions = attributions;
        Warnings = warnings;
    }

    public IReadOnlyList<BratTextBound> TextBounds { get; }
    public IReadOnlyList<BratEvent> Events { get; }
    public IReadOnlyList<BratNote> Notes { get; }
    /// <summary>One entry per E line that has at least one Source, Cue or Content argument, in file order.</summary>
    public IReadOnlyList<AttributionSpans> Attributions { get; }
    /// <summary>What was odd about the file and how it was read; informational.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static BratAnnotations ReadFile(string path, string? documentText = null) =>
        Parse(File.ReadAllText(path, new UTF8Encoding(false, true)), documentText);

    /// <summary>Reads .ann content.</summary>
    /// <param name="documentText">
    /// The annotated text. When given, offsets are converted from code points to UTF-16, checked against
    /// the text's length and the T lines' text fields are compared with the text. When null, offsets are
    /// kept as written.
    /// </param>
    public static BratAnnotations Parse(string ann, string? documentText = null)
    {
        ArgumentNullException.ThrowIfNull(ann);
        var map = documentText is null ? CodePointMap.Identity : CodePointMap.For(documentText);
        int codePointLength = documentText is null ? int.MaxValue : map.ToCodePoint(documentText.Length);

        var textBounds = new List<BratTextBound>();
        var events = new List<BratEvent>();
        var notes = new List<BratNote>();
        var warnings = new List<string>();

        foreach (var (lineNumber, record) in Records(ann, warnings))
        {
            int tab = record.IndexOf('\t');
            string id = record[..tab];
            string rest = record[(tab + 1)..];
            switch (id[0])
            {
                case 'T':
                    var textBound = ReadTextBound(id, rest, lineNumber, map, codePointLength, documentText, warnings);
                    if (textBound is not null) textBounds.Add(textBound);
                    break;
                case 'E':
                    var ev = ReadEvent(id, rest, lineNumber, warnings);
                    if (ev is not null) events.Add(ev);
                    break;
                case '#':
                    var note = ReadNote(id, rest);
                    notes.Add(note);
                    break;
                default:
                    warnings.Add($"line {lineNumber}: {id} records are not used; ignored");
                    break;
            }
        }

        var attributions = BuildAttributions(textBounds, events, warnings);
        return new BratAnnotations(textBounds, events, notes, attributions, warnings);
    }

    /// <summary>Splits the file into records: a record starts at a line with a record prefix and runs until the next one.</summary>
    private static IEnumerable<(int Line, string Record)> Records(string ann, List<string> warnings)
    {
        var lines = ann.Split('\n');
        // A file that ends with "\n" splits into a last, empty element: not a line.
        int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        StringBuilder? current = null;
        int currentLine = 0;
        for (int i = 0; i < count; i++)
        {
            string line = lines[i];
            if (IsRecordStart(line))
            {
                if (current is not null) yield return (currentLine, TrimRecordEnd(current.ToString()));
                current = new StringBuilder(line);
                currentLine = i + 1;
            }
            else if (current is not null)
            {
                current.Append('\n').Append(line);
            }
            else if (line.Trim().Length > 0)
            {
                warnings.Add($"line {i + 1}: not a brat record; ignored");
            }
        }
        if (current is not null) yield return (currentLine, TrimRecordEnd(current.ToString()));
    }

    // Files written on Windows end their lines with "\r\n"; the carriage return is not part of the record.
    private static string TrimRecordEnd(string record) => record.EndsWith('\r') ? record[..^1] : record;

    /// <summary>A line that starts with <c>T12 TAB</c>, <c>E3 TAB</c>, <c>#1 TAB</c> (or another brat record letter).</summary>
    private static bool IsRecordStart(string line)
    {
        if (line.Length < 2) return false;
        char kind = line[0];
        if (kind is not ('T' or 'E' or 'R' or 'A' or 'M' or 'N' or '#')) return false;
        int i = 1;
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        return i > 1 && i < line.Length && line[i] == '\t';
    }

    private static BratTextBound? ReadTextBound(string id, string rest, int lineNumber, CodePointMap map,
        int codePointLength, string? documentText, List<string> warnings)
    {
        int tab = rest.IndexOf('\t');
        string header = tab >= 0 ? rest[..tab] : rest;
        string text = tab >= 0 ? rest[(tab + 1)..] : "";
        int space = header.IndexOf(' ');
        if (space <= 0)
        {
            warnings.Add($"line {lineNumber}: {id} has no offsets; ignored");
            return null;
        }
        string type = header[..space];
        var listed = new List<TextRange>();
        foreach (var part in header[(space + 1)..].Split(';'))
        {
            var numbers = part.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (numbers.Length != 2
                || !int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out int start)
                || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out int end)
                || end < start)
            {
                warnings.Add($"line {lineNumber}: {id} has a malformed fragment '{part}'; ignored");
                return null;
            }
            if (end > codePointLength)
            {
                warnings.Add($"line {lineNumber}: {id} fragment {start} {end} lies outside the text; ignored");
                return null;
            }
            listed.Add(new TextRange(start, end));
        }

        if (documentText is not null)
        {
            string expected = string.Join(" ", listed.Select(f => documentText[map.ToUtf16(f.Start)..map.ToUtf16(f.End)]));
            if (expected != text)
                warnings.Add($"line {lineNumber}: {id} text field differs from the text at its offsets");
        }

        var fragments = listed.Where(f => !f.IsEmpty).Select(map.ToUtf16).Order().ToArray();
        return new BratTextBound(id, type, fragments, text);
    }

    private static BratEvent? ReadEvent(string id, string rest, int lineNumber, List<string> warnings)
    {
        var parts = rest.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].IndexOf(':') <= 0)
        {
            warnings.Add($"line {lineNumber}: {id} has no type and trigger; ignored");
            return null;
        }
        int colon = parts[0].IndexOf(':');
        var arguments = new List<BratArgument>();
        foreach (var part in parts.Skip(1))
        {
            int c = part.IndexOf(':');
            if (c <= 0 || c == part.Length - 1)
            {
                warnings.Add($"line {lineNumber}: {id} has a malformed argument '{part}'; ignored");
                continue;
            }
            arguments.Add(new BratArgument(part[..c], part[(c + 1)..]));
        }
        return new BratEvent(id, parts[0][..colon], parts[0][(colon + 1)..], arguments);
    }

    private static BratNote ReadNote(string id, string rest)
    {
        int tab = rest.IndexOf('\t');
        string header = tab >= 0 ? rest[..tab] : rest;
        string text = tab >= 0 ? rest[(tab + 1)..] : "";
        int space = header.IndexOf(' ');
        return space > 0
            ? new BratNote(id, header[..space], header[(space + 1)..].Trim(), text)
            : new BratNote(id, header, "", text);
    }

    private static List<AttributionSpans> BuildAttributions(List<BratTextBound> textBounds, List<BratEvent> events,
        List<string> warnings)
    {
        var byId = new Dictionary<string, BratTextBound>(StringComparer.Ordinal);
        foreach (var t in textBounds) byId[t.Id] = t;

        var attributions = new List<AttributionSpans>();
        foreach (var ev in events)
        {
            var source = new List<TextRange>();
            var cue = new List<TextRange>();
            var content = new List<TextRange>();
            int used = 0;
            foreach (var argument in ev.Arguments)
            {
                string role = argument.Role.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                var target = role switch
                {
                    "Source" => source,
                    "Cue" => cue,
                    "Content" => content,
                    _ => null,
                };
                if (target is null)
                {
                    warnings.Add($"{ev.Id}: role '{argument.Role}' is not Source, Cue or Content; ignored");
                    continue;
                }
                if (!byId.TryGetValue(argument.Target, out var textBound))
                {
                    warnings.Add($"{ev.Id}: {argument.Role} argument {argument.Target} does not exist; ignored");
                    continue;
                }
                if (textBound.Type != role)
                    warnings.Add($"{ev.Id}: {argument.Role} argument {argument.Target} is a {textBound.Type} span; scored as {role}");
                target.AddRange(textBound.Fragments);
                used++;
            }
            if (used == 0)
            {
                warnings.Add($"{ev.Id}: no Source, Cue or Content argument; not an attribution");
                continue;
            }
            attributions.Add(new AttributionSpans(Normalise(source), Normalise(cue), Normalise(content), ev.Type));
        }
        return attributions;
    }

    private static TextRange[] Normalise(List<TextRange> ranges) => ranges.Distinct().Order().ToArray();
}
