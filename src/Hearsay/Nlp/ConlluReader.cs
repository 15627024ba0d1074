using System.IO.Compression;

namespace Hearsay.Nlp;

/// <summary>One sentence of a CoNLL-U file in the silver corpus's conventions.</summary>
public sealed class ConlluSentence
{
    public required string DocumentId { get; init; }
    public required string[] Forms { get; init; }
    public required string[] Tags { get; init; }
    /// <summary>Head of each token as a 0-based index into the sentence, -1 for the root.</summary>
    public required int[] Heads { get; init; }
    public required string[] Relations { get; init; }
    /// <summary>Per-token NER tag from MISC (NER=...), "O" when absent.</summary>
    public required string[] Entities { get; init; }
    public required int[] Starts { get; init; }
    public required int[] Ends { get; init; }

    public int Count => Forms.Length;
}

/// <summary>Reads CoNLL-U files (plain or .gz) into sentences; multi-word and empty nodes are skipped.</summary>
public static class ConlluReader
{
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Read(reader).ToList();
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        string doc = "";
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0)
            {
                if (rows.Count > 0) yield return Build(doc, rows);
                rows.Clear();
                continue;
            }
            if (line[0] == '#')
            {
                const string prefix = "# newdoc id = ";
                if (line.StartsWith(prefix, StringComparison.Ordinal)) doc = line[prefix.Length..].Trim();
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length < 10 || cols[0].Contains('-') || cols[0].Contains('.')) continue;
            rows.Add(cols);
        }
        if (rows.Count > 0) yield return Build(doc, rows);
    }

    private static ConlluSentence Build(string doc, List<string[]> rows)
    {
        int n = rows.Count;
        var s = new ConlluSentence
        {
            DocumentId = doc,
            Forms = new string[n], Tags = new string[n], Heads = new int[n], Relations = new string[n],
            Entities = new string[n], Starts = new int[n], Ends = new int[n],
        };
        for (int i = 0; i < n; i++)
        {
            var c = rows[i];
            s.Forms[i] = c[1];
            s.Tags[i] = c[4] == "_" ? c[3] : c[4];
            s.Heads[i] = int.TryParse(c[6], out int h) ? h - 1 : -1;
            s.Relations[i] = c[7];
            s.Entities[i] = "O";
            s.Starts[i] = s.Ends[i] = -1;
            foreach (var part in c[9].Split('|'))
            {
                if (part.StartsWith("NER=", StringComparison.Ordinal)) s.Entities[i] = part[4..];
                else if (part.StartsWith("Offset=", StringComparison.Ordinal))
                {
                    int dash = part.IndexOf('-', 7);
                    if (dash > 0 && int.TryParse(part.AsSpan(7, dash - 7), out int a) && int.TryParse(part.AsSpan(dash + 1), out int b))
                    { s.Starts[i] = a; s.Ends[i] = b; }
                }
            }
        }
        return s;
    }
}
