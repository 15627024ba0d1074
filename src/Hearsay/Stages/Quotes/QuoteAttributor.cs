using Hearsay.Attributions;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Quotes;

/// <summary>
/// Turns quotations into attributions: finds each quote's cue and source by an ordered list of sieves,
/// each handling only what earlier ones left open, and records which sieve decided.
/// <list type="number">
/// <item>quote-then-cue: "…," Smith said / "…," said Smith (and "…," Smith said, "…": a cue inside the quote)</item>
/// <item>cue-then-quote: Smith said: "…" / According to Smith, "…" / Smith called the war "senseless"</item>
/// <item>colon-lead: a sentence ending in a colon introduces the quote that follows</item>
/// <item>follow-on: a quote with no cue continues the previous speaker's quote</item>
/// </list>
/// </summary>
public sealed class QuoteAttributor : IStage
{
    public string Name => "quote-attributor";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Quotations;
    public Layers Provides => Layers.Attributions;

    /// <summary>
    /// How many paragraphs back a cue-less quote may look for the speaker it continues: the next paragraph
    /// (on train, sieves alone, 1 gives 9 more correct pairs than 2, and 11 more than 0).
    /// </summary>
    public int FollowOnParagraphs { get; init; } = 1;

    public void Process(Document document)
    {
        var quotations = document.Quotations;
        var consumed = new bool[quotations.Count];
        Attribution? previous = null;
        for (int q = 0; q < quotations.Count; q++)
        {
            if (consumed[q]) continue;
            var quote = quotations[q];
            if (IsQuotedTitle(document, quote)) continue;
            var found = FindByCue(document, quote);
            if (found is { } cue)
            {
                var attribution = new Attribution(NextId(document), cue.Mixed ? AttributionKind.Mixed : AttributionKind.Direct)
                {
                    Source = cue.Source,
                    Cue = cue.Cue,
                    Rule = cue.Rule,
                };
                attribution.Content.Add(cue.Content ?? quote.Range);
                // "…," Smith said, "…": the second quote belongs to the same attribution.
                if (cue.Rule == Sieves.QuoteThenCue && q + 1 < quotations.Count && ContinuesAfterCue(document, cue.End, quotations[q + 1]))
                {
                    attribution.Content.Add(quotations[q + 1].Range);
                    attribution.Rule = Sieves.CueInsideQuote;
                    consumed[q + 1] = true;
                }
                document.Attributions.Add(attribution);
                previous = attribution;
                continue;
            }
            if (previous is not null && IsFollowOn(document, quote, previous))
            {
                previous.Content.Add(quote.Range);
                continue;
            }
            previous = null;
        }
    }

    private static readonly HashSet<string> TitlePrepositions = new(StringComparer.OrdinalIgnoreCase)
        { "on", "of", "in", "at", "from", "with", "for", "by", "'s", "’s" };
    private static readonly HashSet<string> TitleMinorWords = new(StringComparer.Ordinal)
        { "a", "an", "the", "of", "on", "in", "and", "to", "for", "at", "with", "'s", "’s" };

    /// <summary>
    /// "said on “Fox News Sunday,”", "in an interview on CBS's "Face the Nation"": a short quotation of
    /// capitalised words after a preposition or possessive names a show or a work; nobody says it.
    /// </summary>
    internal static bool IsQuotedTitle(Document doc, Quotation quote)
    {
        var tokens = doc.Tokens;
        if (quote.FirstToken == 0 || !TitlePrepositions.Contains(tokens[quote.FirstToken - 1].Text)) return false;
        int words = 0;
        for (int k = quote.FirstToken; k < quote.EndToken; k++)
        {
            var token = tokens[k];
            if (token.Shape != TokenShape.Word) continue;
            if (++words > 6) return false;
            if (!char.IsUpper(token.Text[0]) && !char.IsDigit(token.Text[0]) && !(words > 1 && TitleMinorWords.Contains(token.Text))) return false;
        }
        return words > 0;
    }

    /// <summary>Whether the quotation mark at token <paramref name="k"/> opens or closes a quoted title.</summary>
    private static bool IsTitleMark(Document doc, int k)
    {
        foreach (var q in doc.Quotations)
            if (q.FirstToken == k || q.EndToken - 1 == k) return IsQuotedTitle(doc, q);
        return false;
    }

