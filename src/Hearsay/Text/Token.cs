namespace Hearsay.Text;

public enum TokenShape : byte
{
    Word,
    Number,
    Punctuation,
    OpeningQuote,
    ClosingQuote,
    Symbol,
    Markup,
}

/// <summary>
/// One token of a document. The tokenizer fills the surface fields; the tagger, entity
/// recogniser and parser fill the annotation fields later in the pipeline.
/// </summary>
public sealed class Token
{
    public Token(int index, TextRange range, string text, TokenShape shape)
    {
        Index = index;
        Range = range;
        Text = text;
        Shape = shape;
    }

    /// <summary>Position of the token in <see cref="Document.Tokens"/>.</summary>
    public int Index { get; }
    public TextRange Range { get; }
    /// <summary>The characters of the token exactly as they stand in the text.</summary>
    public string Text { get; }
    public TokenShape Shape { get; }

    /// <summary>Index into <see cref="Document.Sentences"/>; set by the sentence splitter.</summary>
    public int Sentence { get; set; } = -1;
    /// <summary>Index into <see cref="Document.Paragraphs"/>.</summary>
    public int Paragraph { get; set; } = -1;

    /// <summary>Penn Treebank part-of-speech tag.</summary>
    public string? Tag { get; set; }
    /// <summary>CoreNLP-style per-token entity tag (PERSON, ORGANIZATION, LOCATION, MISC, O).</summary>
    public string? EntityTag { get; set; }
    /// <summary>Document-level index of the syntactic head, or -1 for the sentence root.</summary>
    public int Head { get; set; } = -1;
    /// <summary>Dependency relation to the head (basic Universal Dependencies v1 labels as CoreNLP writes them).</summary>
    public string? Relation { get; set; }

    public bool IsQuote => Shape is TokenShape.OpeningQuote or TokenShape.ClosingQuote;

    public override string ToString() => Text;
}
