using System.Globalization;
using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Tokenization;

/// <summary>
/// Splits news text into tokens without changing a character: every token is an exact slice of the text.
/// Follows Penn Treebank conventions where the taggers need them (clitics "n't", "'s" split off,
/// punctuation separate) and keeps together what news writes as one unit (U.S., Sen., J., 1,000, 3.5,
/// get-out-the-vote, @handles, URLs, pseudo-markup such as &lt;tweet ...&gt;).
/// </summary>
public sealed class Tokenizer : IStage
{
    /// <summary>
    /// Texts of at least this many characters (about 170,000 words) give tokens of the same text one shared
    /// string (<see cref="TokenTextPool"/>); below it, the pool's lookups cost more time than its strings save memory.
    /// </summary>
    public const int PoolFromChars = 1_000_000;

    /// <summary>
    /// Most tokens a document may have: 64 MiB of news (the most <see cref="ArticleReader"/> reads) has about
    /// 13 million, and the pipeline needs some 160 bytes a token at its peak, so a text denser in tokens
    /// ("a a a …") is refused here rather than allowed several gigabytes.
    /// </summary>
    public const int MaxTokens = 16_000_000;

    private readonly int _poolFromChars;
    private readonly int _maxTokens;

    public Tokenizer(int poolFromChars = PoolFromChars, int maxTokens = MaxTokens)
    {
        _poolFromChars = poolFromChars;
        _maxTokens = maxTokens;
    }