    private static string NextId(Document document) => "A" + (document.Attributions.Count + 1);

    public static class Sieves
    {
        public const string QuoteThenCue = "quote-then-cue";
        public const string CueInsideQuote = "cue-inside-quote";
        public const string CueThenQuote = "cue-then-quote";
        public const string PartialQuote = "partial-quote";
        public const string ColonLead = "colon-lead";
        public const string DashSignature = "dash-signature";
        public const string HeadlineColon = "headline-colon";
    }

    private readonly record struct CueMatch(TextRange? Source, TextRange Cue, string Rule, int End, TextRange? Content = null, bool Mixed = false);

    private static CueMatch? FindByCue(Document doc, Quotation quote)
    {
        var tokens = doc.Tokens;
        var firstSentence = doc.Sentences[tokens[quote.FirstToken].Sentence];
        var lastSentence = doc.Sentences[tokens[quote.EndToken - 1].Sentence];
        int sentenceEnd = lastSentence.EndToken;
        int ceiling = NextQuoteStart(doc, quote.EndToken, sentenceEnd);

        if (DashSignature(doc, quote) is { } signed) return signed;
        if (quote.EndToken < sentenceEnd && QuoteThenCue(doc, quote, ceiling) is { } after) return after;
        if (CueThenQuote(doc, quote, firstSentence.FirstToken, sentenceEnd) is { } before) return before;
        if (ColonLead(doc, quote, firstSentence) is { } lead) return lead;
        if (HeadlineColon(doc, quote, firstSentence) is { } headline) return headline;
        if (ClauseBeforeColon(doc, quote, firstSentence) is { } clause) return clause;
        if (VerbThenComma(doc, quote, firstSentence) is { } verbFirst) return verbFirst;
        if (AsPutIt(doc, quote, firstSentence) is { } putIt) return putIt;
        return null;
    }

    private static int NextQuoteStart(Document doc, int from, int sentenceEnd)
    {
        for (int k = from; k < sentenceEnd; k++)
            if (doc.Tokens[k].Shape == TokenShape.OpeningQuote && !IsTitleMark(doc, k)) return k;
        return sentenceEnd;
    }

    /// <summary>"…," Smith said. / "…," said Smith. / "…," Smith, the spokeswoman, told reporters.</summary>
    private static CueMatch? QuoteThenCue(Document doc, Quotation quote, int ceiling)
    {
        var tokens = doc.Tokens;
        int start = quote.EndToken;
        if (start < ceiling && tokens[start].Text is "," or "—" or "–" or "--") start++;
        int limit = Math.Min(ceiling, start + 24);
        for (int k = start; k < limit; k++)
        {
            var token = tokens[k];
            if (token.Text == "(")
            {
                // "Rep. Gwen Moore (D-Wis.) said": step over the parenthetical.
                int close = k + 1;
                while (close < limit && tokens[close].Text != ")") close++;
                k = close;
                limit = Math.Min(ceiling, limit + (close - k) + 1);
                continue;
            }
            if (token.Text is ";" or "?" or "!" or ":" || IsSentencePeriod(doc, k)) break;
            if (!IsCueVerbAt(doc, k)) continue;
            // "“…,” saying the city …": a participle has no inverted subject; its clause's subject speaks.
            TextRange? source = k == start && token.Tag == "VBG"
                ? SourcePhrases.InParse(doc, k, doc.Sentences[tokens[quote.FirstToken].Sentence].FirstToken, quote.FirstToken)
                : k == start
                ? SourcePhrases.After(doc, k, ceiling)
                : SourcePhrases.Before(doc, k, start);
            if (source is null && k > start) continue;
            if (source is null) return null;
            // "he points out": the particle finishes the cue (only a word tagged as one: "said in a statement" goes on).
            int cueEnd = k > start ? AfterParticle(doc, k, ceiling, taggedOnly: true) : k + 1;
            int end = Math.Max(cueEnd, doc.TokenAtOrAfter(source.Value.End));
            return new CueMatch(source, new TextRange(token.Range.Start, tokens[cueEnd - 1].Range.End), Sieves.QuoteThenCue, end);
        }
        return SubjectThenVerb(doc, quote, start, ceiling);
    }

