using Hearsay.Pipeline;
using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>
/// Attributions read off the document's layout and phrasing once the labeller's and the sieves' attributions
/// are merged: transcript lines ("WALLACE: …"), headline colons ("Report: …"), a name and a colon before a
/// quotation ("- Carl Bialik: “…”"), a sentence opening "In a … poll,"; and the corpus's span conventions for
/// every attribution: a cue keeps its colon, a source drops an opening connective, grows to its whole
/// grammatical subject and takes its party tag, apposition and relative clause. Each is a switch in
/// <see cref="AttributionGrouperOptions"/>, applied by <see cref="AttributionTagger"/>.
/// </summary>
public static class DocumentPatterns
{
    /// <summary>
    /// Adds transcript lines ("WALLACE: If I may, sir, …") to the document's attributions: a paragraph, not the
    /// headline, opening with one to three upper-case words and a colon, unless an attribution from outside
    /// the line reaches into it. Lines are cut out of the contents that held them whole; an attribution left
    /// without content is dropped. Returns whether any line was added.
    /// </summary>
    public static bool AddTranscriptLines(Document doc)
    {
        var existing = doc.Attributions;
        var result = new List<Attribution>();
        // Only attributions with a cue count, and only those reaching into the line's paragraph: a sweep in
        // text order keeps those (by the span of their cue and content), so a long transcript is not
        // compared line by line with every attribution of the article.
        var pending = existing.Where(a => a.Cue is not null).Select(a => (Attribution: a, Extent: Extent(a))).OrderBy(x => x.Extent.Start).ToList();
        var near = new List<(Attribution Attribution, TextRange Extent)>();
        int next = 0;
        foreach (var paragraph in doc.Paragraphs)
        {
            if (paragraph.Index == 0) continue;
            var (first, end) = doc.TokensIn(paragraph.Range);
            if (first < end && doc.Tokens[first].Shape == TokenShape.OpeningQuote) first++;   // a transcript printed as one long quote
            int colon = first;
            while (colon < end && colon - first < 3 && doc.Tokens[colon].Shape == TokenShape.Word && IsUpperWord(doc.Tokens[colon].Text)) colon++;
            if (colon == first || colon >= end - 1 || doc.Tokens[colon].Text != ":") continue;
            int contentEnd = end;
            if (contentEnd > colon + 1 && doc.Tokens[contentEnd - 1].Shape == TokenShape.ClosingQuote) contentEnd--;
            if (contentEnd > colon + 1 && doc.Tokens[contentEnd - 1].Text == ".") contentEnd--;
            if (contentEnd <= colon + 1) continue;
            var content = new TextRange(doc.Tokens[colon + 1].Range.Start, doc.Tokens[contentEnd - 1].Range.End);
            var source = new TextRange(doc.Tokens[first].Range.Start, doc.Tokens[colon - 1].Range.End);
            // An attribution whose cue lies inside the line is reported by the speaker and will nest under
            // the line. One whose content holds the line's words (a transcript printed as one long quote after
            // "X said") gives the line up; one that reaches into part of it, or takes its name, wins over it.
            var line = new TextRange(source.Start, content.End);
            while (next < pending.Count && pending[next].Extent.Start < paragraph.Range.End) near.Add(pending[next++]);
            near.RemoveAll(x => x.Extent.End <= paragraph.Range.Start);
            if (near.Any(x => x.Attribution.Cue is { } q && (q.Overlaps(source) || !content.Contains(q)
                    && x.Attribution.Content.Any(c => (c.Overlaps(content) || c.Overlaps(source)) && !c.Contains(content)))))
                continue;
            foreach (var (a, _) in near)
                if (a.Cue is { } q && !line.Contains(q)) CutOut(doc.Text, a.Content, paragraph.Range);
            var attribution = new Attribution("", AttributionKind.Indirect) { Source = source, Cue = doc.Tokens[colon].Range, Rule = "transcript" };
            attribution.Content.Add(content);
            result.Add(attribution);
        }
        if (result.Count == 0) return false;
        existing.RemoveAll(a => a.Content.Count == 0 && a.Cue is not null);
        existing.AddRange(result);
        return true;
    }

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.HeadlineColon"/>: one to four words, the first capitalised,
    /// a colon and at least three words after it, in the first paragraph. Not "The Latest:", a label
    /// ("Breaking:", "Delegate Update:") or an all-capitals one ("EXCLUSIVE:"), and not where an attribution
    /// already takes the colon or the name.
    /// Returns whether it added one.
    /// </summary>
    public static bool AddHeadlineColon(Document doc)
    {
        if (doc.Paragraphs.Count == 0) return false;
        var (first, end) = doc.TokensIn(doc.Paragraphs[0].Range);
        int colon = first;
        while (colon < end && colon - first < 4 && doc.Tokens[colon].Text != ":") colon++;
        if (colon == first || colon >= end || doc.Tokens[colon].Text != ":" || end - colon - 1 < 3) return false;
        var name = doc.Tokens.Skip(first).Take(colon - first).ToList();
        if (!char.IsUpper(name[0].Text[0]) || name.Any(t => t.Shape is not TokenShape.Word) || name.All(t => IsUpperWord(t.Text))
            || name.Count == 2 && name[0].Text == "The" && name[1].Text == "Latest"
            || NotNames.Contains(name[0].Text) || NotNames.Contains(name[^1].Text))
            return false;
        int contentEnd = AttributionGrouper.TrimPunctuation(doc, colon + 1, end);
        if (contentEnd - colon - 1 < 3) return false;
        var source = new TextRange(name[0].Range.Start, name[^1].Range.End);
        var cue = doc.Tokens[colon].Range;
        var content = new TextRange(doc.Tokens[colon + 1].Range.Start, doc.Tokens[contentEnd - 1].Range.End);
        if (doc.Attributions.Any(a => a.Cue is { } q && (q.Overlaps(source) || q.Overlaps(cue))
                || a.Source is { } s && s.Overlaps(source) || a.Content.Any(c => c.Overlaps(source))))
            return false;
        var attribution = new Attribution("", AttributionKind.Indirect) { Source = source, Cue = cue, Rule = "headline" };
        attribution.Content.Add(content);
        doc.Attributions.Add(attribution);
        return true;
    }

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "and", "of", "de", "the", "&" };
    /// <summary>Labels that open a line or a headline with a colon without naming anyone ("Breaking:", "Related:").</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Related", "Update", "Updated", "Note", "Correction", "Editor", "Read", "Watch", "Quote", "Example", "Answer", "Question", "Q", "A",
        "Breaking", "Revealed", "Wow", "Video", "Photos", "Opinion", "Analysis", "Editorial", "Exclusive", "Live",
    };

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.NameColonQuotes"/>. An attribution whose content lies inside
    /// the quotation and whose cue comes before the name ("Pollsters agree") gives way. Returns whether it added one.
    /// </summary>
    public static bool AddNameColonQuotes(Document doc)
    {
        bool added = false;
        var quotations = doc.Quotations;
        for (int q = 0; q < quotations.Count; q++)
        {
            var quotation = quotations[q];
            if (quotation.Continues) continue;
            int colon = quotation.FirstToken - 1;
            if (colon < 1 || doc.Tokens[colon].Text != ":") continue;
            var sentence = doc.Sentences[doc.Tokens[colon].Sentence];
            int first = colon;
            while (first > sentence.FirstToken && colon - first < 6)
            {
                var word = doc.Tokens[first - 1];
                if (word.Shape != TokenShape.Word || !(char.IsUpper(word.Text[0]) || NameConnectors.Contains(word.Text))) break;
                first--;
            }
            if (first == colon || !char.IsUpper(doc.Tokens[first].Text[0]) || NotNames.Contains(doc.Tokens[first].Text)) continue;
            // "More from Blumenthal and Cohen: “…”", a digest's way of giving the next quotation's author.
            int opening = first >= sentence.FirstToken + 2 && doc.Tokens[first - 1].Text == "from" && doc.Tokens[first - 2].Text == "More" ? first - 2 : first;
            if (!OpensStretch(doc, opening, sentence)) continue;
            var source = new TextRange(doc.Tokens[first].Range.Start, doc.Tokens[colon - 1].Range.End);
            var cue = doc.Tokens[colon].Range;
            int last = q;
            while (last + 1 < quotations.Count && quotations[last].RunsOn && quotations[last + 1].Continues) last++;
            var content = new TextRange(quotation.Range.Start, quotations[last].Range.End);
            // The labeller may already have taken the colon, with some other words as its source.
            var onColon = doc.Attributions.Find(a => a.Cue == cue);
            if (onColon is not null)
            {
                if (onColon.Source is not { } taken || !taken.Overlaps(source)) { onColon.Source = source; added = true; }
                continue;
            }
            if (doc.Attributions.Any(a => a.Cue is { } c && (c.Overlaps(source) || content.Contains(c) && a.Source is null)
                    || a.Source is { } s && s.Overlaps(source)))
                continue;
            doc.Attributions.RemoveAll(a => a.Cue is { } c && c.End <= source.Start && a.Content.Count > 0 && a.Content.All(f => content.Contains(f)));
            var attribution = new Attribution("", AttributionKind.Direct) { Source = source, Cue = cue, Rule = "name-colon" };
            attribution.Content.Add(content);
            doc.Attributions.Add(attribution);
            added = true;
        }
        return added;
    }

    private static readonly HashSet<string> PollNouns = new(StringComparer.OrdinalIgnoreCase) { "poll", "polls", "survey", "surveys" };

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.InPolls"/>: the sentence's first word "In", its object a poll or
    /// survey, the phrase closed by a comma; the rest of the sentence is the content. Not where an attribution
    /// already takes the phrase. Returns whether it added one.
    /// </summary>
    public static bool AddPollPrepositions(Document doc)
    {
        if (!doc.Has(Layers.Dependencies)) return false;
        bool added = false;
        foreach (var sentence in doc.Sentences)
        {
            int first = sentence.FirstToken;
            if (sentence.EndToken - first < 6 || doc.Tokens[first].Text != "In") continue;
            int comma = -1;
            for (int i = first + 1; i < sentence.EndToken && i - first <= 16; i++)
                if (doc.Tokens[i].Text == ",") { comma = i; break; }
            if (comma < first + 2) continue;
            // The poll noun governs "In" (UD: the preposition is the noun's case marker).
            int noun = doc.Tokens[first].Head;
            if (noun <= first || noun >= comma || !PollNouns.Contains(doc.Tokens[noun].Text)) continue;
            int contentEnd = AttributionGrouper.TrimPunctuation(doc, comma + 1, sentence.EndToken);
            if (contentEnd - comma - 1 < 3) continue;
            var cue = doc.Tokens[first].Range;
            var source = new TextRange(doc.Tokens[first + 1].Range.Start, doc.Tokens[comma - 1].Range.End);
            var content = new TextRange(doc.Tokens[comma + 1].Range.Start, doc.Tokens[contentEnd - 1].Range.End);
            var phrase = new TextRange(cue.Start, source.End);
            if (doc.Attributions.Any(a => a.Cue is { } c && c.Overlaps(phrase) || a.Source is { } s && s.Overlaps(phrase)
                    || a.Content.Any(f => f.Overlaps(phrase))))
                continue;
            var attribution = new Attribution("", AttributionKind.Indirect) { Source = source, Cue = cue, Rule = "poll" };
            attribution.Content.Add(content);
            doc.Attributions.Add(attribution);
            added = true;
        }
        return added;
    }

    /// <summary>Whether the token opens its sentence, a line, or the stretch after a dash.</summary>
    private static bool OpensStretch(Document doc, int token, Sentence sentence) =>
        token == sentence.FirstToken || doc.Tokens[token - 1].Text is "-" or "--" or "—" or "–"
        || doc.Text.AsSpan(doc.Tokens[token - 1].Range.End, doc.Tokens[token].Range.Start - doc.Tokens[token - 1].Range.End).Contains('\n');

    /// <summary>From the start of an attribution's cue or content, whichever comes first, to the end of the last (it has a cue).</summary>
    private static TextRange Extent(Attribution a) => new(a.CueAndContent.Min(r => r.Start), a.CueAndContent.Max(r => r.End));

    /// <summary>Removes <paramref name="range"/> from the fragments that overlap it, keeping what lies on either side if it holds a word.</summary>
    private static void CutOut(string text, List<TextRange> fragments, TextRange range)
    {
        bool HasWord(int start, int end) => text.AsSpan(start, end - start).ContainsAnyExcept(NotWord);
        for (int i = fragments.Count - 1; i >= 0; i--)
        {
            var f = fragments[i];
            if (!f.Overlaps(range)) continue;
            fragments.RemoveAt(i);
            if (range.End < f.End && HasWord(range.End, f.End)) fragments.Insert(i, new TextRange(range.End, f.End));
            if (f.Start < range.Start && HasWord(f.Start, range.Start)) fragments.Insert(i, new TextRange(f.Start, range.Start));
        }
    }

    private static readonly System.Buffers.SearchValues<char> NotWord = System.Buffers.SearchValues.Create(" \n\r\t\"“”'‘’.,;:()[]—–-");

    private static bool IsUpperWord(string word) => word.Length >= 2 && word.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) && word.Any(char.IsLetter);

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.SourceAppositions"/>: every attribution's source takes the
    /// apposition of its head right after it (with <paramref name="relatives"/>, or its relative clause),
    /// and the comma that closes it, unless those words are some attribution's cue or content.
    /// </summary>
    public static void AddSourceAppositions(Document doc, bool relatives = false)
    {
        if (!doc.Has(Layers.Dependencies)) return;
        var cuesAndContents = CuesAndContents(doc);   // only sources change below
        foreach (var attribution in doc.Attributions)
        {
            if (attribution.Source is not { } range) continue;
            var (first, end) = doc.TokensIn(range);
            if (first >= end) continue;
            var sentence = doc.Sentences[doc.Tokens[first].Sentence];
            if (end >= sentence.EndToken - 1) continue;
            // "Sen. Chris Murphy (D-Conn.)": a short parenthetical right after the name belongs to it (train's
            // gold: 82 party-and-state tags inside the source, 3 left out).
            if (ShortParentheticalEnd(doc, end, sentence) is int close
                && !cuesAndContents.AnyOverlapping(new TextRange(doc.Tokens[end].Range.Start, doc.Tokens[close - 1].Range.End)))
            {
                attribution.Source = range = new TextRange(range.Start, doc.Tokens[close - 1].Range.End);
                end = close;
                if (end >= sentence.EndToken - 1) continue;
            }
            bool comma = doc.Tokens[end].Text == ",";
            int next = comma ? end + 1 : end;
            int dependent = -1;
            for (int i = next; i < sentence.EndToken && i <= end + 8; i++)
                if ((doc.Tokens[i].Relation == "appos" && comma || relatives && doc.Tokens[i].Relation == "acl:relcl")
                    && doc.Tokens[i].Head >= first && doc.Tokens[i].Head < end) { dependent = i; break; }
            if (dependent < 0) continue;
            int start = dependent, grown = dependent + 1;
            for (int j = next; j < sentence.EndToken; j++)
                if (DependencyTree.Within(doc, j, dependent))
                {
                    if (doc.Tokens[j].Shape != TokenShape.Punctuation) start = Math.Min(start, j);
                    grown = j + 1;
                }
            if (start != next && doc.Tokens[dependent].Relation != "appos") continue;   // a relative clause must follow at once
            grown = AttributionGrouper.TrimPunctuation(doc, end, grown);
            if (comma && grown < sentence.EndToken && doc.Tokens[grown].Text == ",") grown++;
            var added = new TextRange(doc.Tokens[end].Range.Start, doc.Tokens[grown - 1].Range.End);
            if (cuesAndContents.AnyOverlapping(added)) continue;
            attribution.Source = new TextRange(range.Start, added.End);
        }
    }

    /// <summary>The token after a parenthetical of at most five tokens that opens at <paramref name="open"/>, or null.</summary>
    private static int? ShortParentheticalEnd(Document doc, int open, Sentence sentence)
    {
        if (doc.Tokens[open].Text != "(") return null;
        for (int close = open + 1; close < sentence.EndToken && close - open <= 6; close++)
            if (doc.Tokens[close].Text == ")") return close + 1;
        return null;
    }

    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase) { "but", "and", "yet", "so", "~" };
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
        { "when", "while", "despite", "after", "before", "since", "if", "because", "although", "though" };

    /// <summary>
    /// "But Trump", "when Mr. Buchanan, who …": a source does not open with a connective or a subordinating
    /// conjunction (train's gold opens about 10 of its 19,834 sources with such a word; the labeller, about 15 of
    /// its sources on two tenths of train). Returns whether it trimmed any.
    /// </summary>
    public static bool TrimSourceOpeners(Document doc, bool prepositionalOpeners = false)
    {
        bool trimmed = false;
        bool parsed = doc.Has(Layers.Dependencies);
        foreach (var attribution in doc.Attributions)
        {
            if (attribution.Source is not { } range) continue;
            var (first, end) = doc.TokensIn(range);
            int start = first;
            if (start < end && (Connectives.Contains(doc.Tokens[start].Text) || Subordinators.Contains(doc.Tokens[start].Text))) start++;
            else if (prepositionalOpeners && parsed && OpeningPhraseEnd(doc, first, end) is int after) start = after;
            if (start == first || start >= end || doc.Tokens[start].Shape == TokenShape.Punctuation) continue;
            attribution.Source = new TextRange(doc.Tokens[start].Range.Start, range.End);
            trimmed = true;
        }
        return trimmed;
    }

    /// <summary>
    /// "In swing states like Ohio, many Democrats", "in Lynchburg, VA, Republican front-runner Donald Trump": where a
    /// source opens with a prepositional phrase that a comma closes and words follow, the first of those words.
    /// </summary>
    private static int? OpeningPhraseEnd(Document doc, int first, int end)
    {
        var opener = doc.Tokens[first];
        int phraseHead = DependencyTree.PrepositionObject(doc, first, end);
        // The phrase's noun itself, its preposition already left out ("Lynchburg, VA, Trump" of "in Lynchburg, …").
        if (phraseHead < 0 && opener.Relation == "nmod" && opener.Head > first && opener.Head < end && first > 0
            && DependencyTree.PrepositionObject(doc, first - 1, first + 1) == first) phraseHead = first;
        if (phraseHead < 0) return null;
        var (_, phraseEnd) = DependencyTree.Subtree(doc, phraseHead);
        if (doc.Tokens[phraseEnd - 1].Text == ",") return phraseEnd < end ? phraseEnd : null;   // the subtree may hold its comma
        return phraseEnd + 1 < end && doc.Tokens[phraseEnd].Text == "," ? phraseEnd + 1 : null;
    }

    /// <summary>
    /// "from the Rubio campaign" → "Supporters who have heard directly from the Rubio campaign": a source that is
    /// a fragment of its cue's grammatical subject (or the subject of a clause the cue hangs from: "… cheered and
    /// said") grows to the whole subject, as the corpus draws sources. Not
    /// where the subject is long (over <paramref name="maxTokens"/>) or holds cue or content words. Returns
    /// whether it grew any.
    /// </summary>
    public static bool CompleteSubjects(Document doc, int maxTokens = 12, bool prepositionalOpeners = false)
    {
        if (!doc.Has(Layers.Dependencies)) return false;
        bool grown = false;
        var cuesAndContents = CuesAndContents(doc);   // only sources change below
        foreach (var attribution in doc.Attributions)
        {
            if (attribution.Source is not { } range || attribution.Cue is not { } cue) continue;
            var (first, end) = doc.TokensIn(range);
            var (cueFirst, cueEnd) = doc.TokensIn(cue);
            if (first >= end || cueFirst >= cueEnd || doc.Tokens[first].Sentence != doc.Tokens[cueFirst].Sentence) continue;
            var sentence = doc.Sentences[doc.Tokens[cueFirst].Sentence];
            int subject = -1;
            for (int i = sentence.FirstToken; i < sentence.EndToken && subject < 0; i++)
            {
                var token = doc.Tokens[i];
                if (token.Relation is "nsubj" or "nsubjpass" && token.Head >= 0 && DependencyTree.Within(doc, cueFirst, token.Head)
                    && DependencyTree.Within(doc, first, i) && DependencyTree.Within(doc, end - 1, i)) subject = i;
            }
            if (subject < 0) continue;
            var (subjectFirst, subjectEnd) = DependencyTree.Subtree(doc, subject);
            subjectEnd = AttributionGrouper.TrimPunctuation(doc, subjectFirst, subjectEnd);
            while (subjectFirst < subjectEnd && doc.Tokens[subjectFirst].Shape == TokenShape.Punctuation) subjectFirst++;
            if (prepositionalOpeners && subjectFirst < subjectEnd)
            {
                // The subject grows no further back than TrimSourceOpeners trimmed the source ("And a third", "in Lynchburg, VA, Trump").
                if (Connectives.Contains(doc.Tokens[subjectFirst].Text)) subjectFirst++;
                else if (OpeningPhraseEnd(doc, subjectFirst, subjectEnd) is int after) subjectFirst = after;
            }
            if (subjectEnd - subjectFirst > maxTokens || subjectFirst >= first && subjectEnd <= end) continue;
            var whole = new TextRange(doc.Tokens[subjectFirst].Range.Start, doc.Tokens[subjectEnd - 1].Range.End);
            if (cuesAndContents.AnyOverlapping(whole)) continue;
            attribution.Source = new TextRange(Math.Min(whole.Start, range.Start), Math.Max(whole.End, range.End));
            grown = true;
        }
        return grown;
    }

    /// <summary>
    /// "he said: «…»": the colon between a cue and its content is part of the cue, as train's gold draws 222 of
    /// its 234 colons there. Returns whether it took any.
    /// </summary>
    public static bool TakeCueColons(Document doc)
    {
        bool taken = false;
        var cuesAndContents = CuesAndContents(doc);
        var takenColons = new HashSet<int>();   // the cues grow only by these
        foreach (var attribution in doc.Attributions)
        {
            if (attribution.Cue is not { } cue || attribution.Content.Count == 0) continue;
            int colon = doc.TokenAtOrAfter(cue.End);
            if (colon + 1 >= doc.Tokens.Count || doc.Tokens[colon].Text != ":") continue;
            int next = colon + 1;
            if (!attribution.Content.Any(c => c.Start == doc.Tokens[next].Range.Start)) continue;
            if (cuesAndContents.AnyOverlapping(doc.Tokens[colon].Range) || takenColons.Contains(colon)) continue;
            attribution.Cue = new TextRange(cue.Start, doc.Tokens[colon].Range.End);
            takenColons.Add(colon);
            taken = true;
        }
        return taken;
    }

    private static readonly HashSet<string> Weekdays = new(StringComparer.Ordinal)
        { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
    private static readonly HashSet<string> DayParts = new(StringComparer.OrdinalIgnoreCase) { "morning", "afternoon", "evening", "night" };
    private static readonly HashSet<string> CueAdverbs = new(StringComparer.OrdinalIgnoreCase)
        { "recently", "repeatedly", "back", "then", "again", "previously", "publicly", "privately" };
    private static readonly HashSet<string> Platforms = new(StringComparer.Ordinal)
        { "Twitter", "Facebook", "Instagram", "YouTube", "Periscope", "Snapchat" };
    private static readonly HashSet<string> MediumDeterminers = new(StringComparer.OrdinalIgnoreCase)
        { "a", "an", "the", "his", "her", "their", "its", "one", "this" };
    private static readonly HashSet<string> Media = new(StringComparer.OrdinalIgnoreCase)
    {
        "statement", "statements", "interview", "interviews", "email", "e-mail", "post", "op-ed", "tweet", "letter", "memo",
        "release", "appearance", "message", "video", "column", "essay", "call", "editorial", "remarks", "conversation",
        "filing", "posting", "podcast", "broadcast", "briefing", "conference",
    };

    /// <summary>
    /// "said in a statement Saturday", "wrote recently on Facebook": the adjuncts right after a cue's verb that say
    /// when or through what it was said (a weekday, "in a statement", "in an interview", "on Twitter", "recently",
    /// "back") belong to the cue, as train's gold draws them about half the time (statements 61%, weekdays 53%,
    /// interviews and e-mails 36–38%, platforms 59%, these adverbs 70–100%). The cue overlap is F1 over
    /// characters, so words gold includes with a probability above half that F1 are better in than out; the
    /// labeller, deciding word by word, leaves nearly all of them out. Not where the words belong to a source or a
    /// content. Returns whether any cue grew.
    /// </summary>
    public static bool ExtendCueAdjuncts(Document doc)
    {
        bool grown = false;
        var taken = CuesAndContents(doc, withSources: true);
        var tokens = doc.Tokens;
        foreach (var attribution in doc.Attributions)
        {
            if (attribution.Cue is not { } cue || attribution.Content.Count == 0) continue;
            var (cueFirst, cueEnd) = doc.TokensIn(cue);
            int last = cueEnd - 1;
            if (last < cueFirst || tokens[last].Tag is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal)) continue;
            int sentence = tokens[last].Sentence, next = last + 1;
            for (int pieces = 0; pieces < 3; pieces++)
            {
                int end = AdjunctEnd(tokens, next, sentence);
                if (end <= next || taken.AnyOverlapping(new TextRange(tokens[next].Range.Start, tokens[end - 1].Range.End))) break;
                next = end;
            }
            if (next == last + 1) continue;
            attribution.Cue = new TextRange(cue.Start, tokens[next - 1].Range.End);
            grown = true;
        }
        return grown;
    }

    /// <summary>Where the cue adjunct that starts at token <paramref name="i"/> ends (exclusive), or <paramref name="i"/> when none does.</summary>
    private static int AdjunctEnd(List<Token> tokens, int i, int sentence)
    {
        bool In(int j) => j < tokens.Count && tokens[j].Sentence == sentence;
        if (!In(i)) return i;
        string word = tokens[i].Text;
        if (Weekdays.Contains(word)) return In(i + 1) && DayParts.Contains(tokens[i + 1].Text) ? i + 2 : i + 1;
        if (CueAdverbs.Contains(word) && tokens[i].Tag is "RB") return i + 1;
        if (word == "on" && In(i + 1) && Platforms.Contains(tokens[i + 1].Text)) return i + 2;
        if (word != "in" || !In(i + 1) || !MediumDeterminers.Contains(tokens[i + 1].Text)) return i;
        for (int j = i + 2; j <= i + 5 && In(j); j++)
        {
            if (tokens[j].Shape == TokenShape.Punctuation || tokens[j].Tag is "IN" or "VBZ" or "VBD" or "VBP") return i;
            if (Media.Contains(tokens[j].Text) && tokens[j].Tag is "NN" or "NNS") return j + 1;
        }
        return i;
    }

    /// <summary>The cues and content fragments (and the sources, when asked) of the document's attributions, to ask whether words are taken.</summary>
    private static RangeIndex<Attribution> CuesAndContents(Document doc, bool withSources = false) =>
        new(doc.Attributions.SelectMany(a => a.CueAndContent.Concat(withSources && a.Source is { } s ? [s] : []).Select(r => (r, a))));
}
