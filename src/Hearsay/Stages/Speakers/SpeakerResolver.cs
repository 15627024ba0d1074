using Hearsay.Attributions;
using Hearsay.Pipeline;
using Hearsay.Stages.Quotes;
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
        var names = NameMentions.Find(document);
        var entities = new EntityTable(document, _lexicon, names);
        var descriptors = Descriptors.Build(document, names, _lexicon);
        var index = new NameIndex(document, names);
        var sourcesBySentence = new Dictionary<int, List<Attribution>>();
        foreach (var a in document.Attributions)
        {
            if (a.Source is not { } src) continue;
            int sentence = document.Tokens[document.TokenAtOrAfter(src.Start)].Sentence;
            if (!sourcesBySentence.TryGetValue(sentence, out var list)) sourcesBySentence[sentence] = list = new List<Attribution>();
            list.Add(a);
        }
        var genders = new Dictionary<Entity, char>();
        // Entities start without mentions, and only this loop gives them their sources.
        var mentioned = new HashSet<(Entity, TextRange)>();
        foreach (var attribution in document.Attributions.OrderBy(a => a.Source?.Start ?? a.ContentExtent.Start))
        {
            if (attribution.Source is not { } source) continue;
            string written = document.Slice(source);
            Entity? speaker = written.ToLowerInvariant() switch
            {
                "who" or "which" or "that" or "whom" => Antecedent(document, source, names, index, entities),
                "i" or "me" when document.Metadata.Author is { } author && !InsideQuote(document, source) => entities.Author(author),
                _ when SourcePhrases.IsPronoun(written) => ResolvePronoun(document, written, source.Start, names, index, sourcesBySentence, entities, genders),
                _ => Apposed(document, source, names, index, entities)
                     ?? ResolveDescription(written, source, descriptors, names, index, entities) ?? entities.ForMention(source),
            };
            // A pronoun with nothing fitting before it still gets an entity of its own: unnamed, as written.
            speaker ??= entities.ForMention(source);
            if (mentioned.Add((speaker, source))) speaker.Mentions.Add(source);
            attribution.Speaker = speaker;
        }
        // Every other mention of a source's name in the article belongs to it too.
        // A name is checked against the entity's sources, and against the last name given to it: names come in
        // text order, so no earlier one reaches a later name past that one.
        var sources = new Dictionary<Entity, RangeIndex<Entity>>();
        var lastName = new Dictionary<Entity, TextRange>();
        foreach (var name in names)
        {
            if (entities.Find(name) is not { } entity) continue;
            if (!sources.TryGetValue(entity, out var mentions)) sources[entity] = mentions = new RangeIndex<Entity>(entity.Mentions.Select(m => (m, entity)));
            if (lastName.TryGetValue(entity, out var last) && last.Overlaps(name) || mentions.AnyOverlapping(name)) continue;
            entity.Mentions.Add(name);
            lastName[entity] = name;
        }
        foreach (var entity in entities.All) entity.Mentions.Sort();
        document.Entities.Clear();
        document.Entities.AddRange(entities.All.Where(e => e.Mentions.Count > 0));
    }

    /// <summary>
    /// "the Ukrainian leader", "the spokeswoman": the nearest earlier name the article describes so;
    /// "the official": the nearest earlier unnamed source with that head noun.
    /// </summary>
    private static Entity? ResolveDescription(string written, TextRange source, Descriptors descriptors, List<TextRange> names, NameIndex index, EntityTable entities)
    {
        if (!written.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || written.Contains(',')) return null;
        var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "The Trump campaign" names its own referent; only plain descriptions refer back.
        if (words.Length is < 2 or > 4) return null;
        if (words.Skip(1).Any(w => char.IsUpper(w[0]) && !IsNationality(w)) && !Descriptors.IsRole(words[^1])) return null;
        if (descriptors.Resolve(written, source.Start) is { } name) return entities.ForMention(name);
        if (entities.LatestUnnamedWithNoun(words[^1], source.Start) is { } unnamed) return unnamed;
        // "the commission" after "the Commission on Presidential Debates": the nearest name holding the noun.
        int holding = index.LastWithWordBefore(words[^1], source.Start);
        return holding >= 0 ? entities.ForMention(names[holding]) : null;
    }

    // "the Ukrainian leader": a nationality describes; "the Trump campaign": a name names.
    private static bool IsNationality(string word) =>
        word.EndsWith("an") || word.EndsWith("ese") || word.EndsWith("ish") || word.EndsWith("ian") || word is "Thai" or "Greek" or "French" or "Dutch" or "Swiss";

    /// <summary>"Keron Blair, executive director of AROS, called for …": a description set beside a name is that name.</summary>
    private static Entity? Apposed(Document document, TextRange source, List<TextRange> names, NameIndex index, EntityTable entities)
    {
        string written = document.Slice(source);
        if (written.Length == 0 || !char.IsLower(written[0]) || SourcePhrases.IsPronoun(written)) return null;
        int first = document.TokenAtOrAfter(source.Start);
        if (first < 2 || document.Tokens[first - 1].Text != ",") return null;
        int nameEnd = document.Tokens[first - 2].Range.End;
        foreach (int i in index.EndingAt(nameEnd))
            if (entities.Peek(names[i]).Kind == EntityKind.Person) return entities.ForMention(names[i]);
        return null;
    }

    /// <summary>"Smith, who said …": the name the relative pronoun hangs on.</summary>
    private static Entity? Antecedent(Document document, TextRange source, List<TextRange> names, NameIndex index, EntityTable entities)
    {
        int pronoun = document.TokenAtOrAfter(source.Start);
        for (int i = index.LastStartingBefore(source.Start); i >= 0; i--)
        {
            if (names[i].End > source.Start) continue;
            int last = document.TokenAtOrAfter(names[i].End - 1);
            if (pronoun - last <= 2) return entities.ForMention(names[i]);
            break;
        }
        // "Central European leaders who …": the noun phrase just before.
        var tokens = document.Tokens;
        int end = pronoun - 1;
        if (end >= 0 && tokens[end].Text == ",") end--;
        int start = end;
        while (start >= 0 && start > end - 6 && tokens[start].Sentence == tokens[pronoun].Sentence
               && tokens[start].Shape is TokenShape.Word or TokenShape.Number && tokens[start].Tag is null or "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "PRP$")
            start--;
        start++;
        return start <= end ? entities.ForMention(new TextRange(tokens[start].Range.Start, tokens[end].Range.End)) : null;
    }

    private static bool InsideQuote(Document document, TextRange source) =>
        document.Quotations.Any(q => q.Range.Contains(source));

    /// <summary>
    /// he/she/they: walking back sentence by sentence from the pronoun, the first sentence with a fitting
    /// candidate decides: its speaker if it has one, else its first fitting name (the subject, in news
    /// prose: "Trump attacked Clinton on Monday. "…," he said." means Trump). he/she skip entities
    /// known to be of the other gender.
    /// </summary>
    private static Entity? ResolvePronoun(Document document, string pronoun, int position, List<TextRange> names, NameIndex index,
        Dictionary<int, List<Attribution>> sourcesBySentence, EntityTable entities, Dictionary<Entity, char> genders)
    {
        string lower = pronoun.ToLowerInvariant();
        bool singular = lower is "he" or "she" or "i";
        char gender = lower == "he" ? 'm' : lower == "she" ? 'f' : '?';
        int pronounSentence = document.Tokens[document.TokenAtOrAfter(position)].Sentence;
        int lowest = Math.Max(0, pronounSentence - 6);

        bool Fits(Entity e) => singular
            ? e.Kind == EntityKind.Person && e.Named && (gender == '?' || Gender(genders, e) is var g && (g == '?' || g == gender))
            : e.Kind != EntityKind.Person;

        for (int sentence = pronounSentence; sentence >= lowest; sentence--)
        {
            Entity? speaker = null;
            int speakerAt = -1;
            foreach (var a in sourcesBySentence.GetValueOrDefault(sentence) ?? [])
            {
                if (a.Speaker is not { } e || a.Source is not { } src || src.Start >= position) continue;
                if (Fits(e) && src.Start > speakerAt) { speaker = e; speakerAt = src.Start; }
            }
            if (speaker is not null) return Remember(genders, speaker, gender);
            foreach (int i in index.InSentence(sentence))
            {
                var name = names[i];
                if (name.End > position || IsAfterPreposition(document, name)
                    || document.Metadata.TitleRange is { } title && title.Contains(name.Start)) continue;
                var candidate = entities.Peek(name);
                if (!Fits(candidate) || gender != '?' && TitleGenderOf(entities.Text(name)) is var t && t != '?' && t != gender) continue;
                return Remember(genders, entities.ForMention(name), gender);
            }
        }
        return null;
    }

    private static Entity Remember(Dictionary<Entity, char> genders, Entity entity, char gender)
    {
        if (gender != '?') genders.TryAdd(entity, gender);
        return entity;
    }

    private static char Gender(Dictionary<Entity, char> genders, Entity entity) =>
        genders.TryGetValue(entity, out var known) ? known : FirstNames.GenderOf(entity.Name);

    private static char TitleGenderOf(string mention) =>
        mention.StartsWith("Mrs.") || mention.StartsWith("Ms.") ? 'f' : mention.StartsWith("Mr.") ? 'm' : '?';

    // "in Chicago", "from Arizona": a name after a preposition is seldom the one a pronoun means.
    private static bool IsAfterPreposition(Document document, TextRange name)
    {
        int first = document.TokenAtOrAfter(name.Start);
        return first > 0 && document.Tokens[first - 1].Text.ToLowerInvariant() is "in" or "at" or "from" or "to" or "of" or "across" or "throughout" or "near";
    }
}
