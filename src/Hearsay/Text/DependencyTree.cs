namespace Hearsay.Text;

/// <summary>Walks the dependency tree the parser left on a document's tokens (<see cref="Token.Head"/>, -1 for a root).</summary>
public static class DependencyTree
{
    /// <summary>Whether <paramref name="token"/> lies in the subtree of <paramref name="root"/> (itself included).</summary>
    public static bool Within(Document doc, int token, int root)
    {
        for (int k = token, steps = 0; k >= 0 && steps < 64; k = doc.Tokens[k].Head, steps++)
            if (k == root) return true;
        return false;
    }

    /// <summary>The first and the end token of <paramref name="root"/>'s subtree within its sentence (punctuation included).</summary>
    public static (int First, int End) Subtree(Document doc, int root)
    {
        var sentence = doc.Sentences[doc.Tokens[root].Sentence];
        int first = root, end = root + 1;
        for (int j = sentence.FirstToken; j < sentence.EndToken; j++)
            if (Within(doc, j, root)) { first = Math.Min(first, j); end = Math.Max(end, j + 1); }
        return (first, end);
    }

    /// <summary>
    /// The noun the preposition at <paramref name="first"/> governs ("past" of "in the past"), when that noun lies
    /// before <paramref name="end"/>; -1 when the token is no preposition (<c>case</c>) of a noun in that stretch.
    /// </summary>
    public static int PrepositionObject(Document doc, int first, int end)
    {
        var token = doc.Tokens[first];
        return token.Relation == "case" && token.Head > first && token.Head < end ? token.Head : -1;
    }

    /// <summary>
    /// <paramref name="head"/>'s subtree as a noun phrase: without the punctuation it ends with, nor the
    /// preposition, conjunction or punctuation it opens with ("as Tom Ridge, …, put it": "Tom Ridge, …").
    /// </summary>
    public static (int First, int End) NounPhrase(Document doc, int head)
    {
        var (first, end) = Subtree(doc, head);
        while (end > first + 1 && doc.Tokens[end - 1].Shape == TokenShape.Punctuation) end--;
        while (first < head && (doc.Tokens[first].Relation is "case" or "mark" or "cc" || doc.Tokens[first].Shape == TokenShape.Punctuation)) first++;
        return (first, end);
    }
}
