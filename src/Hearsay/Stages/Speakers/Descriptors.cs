using Hearsay.Text;

namespace Hearsay.Stages.Speakers;

/// <summary>
/// What the article itself says a named person is: the titles before a name ("Ukrainian President
/// Volodymyr Zelensky") and the appositions around it ("Karen Donfried, the assistant secretary of
/// state"; "The mayor's spokeswoman, Beth Kane"). A later description ("the Ukrainian leader", "the
/// spokeswoman") refers back to the nearest name that carries its head noun.
/// </summary>
internal sealed class Descriptors
{
    // Nouns that describe the same role; the first word of each group is what the others map to.
    private static readonly string[][] Synonyms =
    {
        new[] { "president", "leader", "head of state", "commander" },
        new[] { "senator", "sen.", "lawmaker", "legislator" },
        new[] { "representative", "rep.", "congressman", "congresswoman", "lawmaker", "legislator" },
        new[] { "governor", "gov." },
        new[] { "minister", "premier", "leader", "chancellor" },
        new[] { "spokesman", "spokeswoman", "spokesperson" },
        new[] { "ceo", "executive", "chief" },
        new[] { "chairman", "chairwoman", "chair" },
        new[] { "candidate", "nominee", "contender", "hopeful" },
        new[] { "secretary" }, new[] { "mayor" }, new[] { "judge", "justice" }, new[] { "general", "gen." },
        new[] { "ambassador", "envoy", "diplomat" }, new[] { "director" }, new[] { "professor", "prof.", "scholar" },
    };

    private static readonly Dictionary<string, string[]> Groups = BuildGroups();

    /// <summary>Whether a noun names a role a person holds ("senator", "spokeswoman").</summary>
    public static bool IsRole(string noun) => Groups.ContainsKey(noun);

    private readonly List<(TextRange Name, HashSet<string> Words)> _entries = new();

    private static Dictionary<string, string[]> BuildGroups()
    {
        var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in Synonyms)
            foreach (var word in group)
                map[word] = map.TryGetValue(word, out var existing) ? existing.Concat(group).Distinct().ToArray() : group;
        return map;
    }

    public static Descriptors Build(Document document, IReadOnlyList<TextRange> names, SourceLexicon lexicon)
    {
        var index = new Descriptors();
        foreach (var name in names)
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var word in document.Slice(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (lexicon.Titles.Contains(word)) Add(words, word);
            AddApposition(document, name, words);
            if (words.Count > 0) index._entries.Add((name, words));
        }
        return index;
    }

    /// <summary>The nearest name before <paramref name="position"/> that the description's head noun fits.</summary>
    public TextRange? Resolve(string description, int position)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2) return null;
        string noun = words[^1].TrimEnd(',', '.').ToLowerInvariant();
        var adjectives = words[1..^1].Where(w => char.IsUpper(w[0])).Select(w => w.ToLowerInvariant()).ToArray();
        TextRange? best = null;
        bool bestHasAdjectives = false;
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var (name, descriptors) = _entries[i];
            if (name.End > position || !descriptors.Contains(noun)) continue;
            bool adjectivesFit = adjectives.All(descriptors.Contains);
            if (best is null || (adjectivesFit && !bestHasAdjectives))
            {
                best = name;
                bestHasAdjectives = adjectivesFit;
                if (adjectivesFit) break;
            }
        }
        return best;
    }

    private static void Add(HashSet<string> words, string word)
    {
        string w = word.ToLowerInvariant();
        words.Add(w);
        if (Groups.TryGetValue(w, out var group)) foreach (var synonym in group) words.Add(synonym);
    }

    /// <summary>", the assistant secretary of state," after the name, or "The mayor's spokeswoman," before it.</summary>
    private static void AddApposition(Document document, TextRange name, HashSet<string> words)
    {
        var tokens = document.Tokens;
        var (first, end) = document.TokensIn(name);
        if (end < tokens.Count - 1 && tokens[end].Text == "," && tokens[end + 1].Text.ToLowerInvariant() is "the" or "a" or "an")
        {
            int k = end + 1;
            while (k < tokens.Count && k - end < 10 && tokens[k].Text is not ("," or "." or ";") && !tokens[k].IsQuote) k++;
            int headEnd = k;
            // "the assistant secretary of state": the head noun stands before "of"/"for"/"at"
            for (int j = end + 2; j < k; j++) if (tokens[j].Text is "of" or "for" or "at" or "in" or "to") { headEnd = j; break; }
            // the head noun and any capitalised modifier ("the Ukrainian foreign minister" gives minister, ukrainian)
            if (headEnd - 1 > end + 1) Add(words, tokens[headEnd - 1].Text);
            for (int j = end + 2; j < headEnd - 1; j++) if (char.IsUpper(tokens[j].Text[0])) Add(words, tokens[j].Text);
        }
        if (first >= 2 && tokens[first - 1].Text == ",")
        {
            int k = first - 2;
            int stop = Math.Max(0, first - 10);
            while (k > stop && tokens[k].Text is not ("," or "." or ";") && !tokens[k].IsQuote && tokens[k].Sentence == tokens[first].Sentence) k--;
            int start = k + 1;
            if (start < first - 1 && tokens[start].Text.ToLowerInvariant() is "the" or "a" or "an" || start < first - 1 && tokens[start].Text.EndsWith("'s"))
                Add(words, tokens[first - 2].Text);
        }
    }
}
