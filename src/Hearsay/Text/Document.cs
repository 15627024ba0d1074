using Hearsay.Attributions;

namespace Hearsay.Text;

/// <summary>
/// The one object every stage reads and enriches: the text exactly as read, its metadata, and the
/// layers added by the pipeline (paragraphs, tokens, sentences, tags, entities, attributions).
/// </summary>
public sealed class Document
{
    public Document(string text, string id = "document")
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Id = id;
    }

    public string Id { get; set; }
    /// <summary>The input text, unchanged: every range indexes it.</summary>
    public string Text { get; }
    public ArticleMetadata Metadata { get; set; } = new();

    public List<Paragraph> Paragraphs { get; } = new();
    public List<Token> Tokens { get; } = new();
    public List<Sentence> Sentences { get; } = new();
    /// <summary>Quoted stretches, quotation marks included, in text order.</summary>
    public List<Quotation> Quotations { get; } = new();
    public List<Entity> Entities { get; } = new();
    public List<Attribution> Attributions { get; } = new();
    /// <summary>The outlet the article credits for its story ("The Washington Post reported …", a "Report:" headline), if any.</summary>
    public Entity? Provenance { get; set; }

    /// <summary>The layers that stages have filled so far.</summary>
    public Layers Layers { get; set; }

    public bool Has(Layers layers) => (Layers & layers) == layers;

    public string Slice(TextRange range) => Text.Substring(range.Start, range.Length);

    public ReadOnlySpan<Token> TokensOf(Sentence sentence) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Tokens)[sentence.FirstToken..sentence.EndToken];

    /// <summary>Index of the first token whose range ends after <paramref name="position"/>, or Tokens.Count.</summary>
    public int TokenAtOrAfter(int position)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (Tokens[mid].Range.End <= position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The tokens that overlap <paramref name="range"/>, as [first, end).</summary>
    public (int First, int End) TokensIn(TextRange range)
    {
        int first = TokenAtOrAfter(range.Start);
        int end = first;
        while (end < Tokens.Count && Tokens[end].Range.Start < range.End) end++;
        return (first, end);
    }

    public int WordCount
    {
        get
        {
            int n = 0;
            foreach (var t in Tokens) if (t.Shape is TokenShape.Word or TokenShape.Number) n++;
            return n;
        }
    }
}