    /// <summary>
    /// "…," he went on. / "…," Oliver barked. / "…," Trump shot back. A quote that ends in a comma (or ? or !)
    /// and is followed at once by a subject and a finite verb that closes the clause is that subject's, whatever
    /// the verb: the verb need not be in the cue lexicon.
    /// </summary>
    private static CueMatch? SubjectThenVerb(Document doc, Quotation quote, int start, int ceiling)
    {
        var tokens = doc.Tokens;
        int last = quote.EndToken - 1;
        bool closedByComma = quote.EndToken < tokens.Count && tokens[quote.EndToken].Text == ","
            || last >= 1 && tokens[last - 1].Text is "," or "?" or "!";
        if (!closedByComma || start >= ceiling) return null;
        // The subject: a pronoun or up to four capitalised words.
        int verb = start;
        if (SourcePhrases.IsPronoun(tokens[start].Text) && tokens[start].Text is not ("who" or "Who")) verb = start + 1;
        else
            while (verb < ceiling && verb - start < 4 && tokens[verb].Shape == TokenShape.Word && char.IsUpper(tokens[verb].Text[0])) verb++;
        // A verb of saying the tagger read as a noun ("Viguerie notes.") is still the verb here.
        if (verb == start || verb >= ceiling || tokens[verb].Tag is not ("VBD" or "VBZ" or "VBN") && !CueLexicon.IsCueVerb(tokens[verb].Text)) return null;
        if (tokens[verb].Sentence != tokens[start].Sentence) return null;
        // Here the clause must end after the cue, so a particle the tagger read as a preposition or adverb counts too.
        int cueEnd = AfterParticle(doc, verb, ceiling, taggedOnly: false);
        // The clause ends there, or after a short phrase with no verb ("shot back with a laugh"): a period, a
        // comma or a new quotation.
        int clauseEnd = cueEnd;
        if (clauseEnd < ceiling && tokens[clauseEnd].Tag == "IN")
            while (clauseEnd < ceiling && clauseEnd - cueEnd < 6 && tokens[clauseEnd].Shape == TokenShape.Word
                   && !(tokens[clauseEnd].Tag ?? "").StartsWith("VB", StringComparison.Ordinal)) clauseEnd++;
        if (clauseEnd < tokens.Count && !(clauseEnd >= ceiling || tokens[clauseEnd].Text is "." or "," or "!" or "?")) return null;
        var source = new TextRange(tokens[start].Range.Start, tokens[verb - 1].Range.End);
        var cue = new TextRange(tokens[verb].Range.Start, tokens[cueEnd - 1].Range.End);
        return new CueMatch(source, cue, Sieves.QuoteThenCue, cueEnd);
    }

    /// <summary>
    /// The token after a cue verb and the phrasal particle that finishes it, if one follows ("went on", "shot back",
    /// "points out"): tagged RP, or with <paramref name="taggedOnly"/> false also read as a preposition or adverb.
    /// </summary>
    private static int AfterParticle(Document doc, int verb, int ceiling, bool taggedOnly)
    {
        int next = verb + 1;
        if (next >= ceiling || !CueLexicon.Particles.Contains(doc.Tokens[next].Text)) return next;
        var tag = doc.Tokens[next].Tag;
        return tag == "RP" || !taggedOnly && tag is "IN" or "RB" ? next + 1 : next;
    }

