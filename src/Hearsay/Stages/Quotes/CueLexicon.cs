namespace Hearsay.Stages.Quotes;

/// <summary>The verbs of speech, writing and thought that introduce reported content, in every inflection.</summary>
public static class CueLexicon
{
    private static readonly string[] SpeechLemmas =
    {
        "say", "tell", "add", "ask", "explain", "note", "state", "declare", "argue", "claim", "insist", "warn",
        "recall", "continue", "reply", "respond", "answer", "shout", "tweet", "post", "announce", "acknowledge",
        "admit", "concede", "suggest", "remark", "observe", "joke", "quip", "caution", "predict", "vow", "promise",
        "pledge", "stress", "emphasize", "emphasise", "complain", "lament", "boast", "counter", "retort", "conclude",
        "report", "testify", "yell", "scream", "whisper", "mutter", "exclaim", "comment", "confirm", "deny", "allege",
        "assert", "contend", "maintain", "proclaim", "urge", "plead", "charge", "speculate", "muse", "opine", "scoff",
        "chide", "blast", "slam", "criticize", "criticise", "tout", "thunder", "snap", "marvel", "gush", "elaborate",
        "recount", "describe", "remind", "inform", "assure", "wonder", "write", "read", "speak", "call", "cry",
        "sigh", "laugh", "chuckle", "groan", "grumble", "demand", "mock", "quote", "reiterate", "repeat", "tease",
        "taunt", "rail", "fume", "rage", "lash", "point", "begin", "start", "interject", "interrupt", "offer",
        "threaten", "concur", "agree", "disagree", "object", "protest", "brag", "crow", "hint", "imply", "indicate",
        "estimate", "think", "believe", "hope", "fear", "worry", "feel", "know",
    };

    private static readonly Dictionary<string, string[]> Irregular = new(StringComparer.Ordinal)
    {
        ["say"] = new[] { "said", "says", "saying" },
        ["tell"] = new[] { "told", "tells", "telling" },
        ["write"] = new[] { "wrote", "written", "writes", "writing" },
        ["read"] = new[] { "reads", "reading" },
        ["speak"] = new[] { "spoke", "spoken", "speaks", "speaking" },
        ["quip"] = new[] { "quipped", "quips", "quipping" },
        ["snap"] = new[] { "snapped", "snaps", "snapping" },
        ["admit"] = new[] { "admitted", "admits", "admitting" },
        ["begin"] = new[] { "began", "begun", "begins", "beginning" },
        ["think"] = new[] { "thought", "thinks", "thinking" },
        ["feel"] = new[] { "felt", "feels", "feeling" },
        ["know"] = new[] { "knew", "known", "knows", "knowing" },
        ["cry"] = new[] { "cried", "cries", "crying" },
        ["testify"] = new[] { "testified", "testifies", "testifying" },
        ["reply"] = new[] { "replied", "replies", "replying" },
        ["deny"] = new[] { "denied", "denies", "denying" },
        ["object"] = new[] { "objected", "objects", "objecting" },
        ["interject"] = new[] { "interjected", "interjects" },
    };

    private static readonly Dictionary<string, string> FormToLemma = Build();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var lemma in SpeechLemmas)
        {
            map.TryAdd(lemma, lemma);
            var forms = Irregular.TryGetValue(lemma, out var irregular) ? irregular : RegularForms(lemma);
            foreach (var form in forms) map.TryAdd(form, lemma);
        }
        return map;
    }

    private static string[] RegularForms(string lemma)
    {
        string third = lemma.EndsWith('s') || lemma.EndsWith("sh") || lemma.EndsWith("ch") || lemma.EndsWith('x') || lemma.EndsWith('z')
            ? lemma + "es" : lemma + "s";
        string stem = lemma.EndsWith('e') ? lemma[..^1] : lemma;
        string past = lemma.EndsWith('e') ? lemma + "d"
            : lemma.Length > 2 && lemma.EndsWith('y') && !"aeiou".Contains(lemma[^2]) ? lemma[..^1] + "ied"
            : lemma + "ed";
        string thirdY = lemma.Length > 2 && lemma.EndsWith('y') && !"aeiou".Contains(lemma[^2]) ? lemma[..^1] + "ies" : third;
        return new[] { thirdY, past, stem + "ing" };
    }

    /// <summary>Particles that finish a phrasal verb of speech after a quote: "went on", "shot back", "spoke up", "lashed out", "cut in".</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal) { "on", "back", "up", "out", "in" };

    /// <summary>The lemma of a cue verb form ("said" gives "say"), or null when the word is not a cue verb.</summary>
    public static string? LemmaOf(string word) => FormToLemma.GetValueOrDefault(word);

    public static bool IsCueVerb(string word) => FormToLemma.ContainsKey(word);
}
