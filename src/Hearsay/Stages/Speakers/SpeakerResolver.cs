using Hearsay.Attributions;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Speakers;

/// <summary>
/// Links every attribution's source to an entity: names merge with their short forms ("Volodymyr
/// Zelensky", "Zelensky", "President Zelensky"), pronouns resolve to the nearest fitting earlier mention,
/// and descriptions ("a State Department official") become unnamed entities of their kind.
/// </summary>
public sealed class SpeakerResolver : IStage
{
    public string Name => "speakers";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Attributions;
    public Layers Provides => Layers.Speakers;

    private readonly SourceLexicon _lexicon;

    public SpeakerResolver(SourceLexicon? lexicon = null) => _lexicon = lexicon ?? SourceLexicon.Default;

    public void Process(Document document)
    {
        var entities = new EntityTable(document, _lexicon);
        var names = NameMentions.Find(document);
        var descriptors = Descriptors.Build(document, names, _lexicon);
        foreach (var attribution in document.Attributions.OrderBy(a => a.Source?.Start ?? a.ContentExtent.Start))
        {
            if (attribution.Source is not { } source) continue;
            string written = document.Slice(source);
            Entity? speaker = SourcePhrasesExtensions.IsPronounPhrase(written)
                ? ResolvePronoun(document, written, source.Start, names, entities)
                : ResolveDescription(written, source, descriptors, entities) ?? entities.ForMention(source);
            if (speaker is null) continue;
            if (!speaker.Mentions.Contains(source)) speaker.Mentions.Add(source);
            attribution.Speaker = speaker;
        }
        // Every other mention of a source's name in the article belongs to it too.
        foreach (var name in names)
        {
            if (entities.Find(name) is { } entity && !entity.Mentions.Any(m => m.Overlaps(name))) entity.Mentions.Add(name);
        }
        foreach (var entity in entities.All) entity.Mentions.Sort();
        document.Entities.Clear();
        document.Entities.AddRange(entities.All.Where(e => e.Mentions.Count > 0));
    }

    /// <summary>
    /// "the Ukrainian leader", "the spokeswoman": the nearest earlier name the article describes so;
    /// "the official": the nearest earlier unnamed source with that head noun.
    /// </summary>
    private static Entity? ResolveDescription(string written, TextRange source, Descriptors descriptors, EntityTable entities)
    {
        if (!written.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || written.Contains(',')) return null;
        var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4 || char.IsUpper(words[^1][0])) return null;
        if (descriptors.Resolve(written, source.Start) is { } name) return entities.ForMention(name);
        return entities.LatestUnnamedWithNoun(words[^1], source.Start);
    }

    /// <summary>he/she: the nearest earlier person-like name (a speaker first); they/we: the nearest group, body or name.</summary>
    private static Entity? ResolvePronoun(Document document, string pronoun, int position, List<TextRange> names, EntityTable entities)
    {
        bool singular = pronoun.ToLowerInvariant() is "he" or "she" or "i";
        Entity? nearestSpeaker = null;
        int nearestSpeakerAt = -1;
        foreach (var attribution in document.Attributions)
        {
            if (attribution.Speaker is not { } s || attribution.Source is not { } src || src.Start >= position) continue;
            bool fits = singular ? s.Kind == EntityKind.Person && s.Named : s.Kind != EntityKind.Person;
            if (fits && src.Start > nearestSpeakerAt) { nearestSpeaker = s; nearestSpeakerAt = src.Start; }
        }
        TextRange? nearestName = null;
        for (int i = names.Count - 1; i >= 0; i--)
        {
            if (names[i].End > position) continue;
            var entity = entities.Peek(names[i]);
            bool fits = singular ? entity.Kind == EntityKind.Person : entity.Kind != EntityKind.Person;
            if (fits) { nearestName = names[i]; break; }
        }
        // Prefer the last speaker unless a fitting name stands clearly nearer (in a later sentence).
        if (nearestName is { } name && (nearestSpeaker is null
            || document.Tokens[document.TokenAtOrAfter(name.Start)].Sentence > document.Tokens[document.TokenAtOrAfter(nearestSpeakerAt)].Sentence))
        {
            return entities.ForMention(name);
        }
        return nearestSpeaker;
    }
}

internal static class SourcePhrasesExtensions
{
    public static bool IsPronounPhrase(string text) =>
        text.ToLowerInvariant() is "he" or "she" or "they" or "we" or "i" or "it" or "you";
}
