using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Quotes;

/// <summary>
/// Finds the noun phrase that names a source next to a cue: the subject before the verb ("Jane Doe, the
/// spokeswoman, said"), or after it in inverted order ("said Jane Doe, a spokeswoman for the campaign").
/// Uses part-of-speech tags when the tagger has run, and word lists otherwise.
/// </summary>
internal static class SourcePhrases
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    { "he", "she", "they", "we", "i", "you", "it", "who" };

    // Words that may sit between a subject and its cue verb: "Smith also said", "she has long argued".
    private static readonly HashSet<string> VerbModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "later", "then", "once", "again", "earlier", "further", "has", "had", "have", "would", "will", "did",
        "does", "do", "was", "were", "is", "are", "been", "had", "'d", "’d", "'s", "’s", "n't", "n’t", "not", "never", "often",
        "still", "just", "even", "already", "only", "previously", "recently", "repeatedly", "reportedly", "publicly",
        "privately", "flatly", "simply", "quickly", "immediately", "frequently", "famously", "memorably", "bluntly",
        "openly", "angrily", "recalled", "could", "might", "may", "can", "should", "must", "first", "last", "yesterday",
        "today", "both", "all", "herself", "himself", "themselves", "ever", "tonight", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    };

    // Words that end a noun phrase when walking left or right.
    private static readonly HashSet<string> Boundaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "that", "which", "when", "while", "because", "if", "as", "after", "before", "since", "than",
        "where", "whether", "though", "although", "so", "yet", "is", "was", "were", "are", "be", "been", "being", "has",
        "have", "had", "to", "in", "on", "at", "by", "with", "into", "onto", "from", "about", "over", "under", "during",
        "until", "against", "between", "through", "without", "not", "n't", "n’t", "said", "says", "told", "also",
        "what", "how", "why", "there", "here", "this", "these", "those", "according", "like", "unlike",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    { "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "one", "another", "some", "two", "three", "several", "many", "other" };

    /// <summary>The subject that ends before token <paramref name="cue"/>, not reaching before <paramref name="floor"/>.</summary>
    public static TextRange? Before(Document doc, int cue, int floor)
    {
        var tokens = doc.Tokens;
        int end = cue - 1;
        while (end >= floor && VerbModifiers.Contains(tokens[end].Text) && !Pronouns.Contains(tokens[end].Text)) end--;
        end = SkipParenthetical(doc, end, floor);
        if (end < floor) return null;
        // "Lynch, who told Congress: “…”": the relative pronoun is the source, as the corpus marks it; the
        // speaker resolver takes it back to its antecedent.
        if (Pronouns.Contains(tokens[end].Text))
            return tokens[end].Range;

        // "Jane Doe, the spokeswoman, said" or "Smith, who spoke at the rally, said": a comma-bounded aside.
        if (tokens[end].Text == ",")
        {
            int comma = end - 1;
            while (comma >= floor && comma > end - 24 && tokens[comma].Text is not ("," or ";") && !IsStop(doc, comma) && !tokens[comma].IsQuote) comma--;
            if (comma < floor || tokens[comma].Text != ",") return null;
            int beforeComma = SkipParenthetical(doc, comma - 1, floor);
            int head = NounPhraseStart(doc, beforeComma, floor, allowClause: false);
            if (head > beforeComma || !HasHead(doc, head, beforeComma + 1)) return null;
            // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": walk back over
            // further asides to the name they describe.
            for (int asides = 0; asides < 3 && !char.IsUpper(tokens[head].Text[0]) && head - 1 > floor && tokens[head - 1].Text == ","; asides++)
            {
                int earlier = NounPhraseStart(doc, head - 2, floor, allowClause: false);
                if (earlier > head - 2 || !HasHead(doc, earlier, head - 1)) break;
                head = earlier;
            }
            return Span(doc, head, end - 1);
        }
        int first = NounPhraseStart(doc, end, floor, allowClause: false);
        if (first > end) return null;
        return HasHead(doc, first, end + 1) ? Span(doc, first, end) : null;
    }

    /// <summary>
    /// The subject the parser gives <paramref name="verb"/>, or else the clause it is conjoined to or hangs from
    /// ("… noted that …, and added:", "rallied supporters, saying:", "returned the compliment, telling Reuters,",
    /// "issued a statement saying"),
    /// when it lies within [<paramref name="floor"/>, <paramref name="ceiling"/>). Null without a parse.
    /// </summary>
    public static TextRange? InParse(Document doc, int verb, int floor, int ceiling)
    {
        if (!doc.Has(Layers.Dependencies)) return null;
        var sentence = doc.Sentences[doc.Tokens[verb].Sentence];
        int current = verb;
        for (int hop = 0; hop < 4 && current >= 0; hop++)
        {
            // The subject nearest the verb: a parse may give a clause two ("WASHINGTON, Dec. 8 — …, the aide rallied").
            int subject = -1;
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var token = doc.Tokens[i];
                if (token.Head != current || token.Relation is not ("nsubj" or "nsubjpass")) continue;
                if (subject < 0 || i < current) subject = i;
            }
            if (subject >= 0)
            {
                var (first, end) = DependencyTree.NounPhrase(doc, subject);
                // A long subject is named by its head's own words: "Hillary Clinton's right-hand woman, who …".
                if (end - first > 12) end = subject + 1;
                if (first < floor || end > ceiling || end - first > 12 || InQuotation(doc, first)) return null;
                return Span(doc, first, end - 1);
            }
            // Up through the clause ("and added", ", saying"), and from a noun's participle to the verb whose object
            // the noun is ("issued a statement saying", "carrying signs reading").
            bool up = doc.Tokens[current].Relation is "conj" or "xcomp" or "advcl" or "dep"
                      || doc.Tokens[current].Relation is "acl" && hop == 0
                      || hop == 1 && doc.Tokens[verb].Relation == "acl" && doc.Tokens[current].Relation is "dobj" or "nmod";
            if (!up) return null;
            current = doc.Tokens[current].Head;
        }
        return null;
    }

    /// <summary>The subject after an inverted cue ("said Jane Doe, a spokeswoman"), ending before <paramref name="ceiling"/>.</summary>
    public static TextRange? After(Document doc, int cue, int ceiling)
    {
        var tokens = doc.Tokens;
        int start = cue + 1;
        if (start >= ceiling) return null;
        if (Pronouns.Contains(tokens[start].Text)) return tokens[start].Range;
        // An inverted subject opens with a name, a determiner or a number, not an adverb ("adding later").
        var opener = tokens[start];
        // "said Tuesday on WTMJ's …", "said last week": a time is when, not who.
        if (TimeWords.Contains(opener.Text)) return null;
        bool named = char.IsUpper(opener.Text[0]) || Determiners.Contains(opener.Text) || opener.Shape == TokenShape.Number
                     || opener.Tag is "NNP" or "NNPS" or "DT" or "CD" or "PRP$";
        // "said former Sen. Evan Bayh", "said pollster Frank Luntz": a lower-case title or description before a name.
        bool described = !named && opener.Tag is "JJ" or "NN" or "NNS" or "VBN";
        if (!named && !described) return null;
        int end = NounPhraseEnd(doc, start, ceiling);
        if (end <= start || !HasHead(doc, start, end)) return null;
        if (described && !HasName(doc, start, end)) return null;
        // An apposition or relative clause after a comma describes the source: keep it to the clause's end.
        if (end + 1 < ceiling && tokens[end].Text == "," && StartsDescription(tokens[end + 1]))
        {
            int k = end + 1;
            while (k < ceiling && tokens[k].Text is not ("." or ";" or "!" or "?") && !tokens[k].IsQuote
                   && !(tokens[k].Text == "," && k + 1 < ceiling && !StartsDescription(tokens[k + 1]) && tokens[k + 1].Text is not ("and" or "who"))) k++;
            // "said Beck, who said there were “…”": a clause that leads into a quote with a verb of speech is an
            // attribution of its own, not a description.
            bool speech = k < tokens.Count && tokens[k].IsQuote && HasSpeechVerb(doc, end + 1, k);
            if (k > end + 1 && !speech) end = k;
        }
        return Span(doc, start, end - 1);
    }

    /// <summary>Whether a verb of speech (one that takes content: not "speak") lies in [first, end).</summary>
    private static bool HasSpeechVerb(Document doc, int first, int end)
    {
        for (int i = first; i < end; i++)
        {
            var token = doc.Tokens[i];
            if ((token.Tag is null || token.Tag.StartsWith("VB", StringComparison.Ordinal))
                && CueLexicon.LemmaOf(token.Text) is { } lemma && lemma != "speak") return true;
        }
        return false;
    }

    private static bool IsStop(Document doc, int k) =>
        doc.Tokens[k].Text == "." && (k + 1 >= doc.Tokens.Count || doc.Tokens[k + 1].Text is not ("," or ")"));

    private static readonly HashSet<string> LeadingAdverbials = new(StringComparer.OrdinalIgnoreCase)
    {
        "during", "in", "at", "on", "after", "before", "while", "when", "speaking", "earlier", "later", "last", "this",
        "since", "with", "without", "as", "following", "addressing", "asked", "like", "for", "from", "yesterday",
    };

    /// <summary>
    /// The subject that opens a sentence, after any leading adverbial ("During a speech on Monday, Trump
    /// attacked …"), ending before <paramref name="ceiling"/>.
    /// </summary>
    public static TextRange? SentenceSubject(Document doc, int sentenceStart, int ceiling)
    {
        var tokens = doc.Tokens;
        int start = sentenceStart;
        while (start < ceiling && (tokens[start].IsQuote || tokens[start].Shape == TokenShape.Punctuation)) start++;
        start = AfterDateline(doc, start, ceiling);
        if (start < ceiling && LeadingAdverbials.Contains(tokens[start].Text))
        {
            int comma = start;
            while (comma < ceiling && tokens[comma].Text != ",") comma++;
            if (comma >= ceiling) return null;
            start = comma + 1;
        }
        if (start >= ceiling) return null;
        if (Pronouns.Contains(tokens[start].Text)) return tokens[start].Range;
        var opener = tokens[start];
        if (!(char.IsUpper(opener.Text[0]) || Determiners.Contains(opener.Text))) return null;
        int end = NounPhraseEnd(doc, start, ceiling);
        if (opener.Tag is null && char.IsUpper(opener.Text[0]))
        {
            // Without tags, a capitalised subject is its run of capitalised words ("Trump attacked …").
            int run = start + 1;
            while (run < end && (char.IsUpper(tokens[run].Text[0]) || tokens[run].Text is "'s" or "’s")) run++;
            end = run;
        }
        if (end <= start || !HasHead(doc, start, end)) return null;
        return Span(doc, start, end - 1);
    }

    /// <summary>"Rep. Gwen Moore (D-Wis.) said": steps left over a parenthetical that ends at <paramref name="end"/>.</summary>
    private static int SkipParenthetical(Document doc, int end, int floor)
    {
        if (end < floor || doc.Tokens[end].Text != ")") return end;
        for (int k = end - 1; k >= floor && k > end - 8; k--)
            if (doc.Tokens[k].Text == "(") return k - 1;
        return end;
    }

    private static bool StartsDescription(Token token) =>
        Determiners.Contains(token.Text) || token.Text is "who" or "whose" or "chairman" or "chairwoman" or "president"
            or "director" or "spokesman" or "spokeswoman" or "head" or "CEO" or "founder" or "executive" or "author" or "former";

    /// <summary>Walks left from <paramref name="end"/> over noun-phrase tokens; returns the first token's index.</summary>
    private static int NounPhraseStart(Document doc, int end, int floor, bool allowClause)
    {
        var tokens = doc.Tokens;
        int k = end;
        int limit = Math.Max(floor, end - (allowClause ? 16 : 10));
        while (k >= limit && IsNounPhraseToken(doc, k, inner: k < end)) k--;
        int start = k + 1;
        // "of", "for" join two noun phrases ("a spokesman for the campaign")
        if (k >= limit + 1 && tokens[k].Text is "of" or "for" or "at" && start <= end)
        {
            int before = k - 1;
            int outer = before;
            while (outer >= limit && IsNounPhraseToken(doc, outer, inner: true)) outer--;
            if (outer < before) start = outer + 1;
        }
        while (start <= end && (tokens[start].Text is "of" or "for" or "at" or "'s" or "’s" || tokens[start].Shape == TokenShape.Punctuation)) start++;
        return start;
    }

    /// <summary>Walks right from <paramref name="start"/>; returns the index after the phrase.</summary>
    private static int NounPhraseEnd(Document doc, int start, int ceiling)
    {
        var tokens = doc.Tokens;
        int k = start;
        int limit = Math.Min(ceiling, start + 14);
        while (k < limit)
        {
            if (IsNounPhraseToken(doc, k, inner: k > start)) { k++; continue; }
            if (tokens[k].Text is "of" or "for" or "at" && k + 1 < limit && IsNounPhraseToken(doc, k + 1, inner: true)) { k++; continue; }
            break;
        }
        return k;
    }

    private static bool IsNounPhraseToken(Document doc, int index, bool inner)
    {
        var token = doc.Tokens[index];
        string text = token.Text;
        if (token.Shape is TokenShape.OpeningQuote or TokenShape.ClosingQuote or TokenShape.Markup) return false;
        if (token.Tag is { } tag)
        {
            if (tag is "NNP" or "NNPS" or "NN" or "NNS" or "DT" or "PDT" or "JJ" or "JJR" or "JJS" or "CD" or "POS" or "PRP$" or "VBN" or "HYPH")
                return !Boundaries.Contains(text) || tag is "NNP" or "NNPS";
            if (tag == "PRP") return Pronouns.Contains(text);
            if (tag == "." && text.EndsWith('.') && text.Length > 1) return true;
            return false;
        }
        if (token.Shape == TokenShape.Punctuation) return text is "'s" or "’s" or "’" or "'" || (text == "-" && inner);
        if (Boundaries.Contains(text) || CueLexicon.IsCueVerb(text) && char.IsLower(text[0])) return false;
        if (text is "'s" or "’s") return true;
        return token.Shape is TokenShape.Word or TokenShape.Number;
    }

    private static bool HasHead(Document doc, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            var t = doc.Tokens[k];
            if (t.Tag is { } tag ? tag.StartsWith("NN") || tag == "PRP" || tag == "CD" : t.Shape == TokenShape.Word && !Determiners.Contains(t.Text))
                return true;
            // "an official told": the tagger may read a determiner's noun before a verb as an adjective.
            if (t.Tag is "JJ" && k == end - 1 && k > first && Determiners.Contains(doc.Tokens[first].Text)) return true;
        }
        return false;
    }

    /// <summary>"WASHINGTON, Dec. 8 (UPI) — In response …": the first token after a capitalised dateline and its dash.</summary>
    private static int AfterDateline(Document doc, int start, int ceiling)
    {
        var tokens = doc.Tokens;
        string first = tokens[start].Text;
        if (first.Length < 2 || !first.All(c => char.IsUpper(c) || c is '.' or '-')) return start;
        for (int k = start + 1; k < ceiling && k <= start + 12; k++)
            if (tokens[k].Text is "—" or "–" or "--" or "-") return k + 1;
        return start;
    }

    /// <summary>Whether token <paramref name="k"/> lies inside a quotation (a parse may hang a cue on a quoted verb).</summary>
    private static bool InQuotation(Document doc, int k)
    {
        foreach (var quote in doc.Quotations)
            if (quote.FirstToken <= k && k < quote.EndToken) return true;
        return false;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "next", "this", "earlier", "later", "recent", "recently", "today", "yesterday", "tonight", "once", "previously",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private static bool HasName(Document doc, int first, int end)
    {
        for (int k = first; k < end; k++)
            if (doc.Tokens[k].Tag is "NNP" or "NNPS") return true;
        return false;
    }

    private static TextRange Span(Document doc, int first, int last) =>
        new(doc.Tokens[first].Range.Start, doc.Tokens[last].Range.End);

    public static bool IsPronoun(string word) => Pronouns.Contains(word);
}
