namespace Hearsay.Text;

/// <summary>A sentence: a range of the text and the tokens [FirstToken, EndToken) it holds.</summary>
public sealed record Sentence(int Index, TextRange Range, int FirstToken, int EndToken, int Paragraph)
{
    public int TokenCount => EndToken - FirstToken;
}

/// <summary>A paragraph: text separated from its neighbours by a blank line.</summary>
public sealed record Paragraph(int Index, TextRange Range);
