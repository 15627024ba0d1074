using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Output;

/// <summary>A readable rendering for the terminal: each attribution as speaker, cue and content, optionally coloured.</summary>
public static class TextRenderer
{
    private const string Reset = "\u001b[0m", Bold = "\u001b[1m", Source = "\u001b[1;36m", Cue = "\u001b[33m", Content = "\u001b[32m", Dim = "\u001b[2m";

    public static void Write(Document document, TextWriter writer, bool colour)
    {
        string C(string code) => colour ? code : "";
        writer.WriteLine($"{C(Bold)}{document.Metadata.Title ?? document.Id}{C(Reset)}");
        if (document.Metadata.Author is { } author) writer.WriteLine($"{C(Dim)}by {author}{C(Reset)}");
        writer.WriteLine($"{C(Dim)}{document.Attributions.Count} attributions, {document.Entities.Count} sources{C(Reset)}");
        if (document.Attributions.Count > 0) writer.WriteLine($"{C(Dim)}{Profile(document)}{C(Reset)}");
        writer.WriteLine();
        foreach (var attribution in document.Attributions)
        {
            int depth = Depth(attribution);
            string indent = new(' ', 2 * depth);
            string source = attribution.Source is { } s ? document.Slice(s) : "(no source)";
            string speaker = attribution.Speaker is { } e && !string.Equals(e.Name, source, StringComparison.OrdinalIgnoreCase)
                ? $" {C(Dim)}= {e.Name}{C(Reset)}" : "";
            string kind = attribution.Speaker is { } k ? $" {C(Dim)}[{JsonDocumentWriter.KindName(k.Kind)}{(k.Named ? "" : ", unnamed")}]{C(Reset)}" : "";
            string cue = attribution.Cue is { } c ? document.Slice(c) : "—";
            writer.WriteLine($"{indent}{C(Dim)}{attribution.Id} {attribution.Kind.ToString().ToLowerInvariant()}{C(Reset)}  {C(Source)}{source}{C(Reset)}{speaker}{kind} {C(Cue)}{cue}{C(Reset)}");
            if (attribution.Chain.Count > 1)
                writer.WriteLine($"{indent}    {C(Dim)}via {string.Join(" <- ", attribution.Chain.Select(e => e.Name))}{C(Reset)}");
            foreach (var content in attribution.Content)
                writer.WriteLine($"{indent}    {C(Content)}{OneLine(document.Slice(content))}{C(Reset)}");
        }
    }

    /// <summary>"sources: 3 person, 2 anonymous, 1 outlet; named 67%, anonymous 33%; second-hand 50% (via The Washington Post)".</summary>
    private static string Profile(Document document)
    {
        var p = SourcingProfile.Of(document);
        var kinds = p.ByKind.Where(k => k.Value > 0).OrderByDescending(k => k.Value)
            .Select(k => $"{k.Value} {JsonDocumentWriter.KindName(k.Key)}");
        string via = document.Provenance is { } root ? $" (story credited to {root.Name})" : "";
        return $"sources: {string.Join(", ", kinds)}; named {p.Share(p.Named):P0}, anonymous {p.Share(p.Anonymous):P0}; " +
               $"first-hand {p.Share(p.FirstHand):P0}, second-hand {p.Share(p.SecondHand):P0}{via}";
    }

    private static int Depth(Attribution attribution)
    {
        int depth = 0;
        for (var p = attribution.Parent; p is not null && depth < 10; p = p.Parent) depth++;
        return depth;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
