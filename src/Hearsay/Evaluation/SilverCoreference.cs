using System.IO.Compression;
using System.Text.Json;
using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// CoreNLP's coreference chains from the corpus's silver folder (<c>silver/&lt;split&gt;.coref.jsonl</c>),
/// as character ranges, with the token offsets taken from <c>silver/&lt;split&gt;.conllu.gz</c>. Automatic,
/// not gold: a reference for pronoun and description sources, which the corpus does not resolve.
/// </summary>
public sealed class SilverCoreference
{
    private readonly Dictionary<string, List<List<TextRange>>> _chains;

    private SilverCoreference(Dictionary<string, List<List<TextRange>>> chains) => _chains = chains;

    /// <summary>The chains of an article (each a list of mention ranges); empty when the article has none.</summary>
    public IReadOnlyList<List<TextRange>> ChainsOf(string article) =>
        _chains.TryGetValue(article, out var chains) ? chains : [];

    /// <summary>Loads the silver files that sit beside a gold split folder (…/dev → …/silver/dev.*), or null.</summary>
    public static SilverCoreference? ForGoldFolder(string goldFolder)
    {
        string full = Path.GetFullPath(goldFolder).TrimEnd(Path.DirectorySeparatorChar);
        string split = Path.GetFileName(full);
        string silver = Path.Combine(Path.GetDirectoryName(full) ?? ".", "silver");
        string conllu = Path.Combine(silver, split + ".conllu.gz");
        string coref = Path.Combine(silver, split + ".coref.jsonl");
        return File.Exists(conllu) && File.Exists(coref) ? Load(conllu, coref) : null;
    }

    public static SilverCoreference Load(string conlluGz, string corefJsonl)
    {
        // (document, sentence number) -> token character ranges, 1-based token ids at index id-1
        var tokens = new Dictionary<string, List<List<TextRange>>>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(conlluGz), CompressionMode.Decompress)))
        {
            List<List<TextRange>>? sentences = null;
            List<TextRange>? sentence = null;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
                {
                    sentences = [];
                    tokens[line["# newdoc id = ".Length..].Trim()] = sentences;
                    sentence = null;
                }
                else if (line.StartsWith('#') || line.Length == 0)
                {
                    if (line.Length == 0) sentence = null;
                }
                else if (sentences is not null)
                {
                    if (sentence is null) { sentence = []; sentences.Add(sentence); }
                    int offset = line.LastIndexOf("Offset=", StringComparison.Ordinal);
                    int dash = line.IndexOf('-', offset);
                    int bar = line.IndexOf('|', dash);
                    if (bar < 0) bar = line.Length;
                    sentence.Add(new TextRange(int.Parse(line.AsSpan(offset + 7, dash - offset - 7)), int.Parse(line.AsSpan(dash + 1, bar - dash - 1))));
                }
            }
        }
        var chains = new Dictionary<string, List<List<TextRange>>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(corefJsonl))
        {
            using var json = JsonDocument.Parse(line);
            string doc = json.RootElement.GetProperty("doc").GetString()!;
            if (!tokens.TryGetValue(doc, out var sentences)) continue;
            var list = new List<List<TextRange>>();
            foreach (var chain in json.RootElement.GetProperty("chains").EnumerateArray())
            {
                var mentions = new List<TextRange>();
                foreach (var m in chain.EnumerateArray())
                {
                    int s = m.GetProperty("sent").GetInt32() - 1, start = m.GetProperty("start").GetInt32() - 1, end = m.GetProperty("end").GetInt32() - 1;
                    if (s < 0 || s >= sentences.Count || start < 0 || end > sentences[s].Count || end <= start) continue;
                    mentions.Add(new TextRange(sentences[s][start].Start, sentences[s][end - 1].End));
                }
                if (mentions.Count > 0) list.Add(mentions);
            }
            chains[doc] = list;
        }
        return new SilverCoreference(chains);
    }
}
