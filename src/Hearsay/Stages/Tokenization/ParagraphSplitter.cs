using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Tokenization;

/// <summary>Finds paragraphs: runs of text separated by a blank line (a line holding only white space).</summary>
public sealed class ParagraphSplitter : IStage
{
    public string Name => "paragraphs";
    public Layers Requires => Layers.None;
    public Layers Provides => Layers.Paragraphs;

    public void Process(Document document)
    {
        var paragraphs = document.Paragraphs;
        paragraphs.Clear();
        string text = document.Text;
        int start = -1, lastContentEnd = -1, position = 0;
        while (position <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0) lineEnd = text.Length;
            int contentStart = position, contentEnd = lineEnd;
            while (contentStart < contentEnd && Tokenizer.IsSpace(text[contentStart])) contentStart++;
            while (contentEnd > contentStart && Tokenizer.IsSpace(text[contentEnd - 1])) contentEnd--;
            if (contentStart == contentEnd)
            {
                if (start >= 0) paragraphs.Add(new Paragraph(paragraphs.Count, new TextRange(start, lastContentEnd)));
                start = -1;
            }
            else
            {
                if (start < 0) start = contentStart;
                lastContentEnd = contentEnd;
            }
            position = lineEnd + 1;
        }
        if (start >= 0) paragraphs.Add(new Paragraph(paragraphs.Count, new TextRange(start, lastContentEnd)));
    }
}
