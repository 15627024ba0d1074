using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Speakers;

/// <summary>
/// The entities of one article, keyed so that a name's short forms and titled forms meet the same
/// entity: persons by surname, everything else by its canonical name.
/// </summary>
internal sealed class EntityTable
{
    private readonly Document _document;
    private readonly SourceLexicon _lexicon;
    private readonly Dictionary<string, Entity> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Entity> _all = new();

    private readonly IReadOnlyList<TextRange> _names;

    public EntityTable(Document document, SourceLexicon lexicon, IReadOnlyList<TextRange> names)
    {
        _document = document;
        _lexicon = lexicon;
        _names = names;
    }

    public IReadOnlyList<Entity> All => _all;

    /// <summary>The entity a source phrase names, created on first sight.</summary>
    public Entity ForMention(TextRange mention)
    {
        var (key, name, kind, named) = Describe(mention);
        if (!_byKey.TryGetValue(key, out var entity))
        {
            entity = new Entity("E" + (_all.Count + 1), name, kind, named);
            _byKey[key] = entity;
            _all.Add(entity);
        }
        else if (named && name.Length > entity.Name.Length && kind == entity.Kind)
        {
            entity.Name = name; // keep the fullest form: "Volodymyr Zelensky" over "Zelensky"
        }
        return entity;
    }

    public string Text(TextRange range) => _document.Slice(range);

    /// <summary>The article's author, for first-person sources outside quotations ("I asked him").</summary>
    public Entity Author(string name)
    {
        string key = "person:" + name.ToLowerInvariant();
        if (!_byKey.TryGetValue(key, out var entity))
        {
            entity = new Entity("E" + (_all.Count + 1), name, EntityKind.Person, named: true);
            _byKey[key] = entity;
            _all.Add(entity);
        }
        return entity;
    }

    /// <summary>The existing entity a phrase names, or null.</summary>
    public Entity? Find(TextRange mention) => _byKey.GetValueOrDefault(Describe(mention).Key);

    /// <summary>"the official" after "a State Department official": the latest unnamed entity with that head noun.</summary>
    public Entity? LatestUnnamedWithNoun(string noun, int before)
    {
        Entity? best = null;
        int bestAt = -1;
        foreach (var entity in _all)
        {
            if (entity.Named || !entity.Name.EndsWith(noun, StringComparison.OrdinalIgnoreCase)) continue;
            int at = LatestMentionBefore(entity, before);
            if (at > bestAt) { best = entity; bestAt = at; }
        }
        return best;
    }

    // The starts of each entity's mentions, sorted, kept up with its list of mentions (which only grows while
    // speakers are resolved), so that the latest one before a position is found by bisection.
    private readonly Dictionary<Entity, (List<int> Starts, int Seen)> _mentionStarts = new();

    private int LatestMentionBefore(Entity entity, int before)
    {
        var (starts, seen) = _mentionStarts.TryGetValue(entity, out var known) ? known : (new List<int>(), 0);
        for (int k = seen; k < entity.Mentions.Count; k++)
        {
            int start = entity.Mentions[k].Start, at = starts.Count;
            while (at > 0 && starts[at - 1] > start) at--;   // mentions mostly come in text order
            starts.Insert(at, start);
        }
        _mentionStarts[entity] = (starts, entity.Mentions.Count);
        int lo = Bisection.CountBefore(starts.Count, at => starts[at] < before);
        return lo > 0 ? starts[lo - 1] : -1;
    }

    /// <summary>What kind of entity a phrase would be, without creating it.</summary>
    public Entity Peek(TextRange mention)
    {
        var (key, name, kind, named) = Describe(mention);
        return _byKey.TryGetValue(key, out var entity) ? entity : new Entity("?", name, kind, named);
    }

