using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Sourcing chains. An attribution whose cue lies inside another attribution's content is reported by
/// that one and gets it as <see cref="Attribution.Parent"/> (the innermost when several contain it).
/// Because the corpus is univocal, the labeller never labels a cue inside content; <see cref="FindReported"/>
/// therefore looks inside each content for "X said (that) …" / "according to X, …" and adds those as
/// nested attributions ("The report said that Biden had to tell Zelensky …" gives report → Biden).
/// A rule, not a model: the corpus has no nested annotations to learn from.
/// Nested attributions overlap their parent's content, so univocal outputs (brat, scoring) leave them
/// out (<see cref="IsReportedInside"/>); JSON and the text rendering show them under their parent.
/// </summary>
public static class AttributionNester
{
    public const string NestedRule = "nested";

    /// <summary>Whether the attribution lies inside its parent's content (a nested attribution).</summary>
    public static bool IsReportedInside(Attribution attribution) =>
        attribution.Parent is { } parent && attribution.Cue is { } cue && parent.Content.Any(c => c.Contains(cue));

    public static void Nest(Document document)
    {
        var all = document.Attributions;
        // Every content fragment, so that those holding a cue are found without a pass over all of them.
        var fragments = new RangeIndex<(int Outer, int Index)>(all.SelectMany((a, o) => a.Content.Select((c, k) => (c, (o, k)))));
        for (int i = 0; i < all.Count; i++)
        {
            var inner = all[i];
            if (inner.Cue is not { } cue) continue;
            // The shortest fragment holding the cue; between equals, the one listed first (outer, then fragment).
            (int Length, int Outer, int Index) best = (int.MaxValue, int.MaxValue, int.MaxValue);
            foreach (var (range, (o, index)) in fragments.Around(cue.Start + 1, cue.End - 1))
            {
                if (cue.End - range.Start > best.Length) break;   // starting earlier, every other one is longer
                if (o == i) continue;
                var candidate = (range.Length, o, index);
                if (candidate.CompareTo(best) >= 0) continue;
                if (Reaches(all[o], inner)) continue;   // never a cycle
                best = candidate;
            }
            if (best.Outer != int.MaxValue) inner.Parent = all[best.Outer];
        }
    }

    /// <summary>
    /// Adds the attributions reported inside others' contents, recursively (at most <paramref name="depth"/>
    /// levels): a strong cue word (share of cue uses in training at least <paramref name="minRate"/>) with a
    /// short source phrase before it and the rest of the content after it.
    /// </summary>
    public static void FindReported(Document document, IReadOnlyDictionary<string, float> cueRates, float minRate = 0.2f, int depth = 3)
    {
        var frontier = document.Attributions.ToList();
        // Tokens in a cue that an attribution already has (the labeller's, nested by Nest): not found a second time.
        var taken = new bool[document.Tokens.Count];
        void Take(IEnumerable<Attribution> attributions)
        {
            foreach (var a in attributions)
                if (a.Cue is { } cue)
                {
                    var (first, end) = document.TokensIn(cue);
                    for (int i = first; i < end; i++) taken[i] = true;
                }
        }
        Take(frontier);
        for (int level = 0; level < depth && frontier.Count > 0; level++)
        {
            var found = new List<Attribution>();
            foreach (var outer in frontier)
                foreach (var content in outer.Content)
                    if (Inside(document, outer, content, cueRates, minRate, taken) is { } inner) found.Add(inner);
            document.Attributions.AddRange(found);
            Take(found);
            frontier = found;
        }
        for (int i = 0; i < document.Attributions.Count; i++) document.Attributions[i].Id = "A" + (i + 1);
    }

    private static Attribution? Inside(Document doc, Attribution outer, TextRange content, IReadOnlyDictionary<string, float> cueRates, float minRate,
        bool[] taken)
    {
        var (first, end) = doc.TokensIn(content);
        for (int t = first + 1; t < end - 1; t++)
        {
            var token = doc.Tokens[t];
            if (token.Shape != TokenShape.Word || outer.Cue is { } oc && oc.Overlaps(token.Range) || taken[t]) continue;
            string word = AttributionFeatures.Normalize(token.Text);
            if (word is "according")
            {
                // according to X, CONTENT
                if (t + 2 >= end || doc.Tokens[t + 1].Text != "to") continue;
                int comma = t + 2;
                while (comma < end && doc.Tokens[comma].Text != "," && comma - t < 8) comma++;
                if (comma >= end - 1 || doc.Tokens[comma].Text != ",") continue;
                return Make(doc, outer, new TextRange(token.Range.Start, doc.Tokens[t + 1].Range.End),
                    Span(doc, t + 2, comma), Span(doc, comma + 1, TrimEnd(doc, comma + 1, end)));
            }
            if (!cueRates.TryGetValue(word, out float rate) || rate < minRate || char.IsUpper(token.Text[0])) continue;
            // SOURCE cue (that) CONTENT: the source is the capitalised phrase or pronoun just before the cue.
            int verb = t;   // "Biden had to tell": auxiliaries between the source and the cue
            while (verb > first && t - verb < 3 && doc.Tokens[verb - 1].Text is "had" or "has" or "have" or "to" or "will" or "would"
                or "did" or "does" or "not" or "n't" or "also" or "then" or "could" or "should" or "must" or "might" or "may") verb--;
            int s = verb;
            while (s > first && verb - s < 6 && IsSourceWord(doc.Tokens[s - 1])) s--;
            if (s == verb || !HasHead(doc, s, verb)) continue;
            // The content starts at "that" where there is one (the corpus keeps it), after "told Zelensky".
            int c = t + 1;
            for (int j = t + 1; j < Math.Min(end, t + 4); j++)
                if (doc.Tokens[j].Text is "that") { c = j; break; }
            int contentEnd = TrimEnd(doc, c, end);
            if (contentEnd - c < 2) continue;
            return Make(doc, outer, token.Range, Span(doc, s, verb), Span(doc, c, contentEnd));
        }
        return null;
    }

    private static bool IsSourceWord(Token token) =>
        token.Shape == TokenShape.Word && (char.IsUpper(token.Text[0]) || token.Text is "he" or "she" or "they" or "it" or "officials" or "the" or "a" or "an")
        || token.Text is "." && token.Range.Length == 1;   // "Mr." split as Mr + .

    private static bool HasHead(Document doc, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            string w = doc.Tokens[i].Text;
            if (char.IsUpper(w[0]) && w is not ("The" or "A" or "An") || w is "he" or "she" or "they" or "it" or "officials") return true;
        }
        return false;
    }

    private static int TrimEnd(Document doc, int from, int end)
    {
        while (end > from && doc.Tokens[end - 1].Shape is TokenShape.Punctuation) end--;
        return end;
    }

    private static TextRange Span(Document doc, int first, int end) => new(doc.Tokens[first].Range.Start, doc.Tokens[end - 1].Range.End);

    private static Attribution Make(Document doc, Attribution outer, TextRange cue, TextRange source, TextRange content)
    {
        var a = new Attribution("", AttributionKind.Indirect) { Source = source, Cue = cue, Parent = outer, Rule = NestedRule };
        a.Content.Add(content);
        return a;
    }

    /// <summary>Whether <paramref name="from"/>'s chain of parents already passes through <paramref name="target"/>.</summary>
    private static bool Reaches(Attribution from, Attribution target)
    {
        int steps = 0;
        for (var p = from; p is not null && steps < 64; p = p.Parent, steps++)
            if (ReferenceEquals(p, target)) return true;
        return false;
    }
}