    /// <summary>
    /// "…" ― Jane Doe: a quote signed with a dash and a name, as in reader-comment round-ups; also a quote
    /// that fills its paragraph, signed on the next line ("- Bernie Sanders.", "-President Obama, tweeting …"),
    /// where the name must hold a person, so that a credit line ("- Reuters.") is not taken for a speaker.
    /// </summary>
    private static CueMatch? DashSignature(Document doc, Quotation quote)
    {
        var tokens = doc.Tokens;
        int dash = quote.EndToken;
        if (dash < tokens.Count && tokens[dash].Text == "." && tokens[dash].Paragraph == tokens[dash - 1].Paragraph) dash++;
        if (dash >= tokens.Count || tokens[dash].Text is not ("―" or "—" or "–" or "--" or "-")) return null;
        bool nextLine = tokens[dash].Paragraph == tokens[quote.EndToken - 1].Paragraph + 1;
        if (!nextLine && (tokens[dash].Text == "-" || dash != quote.EndToken)) return null;
        if (nextLine && !FillsParagraph(doc, quote)) return null;
        int nameStart = dash + 1;
        int nameEnd = nameStart;
        bool person = false;
        while (nameEnd < tokens.Count && nameEnd - nameStart < 6 && tokens[nameEnd].Paragraph == tokens[dash].Paragraph
               && tokens[nameEnd].Shape == TokenShape.Word && char.IsUpper(tokens[nameEnd].Text[0]))
            person |= tokens[nameEnd++].EntityTag == "PERSON";
        if (nameEnd == nameStart || nextLine && !person) return null;
        var source = new TextRange(tokens[nameStart].Range.Start, tokens[nameEnd - 1].Range.End);
        return new CueMatch(source, tokens[dash].Range, Sieves.DashSignature, nameEnd);
    }

    /// <summary>Whether the quotation opens its paragraph and nothing but a period follows it there.</summary>
    private static bool FillsParagraph(Document doc, Quotation quote)
    {
        var tokens = doc.Tokens;
        int paragraph = tokens[quote.FirstToken].Paragraph;
        if (quote.FirstToken > 0 && tokens[quote.FirstToken - 1].Paragraph == paragraph) return false;
        int k = quote.EndToken;
        while (k < tokens.Count && tokens[k].Paragraph == paragraph && tokens[k].Text == ".") k++;
        return k >= tokens.Count || tokens[k].Paragraph != paragraph;
    }

    /// <summary>Smith said: "…" / According to Smith, "…" / Smith called the war "senseless".</summary>
    private static CueMatch? CueThenQuote(Document doc, Quotation quote, int sentenceStart, int sentenceEnd)
    {
        var tokens = doc.Tokens;
        int floor = sentenceStart;
        // Only the clause just before the quote: stop at an earlier quotation.
        for (int k = quote.FirstToken - 1; k >= sentenceStart; k--)
            if (tokens[k].Shape == TokenShape.ClosingQuote && !IsTitleMark(doc, k)) { floor = k + 1; break; }

        for (int k = quote.FirstToken - 1; k >= floor; k--)
        {
            if (IsAccordingTo(doc, k))
            {
                var source = SourcePhrases.After(doc, k + 1, quote.FirstToken);
                if (source is null) continue;
                var cue = new TextRange(tokens[k].Range.Start, tokens[k + 1].Range.End);
                return new CueMatch(source, cue, Sieves.CueThenQuote, quote.EndToken);
            }
            if (!IsCueVerbAt(doc, k)) continue;
            bool participle = IsParticipleAfterComma(doc, k);
            // A participle or a conjoined verb ("…, and added:", "issued a statement saying") speaks for its clause's
            // subject, which the parse knows.
            var subject = participle || tokens[k].Relation == "conj" || tokens[k].Tag == "VBG"
                ? SourcePhrases.InParse(doc, k, sentenceStart, k)
                : null;
            subject ??= participle
                ? SubjectOfEarlierCue(doc, k, sentenceStart) ?? SourcePhrases.SentenceSubject(doc, sentenceStart, k)
                : SourcePhrases.Before(doc, k, floor) ?? (TakesAddressee(tokens[k].Text) ? null : SourcePhrases.After(doc, k, quote.FirstToken));
            // "I laughed and said, "…"": the subject of the first verb.
            if (subject is null && k >= floor + 2 && tokens[k - 1].Text == "and")
                subject = SourcePhrases.Before(doc, k - 2, floor);
            // "She then urges him to leave and repeatedly says, "…"": a conjoined verb shares the sentence's subject.
            if (subject is null && OnlyIntroducersBetween(doc, k, quote.FirstToken))
                subject = SourcePhrases.SentenceSubject(doc, sentenceStart, k);
            if (subject is null) continue;
            bool adjacent = OnlyIntroducersBetween(doc, LastOf(doc, subject.Value, k), quote.FirstToken)
                            || tokens[quote.FirstToken - 1].Text == ":";
            if (adjacent) return new CueMatch(subject, tokens[k].Range, Sieves.CueThenQuote, quote.EndToken);
            // "called them "lone wolves"": a naming verb's content is the quoted name alone.
            if (CueLexicon.LemmaOf(tokens[k].Text) is "call" or "label" or "dub" or "brand" or "liken" or "term")
                return new CueMatch(subject, tokens[k].Range, Sieves.PartialQuote, quote.EndToken, Mixed: true);

            // A quoted fragment inside paraphrase: the content runs from after the cue to the sentence's end.
            int contentStart = k + 1;
            if (subject.Value.Start > tokens[k].Range.Start) contentStart = doc.TokenAtOrAfter(subject.Value.End);
            while (contentStart < quote.FirstToken && tokens[contentStart].Text is "," or ":") contentStart++;
            int contentEnd = sentenceEnd;
            while (contentEnd > quote.EndToken && tokens[contentEnd - 1].Shape == TokenShape.Punctuation && tokens[contentEnd - 1].Text is "." or "," or ";") contentEnd--;
            if (contentEnd < quote.EndToken) contentEnd = quote.EndToken;
            var content = new TextRange(tokens[contentStart].Range.Start, tokens[contentEnd - 1].Range.End);
            return new CueMatch(subject, tokens[k].Range, Sieves.PartialQuote, contentEnd, content, Mixed: true);
        }
        return null;
    }