    private (string Key, string Name, EntityKind Kind, bool Named) Describe(TextRange mention)
    {
        // "Rep. Jim Jordan (R-Ohio)": the party and state are not part of the name.
        string phrase = System.Text.RegularExpressions.Regex.Replace(_document.Slice(mention), @"\s*\([^)]*\)", "");
        // "Jane Doe, the spokeswoman": the part before the first comma names the source.
        var parts = phrase.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string head = parts.Length == 0 ? phrase.Trim()
            : parts.FirstOrDefault(IsProperName) ?? parts[0];
        // "the secretary general of the United Nations", "a spokeswoman for Hillary Clinton": a role's
        // head noun comes before the preposition ("the city of Phoenix" still names Phoenix).
        foreach (var preposition in new[] { " of ", " for ", " at ", " from ", " with " })
        {
            int at = head.IndexOf(preposition, StringComparison.Ordinal);
            if (at <= 0) continue;
            string before = head[..at].Split(' ')[^1];
            if (char.IsLower(before[0]) && !PlaceNouns.Contains(before)) { head = head[..at]; break; }
        }
        if (_lexicon.TryLookup(head, out var canonical, out var listedKind))
            return (canonical, canonical, listedKind, true);

        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A headline's "US Officials" is a description in title case, not a name.
        // "One Republican", "Some", "Several Democrats": a quantity of people, not a name.
        bool quantified = words.Length > 0 && Quantifiers.Contains(words[0]) && words.Skip(1).Count(w => char.IsUpper(w[0])) <= 1;
        bool properHead = !quantified && words.Length > 0 && char.IsUpper(words[^1][0])
                          && !_lexicon.AnonymousNouns.Contains(words[^1]) && !_lexicon.DocumentNouns.Contains(words[^1]);
        if (properHead)
        {
            var core = words.SkipWhile(w => _lexicon.Titles.Contains(w) || w is "the" or "The" || !char.IsUpper(w[0])).ToArray();
            string name = core.Length > 0 ? string.Join(' ', core) : head;
            foreach (var suffix in new[] { " Jr.", " Sr." }) if (name.EndsWith(suffix)) name = name[..^suffix.Length];
            if (_lexicon.TryLookup(name, out canonical, out listedKind)) return (canonical, canonical, listedKind, true);
            var kind = KindFromTags(mention) ?? EntityKind.Person;
            // The recogniser is not always sure: "Volodymyr Zelensky" tagged ORG, or one "Trump" of ten tagged LOC.
            if (kind != EntityKind.Person && (FirstNames.GenderOf(name) != '?' || MostlyPerson(name.Split(' ')[^1]))) kind = EntityKind.Person;
            // "Europeans", "Birchers", "Democrats": a plural proper noun is a group.
            if (kind == EntityKind.Person && !name.Contains(' ') && name.Length > 4 && name.EndsWith('s') && !name.EndsWith("ss")
                && KindFromTags(mention) != EntityKind.Person && !MostlyPerson(name) && FullNameFor(name, mention.Start, '?') is null)
                kind = EntityKind.Group;
            if (kind == EntityKind.Person && !name.Contains(' ') && FullNameFor(name, mention.Start, TitleGender(words)) is { } full) name = full;
            return (kind == EntityKind.Person ? "person:" + name.ToLowerInvariant() : "name:" + name, name, kind, true);
        }

        string noun = words.Length > 0 ? words[^1].ToLowerInvariant() : head;
        EntityKind descriptionKind =
            _lexicon.AnonymousNouns.Contains(noun) ? EntityKind.Anonymous
            : _lexicon.DocumentNouns.Contains(noun) ? EntityKind.Document
            : noun.EndsWith('s') ? EntityKind.Group
            : EntityKind.Other;
        return ("description:" + head.ToLowerInvariant(), head, descriptionKind, false);
    }

    private static readonly HashSet<string> Quantifiers = new(StringComparer.OrdinalIgnoreCase)
    { "one", "some", "several", "many", "most", "few", "two", "three", "another", "other", "others", "all", "both", "a", "an" };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    { "city", "state", "county", "town", "village", "province", "region", "republic", "kingdom", "university", "people", "government" };

    /// <summary>
    /// "Clinton" alone means the nearest full name before it that ends in "Clinton" ("Hillary Clinton",
    /// not "Bill Clinton" two paragraphs up), or else the first one after it.
    /// </summary>
    private string? FullNameFor(string surname, int position, char gender)
    {
        var candidates = FullNamesFor(surname);
        // The candidates are in text order: the last one before the position, else the first one after it.
        int lo = Bisection.CountBefore(candidates.Count, at => candidates[at].Start < position);
        for (int k = lo - 1; k >= 0; k--)
            if (Fits(candidates[k])) return candidates[k].Full;
        for (int k = lo; k < candidates.Count; k++)
            if (Fits(candidates[k])) return candidates[k].Full;
        return null;

        // "Mrs. Clinton" is not "Bill Clinton".
        bool Fits(FullName c) => gender == '?' || c.Gender == '?' || c.Gender == gender;
    }

