using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Tokenization;

/// <summary>
/// Groups tokens into sentences. A sentence ends at . ! ? (with any closing quotes and brackets after
/// them) when the next token can start a sentence, at a line break when the next line starts a new
/// unit (headlines carry no final punctuation), and always at a paragraph's end. Abbreviations end a
/// sentence only when a typical sentence opener follows ("in the U.S. He said"). A run of more than
/// <see cref="MaxTokens"/> tokens without an end (a text with no punctuation) is cut after its last comma,
/// semicolon or colon, or else at the limit.
/// </summary>
public sealed class SentenceSplitter : IStage
{
    public string Name => "sentences";
    public Layers Requires => Layers.Tokens | Layers.Paragraphs;
    public Layers Provides => Layers.Sentences;

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "A", "An", "This", "That", "These",
        "Those", "His", "Her", "Their", "Its", "Our", "There", "When", "While", "If", "As", "After", "Before", "On",
        "At", "For", "So", "Yet", "Still", "Now", "Then", "However", "Meanwhile", "According", "Some", "Many", "Most",
    };

    /// <summary>
    /// The longest sentence. News sentences stay far below it (the longest of PolNeAR's 33,802 train and dev
    /// sentences has 220 tokens); the steps that look at a whole sentence for each of its words stay fast.
    /// </summary>
    public const int MaxTokens = 256;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        var sentences = document.Sentences;
        sentences.Clear();
        string text = document.Text;
        int first = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool last = i + 1 == tokens.Count || tokens[i + 1].Paragraph != tokens[i].Paragraph;
            if (last || EndsSentence(text, tokens, i))
            {
                Add(document, first, i + 1);
                first = i + 1;
            }
            else if (i + 1 - first == MaxTokens)
            {
                int cut = i + 1;
                for (int k = i; k > first + MaxTokens / 2; k--)
                    if (tokens[k].Text is "," or ";" or ":") { cut = k + 1; break; }
                Add(document, first, cut);
                first = cut;
            }
        }
    }

    private static void Add(Document document, int first, int end)
    {
        var tokens = document.Tokens;
        int index = document.Sentences.Count;
        for (int k = first; k < end; k++) tokens[k].Sentence = index;
        document.Sentences.Add(new Sentence(index, new TextRange(tokens[first].Range.Start, tokens[end - 1].Range.End),
            first, end, tokens[first].Paragraph));
    }

    /// <summary>Whether a sentence ends after token <paramref name="i"/> (the next token is in the same paragraph).</summary>
    private static bool EndsSentence(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        bool lineBreak = text.AsSpan(token.Range.End, next.Range.Start - token.Range.End).Contains('\n');

        // Closing quotes and brackets stay with the sentence they close.
        if (next.Shape == TokenShape.ClosingQuote || next.Text is ")" or "]") return false;

        int terminal = i;
        while (terminal > 0 && (tokens[terminal].Shape == TokenShape.ClosingQuote || tokens[terminal].Text is ")" or "]"))
            terminal--;
        var end = tokens[terminal];

        if (end.Text is "." or "?" or "!" or "?!" or "!?" || (end.Text.Length > 1 && end.Text[0] is '?' or '!'))
        {
            // “Why not?” Vitter demanded.  The attribution after a quoted question belongs to its sentence.
            if (!lineBreak && terminal < i && end.Text[0] is '?' or '!' && CueFollows(tokens, i + 1)) return false;
            return StartsUnit(next) || lineBreak;
        }
        if (end.Shape == TokenShape.Word && end.Text.EndsWith('.') && terminal == i)
            return AbbreviationEndsSentence(end, next) || (lineBreak && StartsUnit(next));
        if (lineBreak) return StartsUnit(next) || end.Text == ":";
        return false;
    }

    private static bool CueFollows(List<Token> tokens, int from)
    {
        int limit = Math.Min(tokens.Count, from + 5);
        for (int k = from; k < limit; k++)
        {
            var t = tokens[k];
            if (t.Shape is TokenShape.Punctuation or TokenShape.OpeningQuote || t.Paragraph != tokens[from].Paragraph) break;
            if (char.IsLower(t.Text[0]) && Quotes.CueLexicon.IsCueVerb(t.Text)) return true;
        }
        return SpeakerAndVerbFollow(tokens, from);
    }

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "he", "she", "they", "I", "we", "He", "She", "They", "We" };

    /// <summary>"“Would it be negotiable?” Hannity pressed." — a name or pronoun, one lower-case verb, and the clause ends.</summary>
    private static bool SpeakerAndVerbFollow(List<Token> tokens, int from)
    {
        int k = from;
        if (k < tokens.Count && Pronouns.Contains(tokens[k].Text)) k++;
        else
            while (k < tokens.Count && k - from < 4 && tokens[k].Shape == TokenShape.Word && char.IsUpper(tokens[k].Text[0])) k++;
        if (k == from || k >= tokens.Count || tokens[k].Shape != TokenShape.Word || !char.IsLower(tokens[k].Text[0])) return false;
        if (tokens[k].Paragraph != tokens[from].Paragraph) return false;
        k++;
        if (k < tokens.Count && Quotes.CueLexicon.Particles.Contains(tokens[k].Text)) k++;
        return k >= tokens.Count || tokens[k].Text is "." or ",";
    }

    private static bool StartsUnit(Token next)
    {
        if (next.Shape is TokenShape.OpeningQuote or TokenShape.Number or TokenShape.Markup) return true;
        if (next.Text is "(" or "[" or "—" or "–" or "-" or "--" or "•" or "*") return true;
        char c = next.Text[0];
        return char.IsUpper(c) || char.IsDigit(c) || c is '@' or '#' or '$';
    }

    private static bool AbbreviationEndsSentence(Token abbreviation, Token next)
    {
        var word = abbreviation.Text.AsSpan(0, abbreviation.Text.Length - 1);
        if (Abbreviations.IsTitle(word) || (word.Length == 1 && char.IsUpper(word[0]))) return false;
        return next.Shape == TokenShape.OpeningQuote || SentenceOpeners.Contains(next.Text);
    }
}