    /// <summary>"told Congress", "tells the story": the noun after these verbs is spoken to or about, never an inverted speaker.</summary>
    private static bool TakesAddressee(string word) => CueLexicon.LemmaOf(word) is "tell" or "inform" or "remind" or "assure"
        or "urge" or "warn" or "quote" or "call" or "describe" or "mock" or "tease" or "taunt" or "blast" or "slam" or "criticize"
        or "criticise" or "chide" or "ask";

    /// <summary>"Cruz called them on it:" followed by the quote at the start of the next sentence.</summary>
    private static CueMatch? ColonLead(Document doc, Quotation quote, Sentence sentence)
    {
        if (sentence.FirstToken != quote.FirstToken || sentence.Index == 0) return null;
        var lead = doc.Sentences[sentence.Index - 1];
        if (sentence.Paragraph - lead.Paragraph > 1 || doc.Tokens[lead.EndToken - 1].Text != ":") return null;
        for (int k = lead.EndToken - 2; k >= lead.FirstToken; k--)
        {
            if (!IsCueVerbAt(doc, k)) continue;
            var subject = SourcePhrases.Before(doc, k, lead.FirstToken);
            if (subject is null) continue;
            return new CueMatch(subject, doc.Tokens[k].Range, Sieves.ColonLead, quote.EndToken);
        }
        return null;
    }

    /// <summary>
    /// "Trump leaned in and boomed: “…”", "President Clinton released the following statement: “…”": a clause with a
    /// subject and a finite verb that introduces the quote with a colon, in its sentence or the one before, whatever
    /// the verb. The cue runs from the verb to the colon, as the corpus draws it; the subject comes from the parse.
    /// </summary>
    private static CueMatch? ClauseBeforeColon(Document doc, Quotation quote, Sentence sentence)
    {
        var tokens = doc.Tokens;
        int colon = quote.FirstToken - 1;
        if (colon < 1 || tokens[colon].Text != ":" || InHeadline(doc, colon)) return null;
        var lead = doc.Sentences[tokens[colon].Sentence];
        if (lead.Paragraph != tokens[quote.FirstToken].Paragraph && lead.Paragraph + 1 != tokens[quote.FirstToken].Paragraph) return null;
        int verb = -1;
        for (int k = colon - 1; k >= lead.FirstToken && verb < 0; k--)
            if (tokens[k].Tag is "VBD" or "VBZ" or "VBP"
                && (tokens[k].Head < 0 || tokens[k].Relation == "conj" && tokens[tokens[k].Head].Head < 0)) verb = k;
        if (verb < 0 || colon - verb > 6) return null;
        var subject = SourcePhrases.InParse(doc, verb, lead.FirstToken, verb);
        if (subject is null) return null;
        var cue = new TextRange(tokens[verb].Range.Start, tokens[colon].Range.End);
        return new CueMatch(subject, cue, Sieves.ColonLead, quote.EndToken);
    }