    /// <summary>A name of two words or more: its place among the article's names, its start, its words without titles, their gender.</summary>
    private readonly record struct FullName(int Index, int Start, string Full, char Gender);

    private Dictionary<string, List<FullName>>? _byLastWord, _byFirstWord;
    private readonly Dictionary<string, List<FullName>> _fullNamesFor = new(StringComparer.Ordinal);

    /// <summary>The article's names of two words or more (titles left out) that end in <paramref name="surname"/>, or begin with it when it is a first name, in text order.</summary>
    private List<FullName> FullNamesFor(string surname)
    {
        if (_fullNamesFor.TryGetValue(surname, out var found)) return found;
        if (_byLastWord is null || _byFirstWord is null)
        {
            _byLastWord = new(StringComparer.Ordinal);
            _byFirstWord = new(StringComparer.Ordinal);
            for (int i = 0; i < _names.Count; i++)
            {
                var words = StripTitles(_document.Slice(_names[i]));
                if (words.Length < 2) continue;
                string full = string.Join(' ', words);
                var entry = new FullName(i, _names[i].Start, full, FirstNames.GenderOf(full));
                AddTo(_byLastWord, words[^1], entry);
                if (!string.Equals(words[0], words[^1], StringComparison.Ordinal)) AddTo(_byFirstWord, words[0], entry);
            }
        }
        // "Clinton" meets "Hillary Clinton"; a lone first name "Donald" meets "Donald Trump".
        var byLast = _byLastWord.GetValueOrDefault(surname) ?? [];
        var byFirst = FirstNames.GenderOf(surname) != '?' ? _byFirstWord.GetValueOrDefault(surname) ?? [] : [];
        found = byFirst.Count == 0 ? byLast : byLast.Concat(byFirst).OrderBy(c => c.Index).ToList();
        _fullNamesFor[surname] = found;
        return found;

        static void AddTo(Dictionary<string, List<FullName>> index, string key, FullName entry)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = new();
            list.Add(entry);
        }
    }

    private Dictionary<string, (int Person, int Other)>? _surnameVotes;

    /// <summary>Whether most of the article's name mentions ending in <paramref name="surname"/> were tagged PERSON.</summary>
    private bool MostlyPerson(string surname)
    {
        if (_surnameVotes is null)
        {
            _surnameVotes = new(StringComparer.Ordinal);
            foreach (var range in _names)
            {
                var tag = KindFromTags(range);
                if (tag is null) continue;
                string last = _document.Slice(range).Split(' ')[^1];
                var (person, other) = _surnameVotes.GetValueOrDefault(last);
                _surnameVotes[last] = tag == EntityKind.Person ? (person + 1, other) : (person, other + 1);
            }
        }
        return _surnameVotes.TryGetValue(surname, out var votes) && votes.Person > votes.Other;
    }

    private static char TitleGender(string[] words) =>
        words.Any(w => w is "Mrs." or "Ms." or "Miss" or "Mrs" or "Ms") ? 'f' : words.Any(w => w is "Mr." or "Mr") ? 'm' : '?';

    private string[] StripTitles(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var core = words.SkipWhile(w => _lexicon.Titles.Contains(w) || !char.IsUpper(w[0])).ToArray();
        if (core.Length > 0 && core[^1] is "Jr." or "Sr.") core = core[..^1];
        if (core.Length > 0 && (core[^1].EndsWith("’s") || core[^1].EndsWith("'s"))) core[^1] = core[^1][..^2];
        return core;
    }

    // "Beth Kane" or "Zelensky": every word capitalised.
    private static bool IsProperName(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 5 && words.All(w => char.IsUpper(w[0]) || w is "de" or "van" or "von" or "al" or "bin");
    }

    private EntityKind? KindFromTags(TextRange mention)
    {
        var (first, end) = _document.TokensIn(mention);
        for (int i = end - 1; i >= first; i--)
        {
            switch (_document.Tokens[i].EntityTag)
            {
                case "PERSON": return EntityKind.Person;
                case "ORGANIZATION": return EntityKind.Organization;
                case "LOCATION": return EntityKind.Government;
            }
        }
        return null;
    }
}
