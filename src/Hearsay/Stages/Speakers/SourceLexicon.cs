using Hearsay.Attributions;

namespace Hearsay.Stages.Speakers;

/// <summary>
/// Word lists that tell what kind of source a phrase names: news outlets with their short forms,
/// government bodies, and the nouns that mark anonymous sources, documents and groups. Users extend it
/// with a file of lines "kind<TAB>Canonical Name|alias|alias".
/// </summary>
public sealed class SourceLexicon
{
    private readonly Dictionary<string, (string Name, EntityKind Kind)> _names = new(StringComparer.OrdinalIgnoreCase);

    public static SourceLexicon Default { get; } = CreateDefault();

    public HashSet<string> AnonymousNouns { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        "official", "officials", "source", "sources", "aide", "aides", "diplomat", "diplomats", "adviser", "advisers",
        "advisor", "advisors", "insider", "insiders", "staffer", "staffers", "person", "people", "individual",
        "individuals", "associate", "associates", "operative", "operatives", "confidant", "confidants", "ally", "allies",
        "spokesperson", "spokesman", "spokeswoman", "representative", "someone", "observer", "observers",
    };

    public HashSet<string> DocumentNouns { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        "report", "statement", "memo", "letter", "poll", "study", "survey", "decree", "filing", "complaint", "lawsuit",
        "book", "article", "editorial", "ad", "advertisement", "video", "tweet", "post", "release", "document",
        "documents", "email", "emails", "transcript", "analysis", "platform", "indictment", "ruling", "order", "bill",
        "website", "headline", "story", "column", "op-ed", "blog", "interview", "speech", "commercial", "campaign",
    };

    public HashSet<string> Titles { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Vice", "Sen.", "Senator", "Rep.", "Representative", "Gov.", "Governor", "Mr.", "Mrs.", "Ms.", "Dr.",
        "Secretary", "Gen.", "General", "Mayor", "Judge", "Justice", "Speaker", "Leader", "Chairman", "Chairwoman",
        "Prime", "Minister", "Chancellor", "Ambassador", "Attorney", "Prof.", "Professor", "Rev.", "Former", "former",
        "Democratic", "Republican", "GOP", "Sens.", "Reps.", "Lt.", "Col.", "Adm.", "Director", "Commissioner", "Sheriff",
        "Pope", "King", "Queen", "Prince", "Princess", "Lord", "Lady", "Sir", "Candidate", "nominee", "candidate",
        "Ukrainian", "Russian", "US", "U.S.", "American", "British", "French", "German", "Chinese",
    };

    public void Add(string canonical, EntityKind kind, params string[] aliases)
    {
        _names[canonical] = (canonical, kind);
        foreach (var alias in aliases) _names.TryAdd(alias, (canonical, kind));
    }

    public bool TryLookup(string phrase, out string canonical, out EntityKind kind)
    {
        string key = phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? phrase[4..] : phrase;
        if (_names.TryGetValue(key, out var hit) || _names.TryGetValue(phrase, out hit))
        {
            (canonical, kind) = hit;
            return true;
        }
        canonical = "";
        kind = EntityKind.Other;
        return false;
    }

    /// <summary>Reads lines "kind&lt;TAB&gt;Canonical|alias|alias" (kind: outlet, government, organization, person, ...).</summary>
    public static SourceLexicon Load(string path)
    {
        var lexicon = CreateDefault();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t', 2);
            if (parts.Length != 2 || !Enum.TryParse<EntityKind>(parts[0], ignoreCase: true, out var kind))
                throw new FormatException($"{path}: expected 'kind<TAB>Name|alias', got '{line}'");
            var names = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            lexicon.Add(names[0], kind, names[1..]);
        }
        return lexicon;
    }

    private static SourceLexicon CreateDefault()
    {
        var l = new SourceLexicon();
        l.Add("The Washington Post", EntityKind.Outlet, "Washington Post", "the Post", "Post", "WaPo");
        l.Add("The New York Times", EntityKind.Outlet, "New York Times", "the Times", "NYT", "Times");
        l.Add("The Wall Street Journal", EntityKind.Outlet, "Wall Street Journal", "the Journal", "WSJ");
        l.Add("Associated Press", EntityKind.Outlet, "the Associated Press", "AP", "The Associated Press");
        l.Add("Reuters", EntityKind.Outlet);
        l.Add("Agence France-Presse", EntityKind.Outlet, "AFP");
        l.Add("Bloomberg", EntityKind.Outlet, "Bloomberg News");
        l.Add("CNN", EntityKind.Outlet);
        l.Add("Fox News", EntityKind.Outlet, "Fox");
        l.Add("MSNBC", EntityKind.Outlet);
        l.Add("NBC News", EntityKind.Outlet, "NBC");
        l.Add("CBS News", EntityKind.Outlet, "CBS");
        l.Add("ABC News", EntityKind.Outlet, "ABC");
        l.Add("NPR", EntityKind.Outlet);
        l.Add("BBC", EntityKind.Outlet, "the BBC");
        l.Add("Politico", EntityKind.Outlet, "POLITICO");
        l.Add("Breitbart News", EntityKind.Outlet, "Breitbart");
        l.Add("The Huffington Post", EntityKind.Outlet, "Huffington Post", "HuffPost");
        l.Add("USA Today", EntityKind.Outlet, "USA TODAY");
        l.Add("Western Journalism", EntityKind.Outlet);
        l.Add("The Guardian", EntityKind.Outlet, "Guardian");
        l.Add("Axios", EntityKind.Outlet);
        l.Add("The Hill", EntityKind.Outlet);
        l.Add("State Department", EntityKind.Government, "the State Department", "Department of State");
        l.Add("Pentagon", EntityKind.Government, "the Pentagon", "Defense Department", "Department of Defense");
        l.Add("White House", EntityKind.Government, "the White House");
        l.Add("Kremlin", EntityKind.Government, "the Kremlin");
        l.Add("NATO", EntityKind.Government);
        l.Add("Justice Department", EntityKind.Government, "Department of Justice", "DOJ");
        l.Add("FBI", EntityKind.Government, "the FBI");
        l.Add("CIA", EntityKind.Government, "the CIA");
        l.Add("Congress", EntityKind.Government);
        l.Add("Senate", EntityKind.Government, "the Senate");
        l.Add("House", EntityKind.Government, "the House");
        l.Add("Supreme Court", EntityKind.Government, "the Supreme Court");
        l.Add("United Nations", EntityKind.Government, "the UN", "UN", "U.N.");
        l.Add("European Union", EntityKind.Government, "the EU", "EU");
        return l;
    }
}