    public string Name => "tokenizer";
    public Layers Requires => Layers.Paragraphs;
    public Layers Provides => Layers.Tokens;

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        tokens.Clear();
        var texts = document.Text.Length >= _poolFromChars ? new TokenTextPool() : null;
        foreach (var paragraph in document.Paragraphs)
        {
            int first = tokens.Count;
            if (!Tokenize(document.Text, paragraph.Range, tokens, texts, _maxTokens))
            {
                tokens.Clear();
                tokens.TrimExcess();
                throw new InvalidInputException($"input has more than {_maxTokens:N0} tokens (words and marks); the limit is {_maxTokens:N0}");
            }
            for (int i = first; i < tokens.Count; i++) tokens[i].Paragraph = paragraph.Index;
        }
    }

    /// <summary>Tokenizes a range of <paramref name="text"/>, appending to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, TextRange range, List<Token> tokens) => Tokenize(text, range, tokens, null, int.MaxValue);

    /// <summary>As the public overload; stops and returns false once <paramref name="tokens"/> holds more than <paramref name="maxTokens"/>.</summary>
    private static bool Tokenize(string text, TextRange range, List<Token> tokens, TokenTextPool? texts, int maxTokens)
    {
        int i = range.Start, end = range.End;
        int openSingleQuotes = 0;
        while (i < end)
        {
            char c = text[i];
            if (IsSpace(c)) { i++; continue; }

            int start = i;
            TokenShape shape;
            if (c == '<' && TryMarkup(text, i, end, out int markupEnd))
            {
                i = markupEnd;
                shape = TokenShape.Markup;
            }
            else if (IsUrlStart(text, i, end))
            {
                i = UrlEnd(text, i, end);
                shape = TokenShape.Symbol;
            }
            else if (IsWordChar(c) || (c is '@' or '#' && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && (i == range.Start || IsSpace(text[i - 1]))))
            {
                i = WordEnd(text, i + 1, end);
                i = AbbreviationEnd(text, start, i, end);
                int clitic = CliticStart(text, start, i);
                if (clitic > start)
                {
                    Add(tokens, texts, text, start, clitic, ShapeOfWord(text, start, clitic));
                    start = clitic;
                }
                shape = ShapeOfWord(text, start, i);
            }
            else if (c is '\'' or '’' or '‘' or '`')
            {
                shape = SingleQuote(text, range.Start, i, end, ref openSingleQuotes, out int quoteEnd);
                i = quoteEnd;
                if (shape == TokenShape.Word)
                {
                    // 'em, '90s, 'til: a word that begins with an apostrophe
                    i = WordEnd(text, i, end);
                }
            }
            else if (c == '"')
            {
                shape = IsOpeningPosition(text, range.Start, i, end) ? TokenShape.OpeningQuote : TokenShape.ClosingQuote;
                i++;
            }
            else if (c is '“' or '«' or '„' or '‹')
            {
                // A misused “ after a word or a mark and before a space or a mark closes the quote ("unusual,“ said").
                bool closes = c == '“' && i > range.Start && !IsSpace(text[i - 1]) && !IsOpener(text[i - 1])
                              && (i + 1 >= end || IsSpace(text[i + 1]) || text[i + 1] is ',' or '.' or ';' or ':' or '?' or '!' or ')');
                shape = closes ? TokenShape.ClosingQuote : TokenShape.OpeningQuote;
                i++;
            }
            else if (c is '”' or '»' or '›')
            {
                // A misused ” that opens a paragraph or follows a space before a word opens the quote.
                bool opens = c == '”' && (i == range.Start || IsSpace(text[i - 1])) && i + 1 < end && char.IsLetterOrDigit(text[i + 1]);
                shape = opens ? TokenShape.OpeningQuote : TokenShape.ClosingQuote;
                i++;
            }
            else if (c is '-' or '—' or '–' or '―')
            {
                i++;
                if (c == '-') while (i < end && text[i] == '-') i++;
                else while (i < end && text[i] == c) i++;
                shape = TokenShape.Punctuation;
            }
            else if (c == '.')
            {
                i = EllipsisEnd(text, i, end);
                shape = TokenShape.Punctuation;
            }
            else if (c is '?' or '!')
            {
                while (i < end && text[i] is '?' or '!') i++;
                shape = TokenShape.Punctuation;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
                shape = char.IsPunctuation(c) ? TokenShape.Punctuation : TokenShape.Symbol;
            }
            Add(tokens, texts, text, start, i, shape);
            if (tokens.Count > maxTokens) return false;
        }
        return true;
    }

    private static void Add(List<Token> tokens, TokenTextPool? texts, string text, int start, int end, TokenShape shape) =>
        tokens.Add(new Token(tokens.Count, new TextRange(start, end),
            texts is null ? text.Substring(start, end - start) : texts.Get(text.AsSpan(start, end - start)), shape));

    internal static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F' or '\u202A' or '\u202C'
        || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>Scans on from a word character over the characters and joiners that keep one word together.</summary>
    private static int WordEnd(string text, int i, int end)
    {
        while (i < end)
        {
            char c = text[i];
            if (IsWordChar(c)) { i++; continue; }
            char prev = text[i - 1];
            char next = i + 1 < end ? text[i + 1] : '\0';
            bool joins = c switch
            {
                '-' or '‑' => IsWordChar(prev) && IsWordChar(next),
                '\'' or '’' => char.IsLetter(prev) && char.IsLetter(next),
                '.' => char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next)
                       && (char.IsDigit(prev) && char.IsDigit(next) || IsSingleLetterBefore(text, i)),
                ',' => char.IsDigit(prev) && IsThreeDigitGroup(text, i + 1, end),
                '/' or ':' => char.IsDigit(prev) && char.IsDigit(next),
                '&' => char.IsUpper(prev) && char.IsUpper(next),
                _ => false,
            };
            if (!joins) break;
            i++;
        }
        return i;
    }

    // "U.S", "D.C": a period between single letters
    private static bool IsSingleLetterBefore(string text, int period) =>
        period >= 1 && char.IsLetter(text[period - 1]) && (period == 1 || !IsWordChar(text[period - 2]) || text[period - 2] == '.')
        && period + 2 <= text.Length && (period + 2 == text.Length || !IsWordChar(text[period + 2]));

    private static bool IsThreeDigitGroup(string text, int i, int end) =>
        i + 3 <= end && char.IsDigit(text[i]) && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2])
        && (i + 3 == end || !char.IsDigit(text[i + 3]));

    /// <summary>Takes a final period into the word when the word is an abbreviation or an initial.</summary>
    private static int AbbreviationEnd(string text, int start, int wordEnd, int end)
    {
        if (wordEnd >= end || text[wordEnd] != '.') return wordEnd;
        if (wordEnd + 1 < end && text[wordEnd + 1] == '.') return wordEnd; // "..."
        var word = text.AsSpan(start, wordEnd - start);
        bool abbreviation =
            (word.Length == 1 && char.IsUpper(word[0]))                       // initial: J. Edgar
            || (word.Contains('.') && IsDottedLetters(word))                  // U.S. D.C. a.m.
            || Abbreviations.IsKnown(word)
            || (word.LastIndexOf('-') is > 0 and var hyphen && Abbreviations.IsKnown(word[(hyphen + 1)..]))  // R-Ky.
            || (word is "No" or "Nos" && NextNonSpaceIsDigit(text, wordEnd + 1, end));
        return abbreviation ? wordEnd + 1 : wordEnd;
    }

    private static bool IsDottedLetters(ReadOnlySpan<char> word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            bool letterPlace = k % 2 == 0;
            if (letterPlace ? !char.IsLetter(word[k]) : word[k] != '.') return false;
        }
        return true;
    }

    private static bool NextNonSpaceIsDigit(string text, int i, int end)
    {
        while (i < end && text[i] == ' ') i++;
        return i < end && char.IsDigit(text[i]);
    }

    /// <summary>Where a clitic begins inside [start, end): "do|n't", "Trump|'s", "we|'re"; start when there is none.</summary>
    private static int CliticStart(string text, int start, int end)
    {
        int length = end - start;
        if (length >= 4 && IsApostrophe(text[end - 2]) && (text[end - 1] is 't' or 'T') && (text[end - 3] is 'n' or 'N'))
            return end - 3;
        for (int k = end - 1; k > start && k >= end - 3; k--)
        {
            if (!IsApostrophe(text[k])) continue;
            var suffix = text.AsSpan(k + 1, end - k - 1);
            if (suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("re", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase))
                return k;
            break;
        }
        return start;
    }

    private static TokenShape ShapeOfWord(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
            if (char.IsLetter(text[k])) return TokenShape.Word;
        return TokenShape.Number;
    }

    /// <summary>Decides whether ' ’ ‘ ` is an opening quote, a closing quote, a possessive mark, or starts a word.</summary>
    private static TokenShape SingleQuote(string text, int rangeStart, int i, int end, ref int openSingleQuotes, out int tokenEnd)
    {
        char c = text[i];
        tokenEnd = i + 1;
        if (c == '`')
        {
            if (tokenEnd < end && text[tokenEnd] == '`') tokenEnd++;
            openSingleQuotes++;
            return TokenShape.OpeningQuote;
        }
        // '' and ’’ (archive style) are double marks.
        if (c is '\'' or '’' && tokenEnd < end && text[tokenEnd] == c)
        {
            tokenEnd++;
            return IsOpeningPosition(text, rangeStart, i, end) ? TokenShape.OpeningQuote : TokenShape.ClosingQuote;
        }
        bool afterWord = i > rangeStart && !IsSpace(text[i - 1]) && !IsOpener(text[i - 1]);
        if (!afterWord)
        {
            // '90s, 'em, 'til
            if (c != '‘' && tokenEnd + 1 < end && char.IsDigit(text[tokenEnd]) && char.IsDigit(text[tokenEnd + 1])) return TokenShape.Word;
            if (c != '‘' && (StartsWithOrdinalIgnoreCase(text, tokenEnd, end, "em") || StartsWithOrdinalIgnoreCase(text, tokenEnd, end, "til")))
                return TokenShape.Word;
            openSingleQuotes++;
            return TokenShape.OpeningQuote;
        }
        if (c == '‘')
        {
            openSingleQuotes++;
            return TokenShape.OpeningQuote;
        }
        // After a word: the voters’ choice (possessive) or a closing single quote.
        if (openSingleQuotes > 0)
        {
            openSingleQuotes--;
            return TokenShape.ClosingQuote;
        }
        return text[i - 1] is 's' or 'S' ? TokenShape.Punctuation : TokenShape.ClosingQuote;
    }

    private static bool StartsWithOrdinalIgnoreCase(string text, int i, int end, string word) =>
        i + word.Length <= end && text.AsSpan(i, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (i + word.Length == end || !char.IsLetter(text[i + word.Length]));

    private static bool IsOpener(char c) => c is '(' or '[' or '{' or '—' or '–' or '-' or '/' or '“' or '"' or '‘' or '«';

    /// <summary>A straight quote opens when it follows space or an opener and precedes a non-space.</summary>
    private static bool IsOpeningPosition(string text, int rangeStart, int i, int end)
    {
        bool before = i == rangeStart || IsSpace(text[i - 1]) || IsOpener(text[i - 1]);
        bool after = i + 1 < end && !IsSpace(text[i + 1]);
        if (before && after) return true;
        if (!before && !after) return false;
        return before;
    }

    private static bool TryMarkup(string text, int i, int end, out int markupEnd)
    {
        markupEnd = i;
        if (i + 1 >= end) return false;
        char next = text[i + 1];
        if (!(char.IsLetter(next) || next == '/' || next == '!')) return false;
        int limit = Math.Min(end, i + 2000);
        for (int k = i + 1; k < limit; k++)
        {
            if (text[k] == '>') { markupEnd = k + 1; return true; }
            if (text[k] == '<') return false;
        }
        return false;
    }

    private static bool IsUrlStart(string text, int i, int end)
    {
        var rest = text.AsSpan(i, Math.Min(8, end - i));
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
               || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
               || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && char.IsLetterOrDigit(rest[4]));
    }

    private static int UrlEnd(string text, int i, int end)
    {
        while (i < end && !IsSpace(text[i]) && text[i] is not ('"' or '“' or '”' or '<')) i++;
        while (text[i - 1] is '.' or ',' or ';' or ':' or ')' or '’' or '\'' or '!' or '?') i--;
        return i;
    }

    private static int EllipsisEnd(string text, int i, int end)
    {
        int k = i;
        int dots = 0;
        while (k < end && text[k] == '.') { k++; dots++; }
        if (dots >= 2) return k;
        // ". . ."
        int spaced = i + 1, count = 1;
        while (spaced + 1 < end && text[spaced] == ' ' && text[spaced + 1] == '.') { spaced += 2; count++; }
        return count >= 3 ? spaced : i + 1;
    }
}