    /// <summary>
    /// "Hillary Clinton cracked, “…”", "his friends jeered, “…”": a subject and a finite verb, then a comma and the
    /// quote, whatever the verb.
    /// </summary>
    private static CueMatch? VerbThenComma(Document doc, Quotation quote, Sentence sentence)
    {
        var tokens = doc.Tokens;
        int comma = quote.FirstToken - 1, verb = comma - 1;
        if (verb <= sentence.FirstToken || tokens[comma].Text != "," || tokens[verb].Tag is not ("VBD" or "VBZ")) return null;
        // "His dictum was, “…”": a copula or "went" says nothing itself.
        if (tokens[verb].Text.ToLowerInvariant() is "is" or "was" or "are" or "were" or "has" or "had" or "went" or "goes") return null;
        var subject = SourcePhrases.Before(doc, verb, sentence.FirstToken);
        if (subject is null) return null;
        return new CueMatch(subject, tokens[verb].Range, Sieves.CueThenQuote, quote.EndToken);
    }

    /// <summary>"As Tom Ridge, a former secretary, put it: “…”" — the idiom's cue is "put it" (with its colon).</summary>
    private static CueMatch? AsPutIt(Document doc, Quotation quote, Sentence sentence)
    {
        var tokens = doc.Tokens;
        int mark = quote.FirstToken - 1, put = mark - 2;
        if (put <= sentence.FirstToken || tokens[mark].Text is not ("," or ":") || tokens[mark - 1].Text != "it"
            || !tokens[put].Text.Equals("put", StringComparison.OrdinalIgnoreCase)) return null;
        var subject = SourcePhrases.Before(doc, put, sentence.FirstToken);
        if (subject is null) return null;
        var cue = new TextRange(tokens[put].Range.Start, tokens[tokens[mark].Text == ":" ? mark : mark - 1].Range.End);
        return new CueMatch(subject, cue, Sieves.CueThenQuote, quote.EndToken);
    }

    private static int LastOf(Document doc, TextRange subject, int cue)
    {
        int subjectLast = doc.TokenAtOrAfter(subject.End - 1);
        return Math.Max(cue, subjectLast);
    }

    /// <summary>Between the cue (or inverted subject) and the quote there is only ":", ",", "that" or an addressee.</summary>
    private static bool OnlyIntroducersBetween(Document doc, int last, int quoteStart)
    {
        int words = 0;
        for (int k = last + 1; k < quoteStart; k++)
        {
            var t = doc.Tokens[k];
            if (t.Text is ":" or "," or "—" or "–" or "--") continue;
            words++;
            if (words > 4) return false;
        }
        // "told reporters:", "said in a statement:", "wrote on Twitter,"
        return words == 0 || EndsWithIntroducer(doc, quoteStart);
    }

    private static bool EndsWithIntroducer(Document doc, int quoteStart) =>
        quoteStart > 0 && doc.Tokens[quoteStart - 1].Text is ":" or ",";

    /// <summary>A period that ends a sentence, not one that closes an abbreviation ("McConnell, R-Ky., said").</summary>
    private static bool IsSentencePeriod(Document doc, int k)
    {
        if (doc.Tokens[k].Text != ".") return false;
        if (k + 1 >= doc.Tokens.Count) return true;
        var next = doc.Tokens[k + 1];
        return !(next.Text is "," or ")" || char.IsLower(next.Text[0]));
    }

    private static bool IntroducesQuote(Document doc, int k)
    {
        int next = k + 1;
        // "Said Ellis: “…”": an inverted name may stand between the cue and its colon.
        while (next < doc.Tokens.Count && next - k <= 4 && doc.Tokens[next].Shape == TokenShape.Word && char.IsUpper(doc.Tokens[next].Text[0])) next++;
        if (next < doc.Tokens.Count && doc.Tokens[next].Text is ":" or ",") next++;
        return next < doc.Tokens.Count && doc.Tokens[next].Shape == TokenShape.OpeningQuote;
    }

    private static bool InHeadline(Document doc, int k) =>
        doc.Metadata.TitleRange is { } title && title.Contains(doc.Tokens[k].Range.Start);

