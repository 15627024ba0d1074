using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Quotes;

/// <summary>
/// Pairs quotation marks into quotations, paragraph by paragraph. Double marks of any style pair with
/// each other; single marks count only outside double ones (headlines quote with ‘ ’). A paragraph that
/// opens a quote and never closes it runs on: the next paragraph's opening mark continues it.
/// </summary>
public sealed class QuotationFinder : IStage
{
    public string Name => "quotations";
    public Layers Requires => Layers.Tokens | Layers.Paragraphs;
    public Layers Provides => Layers.Quotations;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        var quotations = document.Quotations;
        quotations.Clear();
        bool continuing = false;
        int i = 0;
        while (i < tokens.Count)
        {
            int paragraph = tokens[i].Paragraph;
            int end = i;
            while (end < tokens.Count && tokens[end].Paragraph == paragraph) end++;
            continuing = FindInParagraph(document, i, end, continuing);
            i = end;
        }
    }

    /// <summary>Finds the quotations in tokens [first, end); returns whether an open quote runs on.</summary>
    private static bool FindInParagraph(Document document, int first, int end, bool previousRunsOn)
    {
        var tokens = document.Tokens;
        int open = -1;        // token index of the open double mark
        int openSingle = -1;  // token index of an open single mark outside double marks
        bool runsOn = false;
        bool? nestedClose = null;
        for (int i = first; i < end; i++)
        {
            var token = tokens[i];
            if (!token.IsQuote) continue;
            bool isSingle = IsSingleMark(token.Text);
            if (isSingle)
            {
                if (open >= 0) continue; // nested quote inside a double-quoted passage
                if (token.Shape == TokenShape.OpeningQuote) { if (openSingle < 0) openSingle = i; }
                else if (openSingle >= 0)
                {
                    Add(document, openSingle, i + 1, single: true, continues: false, runsOn: false);
                    openSingle = -1;
                }
                continue;
            }
            if (nestedClose is { } expected)
            {
                // Inside a quote within a quote of another glyph ("… “As you know …” …"): wait for its end.
                if (token.Shape == TokenShape.ClosingQuote && IsStraight(token.Text) == expected) nestedClose = null;
                continue;
            }
            if (token.Shape == TokenShape.OpeningQuote && open >= 0
                && (IsStraight(token.Text) != IsStraight(tokens[open].Text) || ClosersAhead(tokens, i + 1, end) >= 2))
            {
                // A quote within the quote: of another glyph, or of the same one when two closing marks follow
                // ("… what he calls “hell” than live …”).
                nestedClose = IsStraight(token.Text);
                continue;
            }
            if (token.Shape == TokenShape.OpeningQuote)
            {
                if (open >= 0 && i - open > 1)
                {
                    // Two openers in a row: the first was never closed; close it before this one.
                    Add(document, open, i, false, open == first && previousRunsOn, runsOn: false);
                }
                open = i;
                openSingle = -1;
            }
            else if (open >= 0)
            {
                Add(document, open, i + 1, false, open == first && previousRunsOn, runsOn: false);
                open = -1;
            }
            else if (i == first || document.Quotations.Count == 0 || document.Quotations[^1].EndToken <= first)
            {
                // A closing mark with no opener in this paragraph: the quote began at the paragraph start.
                if (i - first >= 2 && previousRunsOn) Add(document, first, i + 1, false, true, runsOn: false);
            }
        }
        if (open >= 0 && end - open > 1)
        {
            Add(document, open, end, false, open == first && previousRunsOn, runsOn: true);
            runsOn = true;
        }
        return runsOn;
    }

    /// <summary>Closing double marks from <paramref name="from"/> up to the next opening mark or the paragraph's end.</summary>
    private static int ClosersAhead(List<Token> tokens, int from, int end)
    {
        int closers = 0;
        for (int k = from; k < end; k++)
        {
            if (!tokens[k].IsQuote || IsSingleMark(tokens[k].Text)) continue;
            if (tokens[k].Shape == TokenShape.OpeningQuote) break;
            closers++;
        }
        return closers;
    }

    private static bool IsStraight(string mark) => mark is "\"" or "''" or "``";

    private static bool IsSingleMark(string mark) => mark is "‘" or "’" or "'" or "`" or "‹" or "›";

    private static void Add(Document document, int first, int end, bool single, bool continues, bool runsOn)
    {
        var tokens = document.Tokens;
        var range = new TextRange(tokens[first].Range.Start, tokens[end - 1].Range.End);
        document.Quotations.Add(new Quotation(range, first, end) { Single = single, Continues = continues, RunsOn = runsOn });
    }
}
