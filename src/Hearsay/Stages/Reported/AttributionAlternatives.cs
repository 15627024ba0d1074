using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Other readings of a found attribution, each changing one thing the grouping rules decided: the content
/// cut back to the cue's complement clause or to the quotation it opens with, grown to the end of that
/// clause, or kept to the cue's sentence; the source replaced by the cue's grammatical subject, or left
/// out. <see cref="AttributionTagger"/> lets the confidence model choose between the reading found and these.
/// </summary>
internal static class AttributionAlternatives
{
    public enum Change { ComplementClip, QuoteClip, ComplementExtend, SentenceClip, SubjectSource, NoSource }

    public static IEnumerable<(Change Change, Attribution Alternative)> Of(Document doc, Attribution a)
    {
        if (a.Cue is not { } cueRange || a.Content.Count != 1) yield break;
        var (cueFirst, cueEnd) = doc.TokensIn(cueRange);
        var (first, end) = doc.TokensIn(a.Content[0]);
        if (cueEnd <= cueFirst || end <= first) yield break;
        bool parsed = doc.Has(Layers.Dependencies);

        if (parsed && first >= cueEnd && ComplementChild(doc, cueFirst, cueEnd, first) is int child)
        {
            var (_, subtreeEnd) = DependencyTree.Subtree(doc, child);
            int clipped = AttributionGrouper.TrimPunctuation(doc, first, subtreeEnd);
            if (clipped > first && clipped < end) yield return (Change.ComplementClip, WithContent(doc, a, first, clipped));
            if (clipped > end && !Crosses(doc, a, end, clipped)) yield return (Change.ComplementExtend, WithContent(doc, a, first, clipped));
        }
        foreach (var q in doc.Quotations)
        {
            if (q.FirstToken != first) continue;
            if (q.EndToken > first && q.EndToken < end) yield return (Change.QuoteClip, WithContent(doc, a, first, q.EndToken));
            break;
        }
        var sentence = doc.Sentences[doc.Tokens[cueFirst].Sentence];
        if (first >= sentence.FirstToken && end > sentence.EndToken && first < sentence.EndToken)
        {
            int clipped = AttributionGrouper.TrimPunctuation(doc, first, sentence.EndToken);
            if (clipped > first) yield return (Change.SentenceClip, WithContent(doc, a, first, clipped));
        }
        if (parsed && Subject(doc, cueFirst, cueEnd, first, end) is var (sFirst, sEnd))
        {
            var range = new TextRange(doc.Tokens[sFirst].Range.Start, doc.Tokens[sEnd - 1].Range.End);
            if (a.Source != range) yield return (Change.SubjectSource, WithSource(a, range));
        }
        if (a.Source is not null) yield return (Change.NoSource, WithSource(a, null));
    }

    /// <summary>The dependent of a cue token (a clause or an object) whose subtree holds <paramref name="token"/>.</summary>
    private static int? ComplementChild(Document doc, int cueFirst, int cueEnd, int token)
    {
        for (int k = token, steps = 0; k >= 0 && steps < 64; steps++)
        {
            int head = doc.Tokens[k].Head;
            if (head >= cueFirst && head < cueEnd)
                return doc.Tokens[k].Relation is "ccomp" or "xcomp" or "dobj" or "advcl" or "parataxis" or "nmod" ? k : null;
            k = head;
        }
        return null;
    }

    /// <summary>The subject (nsubj, nsubjpass) of a cue word, as a whole phrase outside the content, at most 12 tokens.</summary>
    private static (int First, int End)? Subject(Document doc, int cueFirst, int cueEnd, int contentFirst, int contentEnd)
    {
        var sentence = doc.Sentences[doc.Tokens[cueFirst].Sentence];
        for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            var token = doc.Tokens[i];
            if (token.Head < cueFirst || token.Head >= cueEnd || token.Relation is not ("nsubj" or "nsubjpass")) continue;
            var (first, end) = DependencyTree.Subtree(doc, i);
            end = AttributionGrouper.TrimPunctuation(doc, first, end);
            if (end <= first || end - first > 12) return null;
            if (first < contentEnd && contentFirst < end) return null;
            if (first < cueEnd && cueFirst < end) return null;
            return (first, end);
        }
        return null;
    }

    /// <summary>Whether the tokens hold a source or cue, of this attribution or of another one (other than the one it is reported inside).</summary>
    private static bool Crosses(Document doc, Attribution a, int from, int to)
    {
        var range = new TextRange(doc.Tokens[from].Range.Start, doc.Tokens[to - 1].Range.End);
        foreach (var other in doc.Attributions)
        {
            if (ReferenceEquals(other, a.Parent)) continue;
            if (other.Source is { } s && s.Overlaps(range) || other.Cue is { } c && c.Overlaps(range)) return true;
        }
        return false;
    }

    private static Attribution Copy(Attribution a)
    {
        var copy = new Attribution(a.Id, a.Kind) { Source = a.Source, Cue = a.Cue, Rule = a.Rule, Parent = a.Parent, Confidence = a.Confidence };
        copy.Content.AddRange(a.Content);
        return copy;
    }

    private static Attribution WithContent(Document doc, Attribution a, int first, int end)
    {
        var copy = Copy(a);
        copy.Content.Clear();
        copy.Content.Add(new TextRange(doc.Tokens[first].Range.Start, doc.Tokens[end - 1].Range.End));
        return copy;
    }

    private static Attribution WithSource(Attribution a, TextRange? source)
    {
        var copy = Copy(a);
        copy.Source = source;
        return copy;
    }
}