    /// <summary>"Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated.’": a headline's colon is its cue.</summary>
    private static CueMatch? HeadlineColon(Document doc, Quotation quote, Sentence sentence)
    {
        var tokens = doc.Tokens;
        int colon = quote.FirstToken - 1;
        if (colon <= sentence.FirstToken || tokens[colon].Text != ":" || !InHeadline(doc, colon)) return null;
        var source = new TextRange(tokens[sentence.FirstToken].Range.Start, tokens[colon - 1].Range.End);
        return new CueMatch(source, tokens[colon].Range, Sieves.HeadlineColon, quote.EndToken);
    }

    internal static bool IsAccordingTo(Document doc, int k) =>
        k + 1 < doc.Tokens.Count && doc.Tokens[k].Text.Equals("according", StringComparison.OrdinalIgnoreCase) && doc.Tokens[k + 1].Text == "to";

    private static bool IsCueVerbAt(Document doc, int k)
    {
        var token = doc.Tokens[k];
        if (!CueLexicon.IsCueVerb(token.Text)) return false;
        // The tagger may read "reports:" or a headline's "Said" as a noun; what follows a cue settles it.
        if (token.Tag is { } tag && !tag.StartsWith("VB") && !IntroducesQuote(doc, k)) return false;
        // "my answer", "the report": after a determiner the word is a noun.
        if (token.Tag is null && k > 0 && doc.Tokens[k - 1].Text.ToLowerInvariant() is "the" or "a" or "an" or "my" or "his" or "her"
                or "their" or "our" or "its" or "your" or "this" or "that") return false;
        if (token.Tag is null && char.IsUpper(token.Text[0]) && k > 0 && doc.Tokens[k - 1].Sentence == token.Sentence
            && !InHeadline(doc, k)) return false;
        return true;
    }

    /// <summary>", adding later, “…”": a participle whose subject is the clause's own.</summary>
    private static bool IsParticipleAfterComma(Document doc, int k) =>
        k > 0 && doc.Tokens[k].Text.EndsWith("ing", StringComparison.Ordinal) && doc.Tokens[k - 1].Text == ",";

    private static TextRange? SubjectOfEarlierCue(Document doc, int participle, int sentenceStart)
    {
        for (int k = participle - 2; k >= sentenceStart; k--)
        {
            if (!IsCueVerbAt(doc, k)) continue;
            if (SourcePhrases.Before(doc, k, sentenceStart) is { } subject) return subject;
        }
        return null;
    }

    private static bool ContinuesAfterCue(Document doc, int cueEnd, Quotation next)
    {
        var tokens = doc.Tokens;
        // "…," Tester said, referring to the excuse, "you give ammunition …": the quote resumes mid-sentence.
        if (next.FirstToken + 1 < tokens.Count && tokens[next.FirstToken].Sentence == tokens[cueEnd - 1].Sentence
            && next.FirstToken - cueEnd <= 16 && char.IsLower(tokens[next.FirstToken + 1].Text[0])
            && tokens[next.FirstToken - 1].Text is "," or ":")
            return true;
        int k = cueEnd;
        // A new sentence after the cue is not the quote's second half: the follow-on sieve decides it.
        while (k < next.FirstToken && tokens[k].Text is "," or ":" or "—" or "–") k++;
        return k == next.FirstToken && next.FirstToken - cueEnd <= 2 && tokens[next.FirstToken].Paragraph == tokens[cueEnd - 1].Paragraph;
    }

    private static int LastEnd(Attribution attribution)
    {
        int end = attribution.Content[^1].End;
        if (attribution.Cue is { } cue) end = Math.Max(end, cue.End);
        if (attribution.Source is { } source) end = Math.Max(end, source.End);
        return end;
    }

    /// <summary>A quote that opens its sentence with no cue of its own continues the previous speaker.</summary>
    private bool IsFollowOn(Document doc, Quotation quote, Attribution previous)
    {
        var tokens = doc.Tokens;
        var sentence = doc.Sentences[tokens[quote.FirstToken].Sentence];
        if (quote.FirstToken != sentence.FirstToken && !quote.Continues) return false;
        int previousEnd = doc.TokenAtOrAfter(LastEnd(previous) - 1);
        if (previousEnd >= tokens.Count) return false;
        int gap = tokens[quote.FirstToken].Paragraph - tokens[previousEnd].Paragraph;
        if (gap < 0 || gap > FollowOnParagraphs) return false;
        return true;
    }
}
