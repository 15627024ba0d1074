namespace Hearsay.Nlp;

/// <summary>
/// Maps a token's text as it stands in the input to the form CoreNLP's PTB tokenizer writes (the FORM
/// column of the silver corpus), so the models see our tokens the way they saw their training tokens:
/// quotes become `` '' ` ', brackets -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-, dashes --, ellipses ...,
/// curly apostrophes ', no-break spaces and soft hyphens are handled.
/// </summary>
public static class PtbNormalizer
{
    /// <summary>The PTB form of <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    /// <param name="text">The token's text.</param>
    /// <param name="opening">For an ambiguous straight quote: whether it opens a quotation.</param>
    public static string Normalize(string text, bool opening = true)
    {
        if (text.Length == 0) return text;
        if (text.Length == 1)
        {
            switch (text[0])
            {
                case '“': case '«': case '„': return "``";
                case '”': case '»': return "''";
                case '"': return opening ? "``" : "''";
                case '‘': return "`";
                case '’': return "'";
                case '\'': return opening ? "`" : "'";
                case '(': return "-LRB-";
                case ')': return "-RRB-";
                case '[': return "-LSB-";
                case ']': return "-RSB-";
                case '{': return "-LCB-";
                case '}': return "-RCB-";
                case '—': case '–': case '―': case '‒': return "--";
                case '…': return "...";
                case '¢': return "cents";
                case '€': return "$";
                case '½': return "1/2";
                default: return text;
            }
        }
        if (text is "---" or "----" or "—-" or "——") return "--";
        if (text is "...." or ". . ." or ".....") return "...";
        if (text is "’”" or "'\"" or "’\"") return "'''";
        if (text is "``" or "''") return text;
        if (text.AsSpan().IndexOfAny('’', '‘', '\u00AD') < 0 && text.AsSpan().IndexOfAny(" \n\r\t") < 0) return text;

        var chars = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '’': case '‘': chars.Append('\''); break;
                case '\u00AD': break;
                case ' ': case '\n': case '\r': case '\t': chars.Append('\u00A0'); break;
                default: chars.Append(c); break;
            }
        }
        return chars.ToString();
    }

    /// <summary>The PTB form of a document token; its shape tells an opening straight quote from a closing one.</summary>
    public static string Normalize(Hearsay.Text.Token token)
    {
        string text = token.Text;
        bool opening = text == "'" ? token.Shape == Hearsay.Text.TokenShape.OpeningQuote : token.Shape != Hearsay.Text.TokenShape.ClosingQuote;
        return Normalize(text, opening);
    }

    /// <summary>True for the PTB forms of punctuation marks (used to leave them out of attachment scores).</summary>
    public static bool IsPunctuationTag(string tag) =>
        tag is "." or "," or ":" or "``" or "''" or "-LRB-" or "-RRB-";
}
