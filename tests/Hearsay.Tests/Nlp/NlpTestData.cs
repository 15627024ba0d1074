using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

/// <summary>Small hand-written sentences in the silver corpus's conventions.</summary>
internal static class NlpTestData
{
    /// <summary>Rows: form, tag, head (1-based, 0 = root), relation, entity.</summary>
    public static ConlluSentence Sentence(string doc, params (string Form, string Tag, int Head, string Rel, string Ner)[] rows) => new()
    {
        DocumentId = doc,
        Forms = rows.Select(r => r.Form).ToArray(),
        Tags = rows.Select(r => r.Tag).ToArray(),
        Heads = rows.Select(r => r.Head - 1).ToArray(),
        Relations = rows.Select(r => r.Rel).ToArray(),
        Entities = rows.Select(r => r.Ner).ToArray(),
        Starts = new int[rows.Length],
        Ends = new int[rows.Length],
    };

    public static readonly ConlluSentence TrumpSaid = Sentence("d1",
        ("Donald", "NNP", 2, "compound", "PERSON"),
        ("Trump", "NNP", 3, "nsubj", "PERSON"),
        ("said", "VBD", 0, "root", "O"),
        ("the", "DT", 5, "det", "O"),
        ("talks", "NNS", 7, "nsubj", "O"),
        ("had", "VBD", 7, "aux", "O"),
        ("stalled", "VBN", 3, "ccomp", "O"),
        ("in", "IN", 9, "case", "O"),
        ("Ohio", "NNP", 7, "nmod", "LOCATION"),
        (".", ".", 3, "punct", "O"));

    public static readonly ConlluSentence OfficialsTold = Sentence("d2",
        ("Officials", "NNS", 2, "nsubj", "O"),
        ("told", "VBD", 0, "root", "O"),
        ("Reuters", "NNP", 2, "dobj", "ORGANIZATION"),
        ("that", "IN", 7, "mark", "O"),
        ("Hillary", "NNP", 6, "compound", "PERSON"),
        ("Clinton", "NNP", 7, "nsubj", "PERSON"),
        ("won", "VBD", 2, "ccomp", "O"),
        (".", ".", 2, "punct", "O"));

    public static readonly ConlluSentence SheLeft = Sentence("d3",
        ("She", "PRP", 2, "nsubj", "O"),
        ("left", "VBD", 0, "root", "O"),
        ("the", "DT", 4, "det", "O"),
        ("White", "NNP", 5, "compound", "LOCATION"),
        ("House", "NNP", 2, "dobj", "LOCATION"),
        ("early", "RB", 2, "advmod", "O"),
        (".", ".", 2, "punct", "O"));

    public static IReadOnlyList<ConlluSentence> All => [TrumpSaid, OfficialsTold, SheLeft];
}
