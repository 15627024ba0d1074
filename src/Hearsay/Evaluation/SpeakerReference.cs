using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// Decides whether the entity a system attribution's source resolved to is the one the gold source
/// means. A gold source with a proper name means the entity with that name; a pronoun or description
/// means what CoreNLP's silver coreference chain through it names (when the chain holds a name);
/// an indefinite description ("a source", "officials") with no such chain is an unnamed source, which
/// must not have been resolved to a named entity; a pronoun or definite description with no chain to a
/// name cannot be checked and is left out.
/// </summary>
public sealed class SpeakerReference
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "They", "It", "We", "I", "His", "Her", "Their", "Its", "Our", "This", "That",
        "These", "Those", "One", "Some", "Many", "Most", "Both", "Others", "Several", "Few", "All", "Another", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.",
        "President", "Senator", "Governor", "Secretary", "Vice", "Former", "Democratic", "Republican", "GOP", "U.S.", "US",
    };

    private readonly string _text;
    private readonly IReadOnlyList<List<TextRange>> _chains;

    public SpeakerReference(string text, IReadOnlyList<List<TextRange>> chains)
    {
        _text = text;
        _chains = chains;
    }

    public enum Outcome { NotApplicable, Correct, Wrong }

    /// <summary>How the gold source was identified: by its own name, through a silver chain, or as unnamed.</summary>
    public enum Basis { Name, Chain, Unnamed }

    public (Outcome Outcome, Basis Basis) Check(IReadOnlyList<TextRange> goldSource, Entity? speaker)
    {
        if (goldSource.Count == 0) return (Outcome.NotApplicable, Basis.Unnamed);
        var source = goldSource[0];
        if (NameKey(_text.Substring(source.Start, source.Length)) is { } key)
            return (speaker is not null && Fits(speaker, key) ? Outcome.Correct : Outcome.Wrong, Basis.Name);
        // Any name in the chain counts: CoreNLP's chains sometimes hold the same person under two names.
        foreach (var chain in _chains)
        {
            if (!chain.Any(m => m.Overlaps(source))) continue;
            var keys = chain.Select(m => NameKey(_text.Substring(m.Start, m.Length))).OfType<string>().ToList();
            if (keys.Count > 0) return (speaker is not null && keys.Any(k => Fits(speaker, k)) ? Outcome.Correct : Outcome.Wrong, Basis.Chain);
        }
        // A pronoun or definite description with no chain to a name cannot be checked ("he", "the president").
        string written = _text.Substring(source.Start, source.Length).Trim();
        if (IsPronoun(written) || written.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return (Outcome.NotApplicable, Basis.Unnamed);
        return (speaker is { Named: false } ? Outcome.Correct : Outcome.Wrong, Basis.Unnamed);
    }

    private static bool IsPronoun(string word) =>
        word.ToLowerInvariant() is "he" or "she" or "they" or "it" or "we" or "i" or "you" or "who" or "which";

    private static bool Fits(Entity speaker, string key) =>
        speaker.Name.Contains(key, StringComparison.OrdinalIgnoreCase);

    /// <summary>The last proper-name word of a phrase ("Volodymyr Zelensky's" gives "Zelensky"), or null.</summary>
    private static string? NameKey(string phrase)
    {
        // "Karen Donfried, the assistant secretary" or "Apple's chief executive, Tim Cook": the part
        // that is all name names the source.
        if (phrase.Contains(','))
        {
            var parts = phrase.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
                if (part.Split(' ').All(w => w.Length > 0 && char.IsUpper(w[0])) && NameKey(part) is { } name) return name;
            if (parts.Length > 0 && NameKey(parts[0]) is { } first) return first;
        }
        // "A spokeswoman for Hillary Clinton", "the editorial board of the Post": a described person, not the name.
        foreach (var preposition in new[] { " of ", " for ", " at ", " from ", " with " })
        {
            int at = phrase.IndexOf(preposition, StringComparison.Ordinal);
            if (at > 0 && phrase[..at].Split(' ')[^1] is { Length: > 0 } before && char.IsLower(before[0])
                && !phrase[..at].Contains(',')) return NameKey(phrase[..at]);
        }
        // "the South Carolina senator": capitalised words before a common noun describe, they do not name.
        var plain = phrase.Trim().TrimEnd(',', '.', ':', ';').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (plain.Length > 1 && char.IsLower(plain[^1][0])) return null;
        string? last = null;
        foreach (var raw in phrase.Split(' ', '\n', '\u00A0'))
        {
            string word = raw.TrimEnd(',', '.', ':', ';').Replace("’s", "").Replace("'s", "");
            if (word.Length < 2 || !char.IsUpper(word[0]) || NotNames.Contains(word) || word is "Jr" or "Sr" or "II" or "III") continue;
            // SHOUTED words are no names, except a transcript's speaker label standing alone ("WALLACE:").
            if (word.All(c => char.IsUpper(c) || !char.IsLetter(c)) && word.Length > 4 && phrase.Trim().Contains(' ')) continue;
            last = word;
        }
        return last;
    }
}
