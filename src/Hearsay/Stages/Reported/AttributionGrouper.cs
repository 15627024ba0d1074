using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Stages.Reported;

/// <summary>A labelled stretch of tokens [First, End) with its role (1 source, 2 cue, 3 content).</summary>
public readonly record struct RoleSpan(int Role, int First, int End)
{
    public const int Source = 1, Cue = 2, Content = 3;
    public int Length => End - First;

    /// <summary>Text order: by start, then by end; the order <see cref="AttributionGrouper.Spans"/> gives.</summary>
    public static readonly Comparison<RoleSpan> InTextOrder = (x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.End.CompareTo(y.End);
}

/// <summary>Settings of <see cref="AttributionGrouper"/>.</summary>
public sealed record AttributionGrouperOptions
{
    public static AttributionGrouperOptions Default { get; } = new();

    /// <summary>The most tokens between a content span and its cue.</summary>
    public int MaxContentGap { get; init; } = 40;
    /// <summary>Cost added to linking content to a cue in another sentence (counted in tokens).</summary>
    public int OtherSentencePenalty { get; init; } = 12;
    /// <summary>The most tokens between a source span and its cue (same sentence only).</summary>
    public int MaxSourceGap { get; init; } = 25;
    /// <summary>A cue with no source of its own borrows the source of the previous cue in its sentence ("X said … and added …").</summary>
    public bool ShareSources { get; init; } = true;
    /// <summary>Content that follows its cue runs on to the end of the sentence when nothing else is labelled there.</summary>
    public bool ExtendContent { get; init; }
    /// <summary>A cue left without content takes the unlabelled rest of its sentence (after it, else before it) as content.</summary>
    public bool FillMissingContent { get; init; }
    /// <summary>A cue left without source takes a pronoun ("he", "who") or capitalised name standing just before it.</summary>
    public bool InferSource { get; init; } = true;
    /// <summary>Where the parser has run, a cue left without source first takes its grammatical subject (nsubj/nsubjpass subtree).</summary>
    public bool SyntacticSource { get; init; } = true;
    /// <summary>Where the parser has run, content after its cue is extended to the end of the cue's complement clause.</summary>
    public bool SyntacticContent { get; init; } = true;
    /// <summary>The grammatical subject replaces a labelled source that does not overlap it.</summary>
    public bool PreferSyntacticSource { get; init; }
    /// <summary>Content that ends before its cue starts at the sentence start when nothing before it is labelled ("Taxes will rise, he said").</summary>
    public bool ExtendContentBack { get; init; }
    /// <summary>
    /// Content spans shorter than this (in tokens) join only a cue of their own sentence, so that stray words
    /// the labeller marks in a sentence without a cue do not hang on the cue of the sentence before (0: any
    /// cue within reach; the default: content never joins a cue of another sentence, unless
    /// <see cref="QuotedForeignContent"/> lets it). A span that runs into the cue's sentence is its own.
    /// </summary>
    public int MinForeignContent { get; init; } = int.MaxValue;
    /// <summary>
    /// Content in another sentence still joins a cue when it lies in a quotation that reaches the cue's
    /// sentence ("He added: “We will not wait. The sanctions stay …”").
    /// </summary>
    public bool QuotedForeignContent { get; init; } = true;
    /// <summary>
    /// "The museum, Mr. Obama said, would make visitors …": an unlabelled sentence opening that ends in a comma
    /// just before the source and cue, whose content follows them after a comma, is the content's first fragment.
    /// </summary>
    public bool InterruptedContent { get; init; } = true;
    /// <summary>
    /// The subject of a passive or raising cue ("Mr. Effron has been mentioned as …", "the lack of enthusiasm
    /// seems to be …") is part of the content, not the source, as the corpus draws it.
    /// </summary>
    public bool SubjectAsContent { get; init; } = true;
    /// <summary>
    /// The converse: a cue left without a source whose content opens with its active subject ("«city officials»
    /// have since balked at «the owner's proposal»") takes that subject as its source.
    /// </summary>
    public bool ContentSubjects { get; init; } = true;
    /// <summary>
    /// A subject the parser calls "nsubjpass" counts as passive only when its verb has a passive auxiliary
    /// ("was", "been", "got"): the parser labels the subject of "have long debated" so at times, which would
    /// move "Scholars" into the content.
    /// </summary>
    public bool PassiveNeedsAuxiliary { get; init; } = true;
    /// <summary>
    /// Where the tagger has run, the capitalised word <see cref="InferSource"/> takes must not be tagged as a verb,
    /// conjunction, interjection or other function word: "Keeps saying", "And openly lie", "Ah, … endorses".
    /// </summary>
    public bool TaggedNameSources { get; init; } = true;
    /// <summary>
    /// A labelled source loses the punctuation and quotation marks at its start ("<c>, who had failed …</c>"), and one
    /// that is nothing else (a lone comma or closing quotation mark) is no source, so the cue looks for its subject.
    /// </summary>
    public bool TrimSources { get; init; } = true;
    /// <summary>A nominal cue without a source takes its possessor: "«her» attacks on", "«Trump's» promises".</summary>
    public bool PossessiveSources { get; init; } = true;
    /// <summary>
    /// A participle cue without source takes the subject of the clause it hangs from ("…, arguing that …"),
    /// or the noun it modifies ("five voters talking about …").
    /// </summary>
    public bool ParticipleSubjects { get; init; } = true;
    /// <summary>Days and months standing before a cue ("spoke out Tuesday about") are not taken as its source.</summary>
    public bool SkipDates { get; init; } = true;
    /// <summary>
    /// A speech verb left without content whose sentence holds another attribution on one side of it ("But an
    /// operative decided to change course, a source said"; "Fiorina said Trump is on solid ground") reports
    /// that whole attribution: it becomes the content, and the inner one nests under it.
    /// </summary>
    public bool OuterSpeech { get; init; } = true;
    /// <summary>"According to X" left without content reports the attribution beside it, as a speech verb does (<see cref="OuterSpeech"/>).</summary>
    public bool OuterAccordingTo { get; init; } = true;
    /// <summary>
    /// "CNN quoted an American witness as saying he saw …": the cue is "quoted", and what follows it, "as
    /// saying" included, is the content, as the corpus draws it (the labeller tends to take "saying").
    /// </summary>
    public bool QuotedAsSaying { get; init; } = true;
    /// <summary>The complement-clause extension of content stops at the first comma, semicolon or dash.</summary>
    public bool ExtendToComma { get; init; } = true;
    /// <summary>
    /// A content after its cue that runs on into the clause governing the cue ("Although Clinton claimed «that
    /// the videos exist, foreign policy experts affirm …»") ends where it leaves the cue's subtree.
    /// </summary>
    public bool GoverningClauseCut { get; init; } = true;
    /// <summary>The name before a cue is found past a day and a parenthesis ("Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed"), where the parse gives no subject.</summary>
    public bool SubjectPastAsides { get; init; } = true;
    /// <summary>A subject the labeller put in the content of a participle of feeling ("Clinton insiders are alarmed at …") is its source (with <see cref="ContentSubjects"/>).</summary>
    public bool ContentExperiencers { get; init; } = true;
    /// <summary>Source spans that touch ("The" "president") are one source.</summary>
    public bool MergeTouchingSources { get; init; } = true;
    /// <summary>Where the parser has run, a source missing the start of its noun phrase ("'s statement") takes it back.</summary>
    public bool CompleteSources { get; init; } = true;
    /// <summary>Transcript lines: a paragraph opening "NAME:" attributes the rest of the paragraph to NAME.</summary>
    public bool TranscriptSpeakers { get; init; } = true;
    /// <summary>
    /// "issued a statement Tuesday saying …", "signed a decree ruling out …": a verb whose object is a document
    /// and a participle after it form one cue, and the content starts after the participle, as the corpus draws it.
    /// </summary>
    public bool DocumentParticiples { get; init; } = true;
    /// <summary>
    /// A headline opening with a short name and a colon ("Report: US Officials Have Ruled Out …", "Graham:
    /// Trump's Rhetoric Destroying …") attributes the rest of the headline to the name; what the labeller
    /// found inside it nests under it.
    /// </summary>
    public bool HeadlineColon { get; init; } = true;
    /// <summary>
    /// The subject search climbs a chain of participle clauses, xcomps and conjuncts ("…, warning that … and
    /// implying that …" up to "he expanded"), not only one link.
    /// </summary>
    public bool SubjectChains { get; init; } = true;
    /// <summary>A subject phrase too long to be a source ("Marco Rubio, whose hometown … rises,") gives its head's own words ("Marco Rubio").</summary>
    public bool ShortSubjects { get; init; } = true;
    /// <summary>The passive subject of a participle of feeling or belief ("they are convinced", "FBI officials were angered by") stays the source.</summary>
    public bool Experiencers { get; init; } = true;
    /// <summary>
    /// A cue takes the auxiliaries, negation and adverbs just before it that hang from it ("has said", "also
    /// said", "is expected"), as the corpus draws nearly every such cue.
    /// </summary>
    public bool CueAuxiliaries { get; init; } = true;
    /// <summary>
    /// A gerund that ends a cue right after the cue's verb opens the content after it ("ruled out «pushing Ukraine
    /// …»"), as the corpus draws 332 contents that start with such a word.
    /// </summary>
    public bool GerundComplements { get; init; } = true;
    /// <summary>
    /// "Pollsters agree - Carl Bialik: “One of the biggest lessons …”": a name of capitalised words opening a
    /// line, a sentence or the stretch after a dash, then a colon and a quotation, attributes the quotation to
    /// the name, with the colon as cue.
    /// </summary>
    public bool NameColonQuotes { get; init; } = true;
    /// <summary>
    /// "In a CNN/ORC poll released Monday, 31% of Republicans said …": a sentence opening with "In" and a poll or
    /// survey is that poll's attribution, with "In" as cue, as the corpus draws it.
    /// </summary>
    public bool InPolls { get; init; } = true;
    /// <summary>
    /// A source takes the apposition after it ("Brian Fallon, a spokesman for Mrs. Clinton,"), comma included,
    /// as the corpus draws nearly every such source.
    /// </summary>
    public bool SourceAppositions { get; init; } = true;
    /// <summary>
    /// With <see cref="SourceAppositions"/>, a source also takes the relative clause right after it ("Beck, who
    /// supported Cruz in the primaries,", "Officials who spoke to reporters"), as the corpus draws about two
    /// in three such sources.
    /// </summary>
    public bool SourceRelatives { get; init; } = true;
    /// <summary>
    /// A source drops an opening connective or adverbial clause ("But Trump", "when Mr. Buchanan", "Despite the
    /// criticism, Trump"), which the corpus almost never includes.
    /// </summary>
    public bool SourceOpeners { get; init; } = true;
    /// <summary>A colon between a cue and its content belongs to the cue ("said:"), as the corpus draws it.</summary>
    public bool CueColons { get; init; } = true;
    /// <summary>
    /// A cue takes the adjuncts right after its verb that say when or through what it was said ("said in a statement
    /// Saturday", "wrote on Facebook"), see <see cref="DocumentPatterns.ExtendCueAdjuncts"/>.
    /// </summary>
    public bool CueAdjuncts { get; init; } = true;
    /// <summary>A source that is a fragment of its cue's grammatical subject grows to the whole subject.</summary>
    public bool WholeSubjects { get; init; } = true;
    /// <summary>The longest subject (in tokens) <see cref="WholeSubjects"/> grows a source to.</summary>
    public int WholeSubjectTokens { get; init; } = 30;
    /// <summary>
    /// "…, according to X." reports the whole sentence before the comma, and "According to X, …" the whole
    /// sentence after the comma that closes X, whatever the labeller gave those words.
    /// </summary>
    public bool AccordingToClause { get; init; } = true;
    /// <summary>
    /// With <see cref="AccordingToClause"/>, an opening of the sentence that holds a cue of its own stays out of
    /// the content, which then starts at the main clause's subject.
    /// </summary>
    public bool AccordingToSubject { get; init; } = true;
    /// <summary>
    /// A labelled source that is a prepositional phrase ("in Kentucky", "at one point", "of people collecting Social
    /// Security") is no source: the cue looks for its subject instead. "by X" keeps X, the agent of a passive cue.
    /// </summary>
    public bool PrepositionalSources { get; init; } = true;
}

/// <summary>
/// Forms attributions from labelled spans: every content span goes to the cue it is nearest to (content
/// split around the cue, "“…,” he said, “…”", goes to that cue on both sides), every source span to the
/// nearest cue in its sentence; a cue without content forms nothing.
/// </summary>
public static class AttributionGrouper
{
    /// <summary>Extracts spans from BIO labels (see <see cref="AttributionLabels"/>).</summary>
    public static List<RoleSpan> Spans(ReadOnlySpan<int> labels)
    {
        var spans = new List<RoleSpan>();
        int i = 0;
        while (i < labels.Length)
        {
            int role = AttributionLabels.RoleOf(labels[i]);
            if (role == 0) { i++; continue; }
            int j = i + 1;
            while (j < labels.Length && !AttributionLabels.IsBegin(labels[j]) && AttributionLabels.RoleOf(labels[j]) == role) j++;
            spans.Add(new RoleSpan(role, i, j));
            i = j;
        }
        return spans;
    }

    /// <summary>Tokens strictly between two spans (0 when they touch or overlap).</summary>
    private static int Gap(RoleSpan a, RoleSpan b) => a.End <= b.First ? b.First - a.End : b.End <= a.First ? a.First - b.End : 0;

    public static List<Attribution> Group(Document doc, IReadOnlyList<RoleSpan> spans, AttributionGrouperOptions? options = null)
    {
        options ??= AttributionGrouperOptions.Default;
        if (options.MergeTouchingSources) spans = MergeTouching(spans, RoleSpan.Source);
        if (options.DocumentParticiples && doc.Has(Layers.PartOfSpeech)) spans = AddDocumentParticiples(doc, spans);
        if (options.QuotedAsSaying) spans = QuotedAs(doc, spans);
        if (options.CueAuxiliaries && doc.Has(Layers.Dependencies)) spans = WithAuxiliaries(doc, spans);
        if (options.GerundComplements && doc.Has(Layers.PartOfSpeech)) spans = GerundsToContent(doc, spans);
        var cues = spans.Where(s => s.Role == RoleSpan.Cue).ToList();
        var result = new List<Attribution>();
        if (cues.Count == 0) return result;
        var contentOf = new List<RoleSpan>[cues.Count];
        var sourceOf = new RoleSpan?[cues.Count];
        var sourceCost = new int[cues.Count];
        for (int c = 0; c < cues.Count; c++) contentOf[c] = new List<RoleSpan>();

        // Cues in text order without overlapping (as the labeller's spans are) are searched by bisection, so
        // that an article with thousands of them is grouped in n log n rather than n² steps.
        bool ordered = InOrderApart(cues);
        var cueEnds = ordered ? cues.Select(c => c.End).ToArray() : null;
        RangeIndex<Quotation>? quotations = null;   // built when first needed
        foreach (var span in spans)
        {
            if (span.Role == RoleSpan.Content)
            {
                int best = -1, bestCost = int.MaxValue;
                List<Quotation>? around = null;   // looked up once, when a cue of another sentence is in reach
                for (int c = FirstInReach(cueEnds, span, options.MaxContentGap); c < cues.Count && (cueEnds is null || cues[c].First <= (long)span.End + options.MaxContentGap); c++)
                {
                    int gap = Gap(span, cues[c]);
                    if (gap > options.MaxContentGap) continue;
                    bool sameSentence = SharesSentence(doc, span, cues[c]);
                    if (!sameSentence && span.Length < options.MinForeignContent
                        && !(options.QuotedForeignContent && ReachSentence(doc, around ??= QuotationsAround(quotations ??= QuotationIndex(doc), span), cues[c]))) continue;
                    int cost = gap + (sameSentence ? 0 : options.OtherSentencePenalty);
                    if (CueBetween(cues, ordered, span, cues[c])) cost += 100;
                    if (cost < bestCost) { best = c; bestCost = cost; }
                }
                if (best >= 0) contentOf[best].Add(span);
            }
        }
        foreach (var span in spans)
        {
            if (span.Role != RoleSpan.Source) continue;
            int best = -1, bestCost = int.MaxValue;
            int sentence = doc.Tokens[span.First].Sentence;
            for (int c = FirstInReach(cueEnds, span, options.MaxSourceGap); c < cues.Count && (cueEnds is null || cues[c].First <= (long)span.End + options.MaxSourceGap); c++)
            {
                var cue = cues[c];
                if (doc.Tokens[cue.First].Sentence != sentence) continue;
                int gap = Gap(span, cue);
                if (gap > options.MaxSourceGap) continue;
                int cost = gap + (span.End <= cue.First ? 0 : 2) + (CueBetween(cues, ordered, span, cue) ? 50 : 0);
                if (sourceOf[c] is not null && sourceCost[c] <= cost) continue;
                if (cost < bestCost) { best = c; bestCost = cost; }
            }
            if (best >= 0) { sourceOf[best] = span; sourceCost[best] = bestCost; }
        }

        if (options.OuterSpeech) ReportOuter(doc, cues, contentOf, sourceOf, options.OuterAccordingTo);
        if (options.AccordingToClause)
            for (int c = 0; c < cues.Count; c++)
                if (IsAccordingTo(doc, cues[c]) && AccordingToClause(doc, cues[c], options.AccordingToSubject ? cues : null) is { } clause)
                {
                    contentOf[c].Clear();
                    contentOf[c].Add(clause.Content);
                    if (clause.Source is { } named && sourceOf[c] is null) sourceOf[c] = named;
                }

        var labelled = new bool[doc.Tokens.Count];
        var isSource = new bool[doc.Tokens.Count];
        foreach (var span in spans)
            for (int i = span.First; i < span.End; i++)
            {
                labelled[i] = true;
                isSource[i] = span.Role == RoleSpan.Source;
            }
        for (int c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
            int sentenceEnd = TrimPunctuation(doc, sentence.FirstToken, sentence.EndToken);
            if (options.ExtendContent && contentOf[c].Count > 0)
            {
                var last = contentOf[c].MaxBy(x => x.End);
                if (last.First >= cue.End && last.End < sentenceEnd && last.End > sentence.FirstToken && doc.Tokens[last.End - 1].Sentence == sentence.Index)
                {
                    bool free = true;
                    for (int i = last.End; i < sentenceEnd && free; i++) free = !labelled[i];
                    if (free)
                    {
                        contentOf[c].Remove(last);
                        contentOf[c].Add(last with { End = sentenceEnd });
                        for (int i = last.End; i < sentenceEnd; i++) labelled[i] = true;
                    }
                }
            }
            if (options.SyntacticContent && contentOf[c].Count > 0 && doc.Has(Layers.Dependencies))
            {
                var last = contentOf[c].MaxBy(x => x.End);
                if (last.First >= cue.End && ComplementEnd(doc, cue, last) is int complementEnd && complementEnd > last.End)
                {
                    int clauseEnd = complementEnd;
                    if (options.ExtendToComma)
                        for (int i = last.End; i < complementEnd; i++)
                            if (doc.Tokens[i].Text is "," or ";" or "--" or "—") { clauseEnd = i; break; }
                    bool free = true;
                    for (int i = last.End; i < clauseEnd && free; i++) free = !labelled[i];
                    if (free && clauseEnd > last.End)
                    {
                        contentOf[c].Remove(last);
                        contentOf[c].Add(last with { End = clauseEnd });
                        for (int i = last.End; i < clauseEnd; i++) labelled[i] = true;
                    }
                }
            }
            if (options.GoverningClauseCut && doc.Has(Layers.Dependencies))
                for (int k = 0; k < contentOf[c].Count; k++)
                    if (CutAtGoverningClause(doc, cue, contentOf[c][k], quotations ??= QuotationIndex(doc)) is { } cut) contentOf[c][k] = cut;
            if (options.ExtendContentBack && contentOf[c].Count > 0)
            {
                var head = contentOf[c].MinBy(x => x.First);
                int start = sentence.FirstToken;
                while (start < head.First && doc.Tokens[start].Shape is TokenShape.Punctuation) start++;
                if (head.End <= cue.First && head.First > start && doc.Tokens[head.First].Sentence == sentence.Index)
                {
                    bool free = true;
                    for (int i = start; i < head.First && free; i++) free = !labelled[i];
                    if (free)
                    {
                        contentOf[c].Remove(head);
                        contentOf[c].Add(head with { First = start });
                        for (int i = start; i < head.First; i++) labelled[i] = true;
                    }
                }
            }
            if (options.FillMissingContent && contentOf[c].Count == 0 && sourceOf[c] is not null)
            {
                int after = Math.Max(cue.End, sourceOf[c] is { } so && so.First >= cue.End ? so.End : cue.End);
                while (after < sentenceEnd && doc.Tokens[after].Text is "," or ":" or "that") after++;
                int afterEnd = after;
                while (afterEnd < sentenceEnd && !labelled[afterEnd]) afterEnd++;
                int before = Math.Min(cue.First, sourceOf[c] is { } sb && sb.End <= cue.First ? sb.First : cue.First);
                int beforeStart = before;
                while (beforeStart > sentence.FirstToken && !labelled[beforeStart - 1]) beforeStart--;
                int beforeEnd = before;
                while (beforeEnd > beforeStart && doc.Tokens[beforeEnd - 1].Shape is TokenShape.Punctuation) beforeEnd--;
                RoleSpan? fill = afterEnd - after >= 3 ? new RoleSpan(RoleSpan.Content, after, afterEnd)
                    : beforeEnd - beforeStart >= 3 ? new RoleSpan(RoleSpan.Content, beforeStart, beforeEnd) : null;
                if (fill is { } f)
                {
                    contentOf[c].Add(f);
                    for (int i = f.First; i < f.End; i++) labelled[i] = true;
                }
            }
        }

        for (int c = 0; c < cues.Count; c++)
        {
            if (contentOf[c].Count == 0) continue;
            var cue = cues[c];
            var source = sourceOf[c];
            if (options.TrimSources && source is { } untrimmed) source = TrimmedSource(doc, untrimmed);
            if (options.SkipDates && source is { Length: 1 } single && Dates.Contains(doc.Tokens[single.First].Text)) source = null;
            if (options.PrepositionalSources && source is { } phrase && IsPrepositionalPhrase(doc, phrase))
                source = doc.Tokens[phrase.First].Text.Equals("by", StringComparison.OrdinalIgnoreCase) && phrase.Length > 1 ? phrase with { First = phrase.First + 1 } : null;
            if (source is null && options.ShareSources && c > 0 && sourceOf[c - 1] is { } previous
                && doc.Tokens[cues[c - 1].First].Sentence == doc.Tokens[cue.First].Sentence && ConjoinedAfter(doc, cues[c - 1], cue))
                source = previous;
            if (options.PreferSyntacticSource && source is { } labelledSource && SyntacticSubject(doc, cue, contentOf[c]) is { } subject
                && (subject.End <= labelledSource.First || labelledSource.End <= subject.First))
                source = subject;
            if (source is null && options.SyntacticSource) source = SyntacticSubject(doc, cue, contentOf[c], options.ParticipleSubjects, options.SubjectChains, options.ShortSubjects);
            if (source is null && options.InferSource) source = SubjectBefore(doc, cue, contentOf[c], options.SkipDates, options.TaggedNameSources, options.SubjectPastAsides);
            if (source is null && options.PossessiveSources) source = Possessor(doc, cue);
            if (options.CompleteSources && source is { } partial) source = CompletePhrase(doc, partial, labelled, isSource, options.PrepositionalSources);
            if (options.TrimSources && source is { } completed) source = TrimmedSource(doc, completed);
            if (options.SubjectAsContent && source is { } subjectSource && SubjectIsContent(doc, cue, subjectSource, options.Experiencers, options.PassiveNeedsAuxiliary))
            {
                contentOf[c].Add(subjectSource with { Role = RoleSpan.Content });
                source = null;
            }
            if (options.ContentSubjects && source is null && contentOf[c].Count > 1 && SubjectInContent(doc, cue, contentOf[c], options.PassiveNeedsAuxiliary, options.Experiencers && options.ContentExperiencers) is { } subjectContent)
            {
                contentOf[c].Remove(subjectContent);
                source = subjectContent with { Role = RoleSpan.Source };
            }
            if (options.InterruptedContent && OpeningBefore(doc, cue, source, contentOf[c], labelled) is { } opening)
            {
                contentOf[c].Add(opening);
                for (int i = opening.First; i < opening.End; i++) labelled[i] = true;
            }
            var attribution = new Attribution("", AttributionKind.Indirect)
            {
                Cue = Range(doc, cue),
                Source = source is { } s ? Range(doc, s) : null,
                Rule = "tagger",
            };
            foreach (var content in contentOf[c].OrderBy(x => x.First)) attribution.Content.Add(Range(doc, content));
            attribution.Kind = KindOf(doc, contentOf[c]);
            result.Add(attribution);
        }
        return result;
    }

    private static IReadOnlyList<RoleSpan> WithAuxiliaries(Document doc, IReadOnlyList<RoleSpan> spans)
    {
        List<RoleSpan>? result = null;
        var covered = new bool[doc.Tokens.Count];
        foreach (var span in spans)
            for (int i = span.First; i < span.End; i++) covered[i] = true;
        for (int n = 0; n < spans.Count; n++)
        {
            var span = spans[n];
            if (span.Role != RoleSpan.Cue) continue;
            int first = span.First, sentenceFirst = doc.Sentences[doc.Tokens[first].Sentence].FirstToken;
            while (first > sentenceFirst && !covered[first - 1] && IsAuxiliaryOf(doc, first - 1, span)) first--;
            if (first == span.First) continue;
            result ??= new List<RoleSpan>(spans);
            result[n] = span with { First = first };
        }
        return result ?? spans;
    }

    private static readonly HashSet<string> BeForms = new(StringComparer.OrdinalIgnoreCase) { "is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re" };

    /// <summary>
    /// "have ruled out «pushing Ukraine …»", "proposed «barring …»": a gerund that ends a cue after the cue's verb
    /// (not after "is", where it is the verb itself: "is seeking"; not a verb of speech or thought: "started asking")
    /// opens the content that follows it.
    /// </summary>
    private static IReadOnlyList<RoleSpan> GerundsToContent(Document doc, IReadOnlyList<RoleSpan> spans)
    {
        List<RoleSpan>? result = null;
        Dictionary<int, int>? contentStarting = null;
        for (int n = 0; n < spans.Count; n++)
        {
            var cue = spans[n];
            if (cue.Role != RoleSpan.Cue || cue.Length < 2) continue;
            int gerund = cue.End - 1;
            var before = doc.Tokens[gerund - 1];
            if (doc.Tokens[gerund].Tag != "VBG" || BeForms.Contains(before.Text) || before.Tag is not ("VBD" or "VBZ" or "VBP" or "VBN" or "VB" or "RP")) continue;
            // "started asking", "left wondering": a gerund of speech or thought is the cue itself.
            if (Quotes.CueLexicon.IsCueVerb(doc.Tokens[gerund].Text)) continue;
            contentStarting ??= LastContentStarting(spans);
            if (!contentStarting.TryGetValue(cue.End, out int content)) continue;
            result ??= new List<RoleSpan>(spans);
            result[n] = cue with { End = gerund };
            result[content] = spans[content] with { First = gerund };
        }
        return result ?? spans;
    }

    /// <summary>For each token where a content span starts, the index of the last such span.</summary>
    private static Dictionary<int, int> LastContentStarting(IReadOnlyList<RoleSpan> spans)
    {
        var starting = new Dictionary<int, int>();
        for (int m = 0; m < spans.Count; m++)
            if (spans[m].Role == RoleSpan.Content) starting[spans[m].First] = m;
        return starting;
    }

    private static bool IsAuxiliaryOf(Document doc, int token, RoleSpan cue)
    {
        var t = doc.Tokens[token];
        if (t.Relation is not ("aux" or "auxpass" or "neg" or "advmod")) return false;
        if (t.Relation == "advmod" && t.Tag is not ("RB" or "RBR")) return false;
        for (int k = t.Head, steps = 0; k >= 0 && steps < 4; k = doc.Tokens[k].Head, steps++)
            if (k >= cue.First && k < cue.End) return true;
        return false;
    }

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "we", "i", "who", "which", "you" };
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase)
        { "also", "often", "has", "have", "had", "will", "would", "did", "does", "do", "is", "was", "are", "were", "not", "n't", "has", "later", "then", "previously", "repeatedly", "once", "still", "again" };

    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    /// <summary>"he (also) said", "who has argued", "Smith warned": the subject word(s) just before the cue, if any.</summary>
    private static RoleSpan? SubjectBefore(Document doc, RoleSpan cue, List<RoleSpan> content, bool skipDates = false, bool taggedNames = false, bool pastAsides = false)
    {
        int sentenceFirst = doc.Sentences[doc.Tokens[cue.First].Sentence].FirstToken;
        int i = cue.First - 1;
        while (i >= sentenceFirst && i >= cue.First - 3 && Skippable.Contains(doc.Tokens[i].Text)) i--;
        if (pastAsides)
        {
            // "Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed …": a day, then a parenthesis, lie between subject and cue.
            if (i >= sentenceFirst && Dates.Contains(doc.Tokens[i].Text)) i -= i - 1 >= sentenceFirst && doc.Tokens[i - 1].Text is "on" or "On" ? 2 : 1;
            if (i >= sentenceFirst && doc.Tokens[i].Text == ")")
                for (int open = i - 1; open >= sentenceFirst && open >= i - 6; open--)
                    if (doc.Tokens[open].Text == "(") { i = open - 1; break; }
        }
        if (i < sentenceFirst || content.Any(x => x.First <= i && i < x.End)) return null;
        var token = doc.Tokens[i];
        if (Pronouns.Contains(token.Text)) return new RoleSpan(RoleSpan.Source, i, i + 1);
        if (token.Shape != TokenShape.Word || !char.IsUpper(token.Text[0]) || i == sentenceFirst && token.Text is "It" or "The" or "This") return null;
        if (skipDates && Dates.Contains(token.Text)) return null;
        if (taggedNames && doc.Has(Layers.PartOfSpeech) && NotNameTags.Contains(token.Tag ?? "")) return null;
        int first = i;
        while (first - 1 >= sentenceFirst && i - first < 3 && doc.Tokens[first - 1].Shape == TokenShape.Word && char.IsUpper(doc.Tokens[first - 1].Text[0])
            && !content.Any(x => x.First <= first - 1 && first - 1 < x.End)) first--;
        return new RoleSpan(RoleSpan.Source, first, i + 1);
    }

    private static readonly HashSet<string> NotNameTags = new(StringComparer.Ordinal)
        { "CC", "UH", "VBZ", "VBD", "MD", "IN", "WDT", "WRB", "TO" };

    private static readonly HashSet<string> RaisingVerbs = new(StringComparer.OrdinalIgnoreCase)
        { "seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing" };
    /// <summary>Participles of feeling and belief: "they are convinced", "leaders are worried" name who holds the view.</summary>
    private static readonly HashSet<string> ExperiencerParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "convinced", "worried", "concerned", "upset", "angered", "impressed", "alarmed", "shocked", "startled",
        "disappointed", "pleased", "frustrated", "surprised", "troubled", "encouraged", "enamored", "enamoured",
        "persuaded", "satisfied", "dismayed", "outraged", "offended", "irritated", "annoyed", "angry", "thrilled",
        "delighted", "excited", "terrified", "scared", "frightened", "horrified", "disgusted", "puzzled",
        "confused", "baffled", "stunned", "amazed", "intrigued", "interested", "determined", "committed",
        "opposed", "inclined", "resigned", "relieved", "embarrassed", "ashamed", "skeptical", "unconvinced",
    };
    private static readonly HashSet<string> HearsayAdverbs = new(StringComparer.OrdinalIgnoreCase)
        { "reportedly", "allegedly", "apparently", "seemingly", "purportedly", "supposedly", "reputedly" };

    /// <summary>The possessor of a noun in the cue, when it stands just before the cue: "her" of "her attacks on", "Trump's" of "Trump's promises".</summary>
    private static RoleSpan? Possessor(Document doc, RoleSpan cue)
    {
        if (!doc.Has(Layers.Dependencies)) return null;
        int from = Math.Max(doc.Sentences[doc.Tokens[cue.First].Sentence].FirstToken, cue.First - 8);
        for (int i = cue.First - 1; i >= from; i--)
        {
            var token = doc.Tokens[i];
            if (token.Relation != "nmod:poss" || token.Head < cue.First || token.Head >= cue.End) continue;
            if (doc.Tokens[token.Head].Tag is not ("NN" or "NNS")) continue;
            var (first, end) = DependencyTree.Subtree(doc, i);
            if (end > cue.First) end = cue.First;
            return new RoleSpan(RoleSpan.Source, first, end);
        }
        return null;
    }

    /// <summary>A content span before the cue that is the cue verb's active subject (not one <see cref="SubjectIsContent"/> keeps as content).</summary>
    private static RoleSpan? SubjectInContent(Document doc, RoleSpan cue, List<RoleSpan> contents, bool passiveNeedsAuxiliary, bool experiencers = false)
    {
        if (!doc.Has(Layers.Dependencies)) return null;
        foreach (var span in contents)
        {
            if (span.End > cue.First) continue;
            for (int i = span.First; i < span.End; i++)
            {
                var token = doc.Tokens[i];
                if (token.Head < cue.First || token.Head >= cue.End) continue;
                // "Clinton insiders are alarmed at …": the subject of a participle of feeling is who feels it.
                string? relation = SubjectRelation(doc, i, passiveNeedsAuxiliary);
                if (relation != "nsubj" && !(experiencers && relation == "nsubjpass" && ExperiencerParticiples.Contains(doc.Tokens[token.Head].Text))) continue;
                var subtree = DependencyTree.Subtree(doc, i);
                if (span.First < subtree.First || span.End > subtree.End) break;
                return SubjectIsContent(doc, cue, span, experiencers, passiveNeedsAuxiliary) ? null : span;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="source"/> is the passive subject of a cue verb, the subject of "seem"/"appear"
    /// in the cue, or stands before a cue that is only an adverb of hearsay ("the campaign reportedly …").
    /// </summary>
    private static bool SubjectIsContent(Document doc, RoleSpan cue, RoleSpan source, bool experiencers = false, bool passiveNeedsAuxiliary = false)
    {
        if (source.End > cue.First) return false;
        if (cue.Length == 1 && HearsayAdverbs.Contains(doc.Tokens[cue.First].Text)) return true;
        if (!doc.Has(Layers.Dependencies)) return false;
        for (int i = source.First; i < source.End; i++)
        {
            var token = doc.Tokens[i];
            if (token.Head < cue.First || token.Head >= cue.End) continue;
            bool experiencer = experiencers && ExperiencerParticiples.Contains(doc.Tokens[token.Head].Text);
            string? relation = SubjectRelation(doc, i, passiveNeedsAuxiliary);
            if (relation == "nsubjpass") return !experiencer;
            if (relation == "nsubj" && (RaisingVerbs.Contains(doc.Tokens[token.Head].Text) || HasPassiveAuxiliary(doc, token.Head) && !experiencer)) return true;
        }
        return false;
    }

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.AccordingToClause"/>: the content (and, for "According to X, …",
    /// the source) that the position of "according to" in its sentence gives it; null where it gives none.
    /// </summary>
    private static (RoleSpan Content, RoleSpan? Source)? AccordingToClause(Document doc, RoleSpan cue, List<RoleSpan>? cues = null)
    {
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        int start = sentence.FirstToken;
        while (start < cue.First && doc.Tokens[start].Shape is TokenShape.Punctuation or TokenShape.OpeningQuote) start++;
        if (cue.First - 1 > start && doc.Tokens[cue.First - 1].Text == ",")
        {
            int end = TrimPunctuation(doc, start, cue.First - 1);
            // An opening that holds a cue of its own ("Boasting …, called “…” by the citizens, the GOP leaners …
            // seem enamored …, according to Politico") stays out: the content starts at the main clause's subject.
            if (cues is not null && doc.Has(Layers.Dependencies) && MainSubjectStart(doc, cue) is int subject && subject > start && subject < end
                && doc.Tokens[subject - 1].Text == ",")
                foreach (var other in cues)
                    if (other != cue && other.First >= start && other.End <= subject) { start = subject; break; }
            return end - start >= 3 ? (new RoleSpan(RoleSpan.Content, start, end), null) : null;
        }
        if (cue.First != start) return null;
        // The comma after the whole noun phrase ("According to Lorella Praeli, Clinton's Latino vote director, …").
        int comma = cue.End, noun = doc.Tokens[cue.First].Head;
        if (noun >= cue.End && noun < sentence.EndToken)
            for (int j = noun; j < sentence.EndToken; j++)
                if (doc.Tokens[j].Shape != TokenShape.Punctuation && DependencyTree.Within(doc, j, noun)) comma = j + 1;
        while (comma < sentence.EndToken && doc.Tokens[comma].Text != ",") comma++;
        int contentEnd = TrimPunctuation(doc, comma + 1, sentence.EndToken);
        if (comma == cue.End || comma - cue.End > 12 || contentEnd - comma - 1 < 3) return null;
        return (new RoleSpan(RoleSpan.Content, comma + 1, contentEnd), new RoleSpan(RoleSpan.Source, cue.End, comma));
    }

    /// <summary>The first token of the subject of the verb "according to X" modifies, or null.</summary>
    private static int? MainSubjectStart(Document doc, RoleSpan cue)
    {
        int noun = doc.Tokens[cue.First].Head;
        if (noun < 0) return null;
        int verb = doc.Tokens[noun].Head;
        if (verb < 0) return null;
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        for (int i = sentence.FirstToken; i < cue.First; i++)
            if (doc.Tokens[i].Head == verb && doc.Tokens[i].Relation is "nsubj" or "nsubjpass" or "expl")
                return DependencyTree.Subtree(doc, i).First;
        return null;
    }

    private static bool IsAccordingTo(Document doc, RoleSpan cue) =>
        cue.Length == 2 && Hearsay.Stages.Quotes.QuoteAttributor.IsAccordingTo(doc, cue.First);

    /// <summary>See <see cref="AttributionGrouperOptions.OuterSpeech"/>: a content-less speech verb takes the whole attribution beside it as content.</summary>
    private static void ReportOuter(Document doc, List<RoleSpan> cues, List<RoleSpan>[] contentOf, RoleSpan?[] sourceOf, bool accordingTo = false)
    {
        // Each cue's whole attribution (source, cue and content), kept up to date as contents are reported.
        var extent = new (int First, int End)[cues.Count];
        for (int c = 0; c < cues.Count; c++)
        {
            var all = contentOf[c].Append(cues[c]);
            if (sourceOf[c] is { } source) all = all.Append(source);
            extent[c] = (all.Min(x => x.First), all.Max(x => x.End));
        }
        // Only a cue of the same sentence can be reported (its attribution must lie in the sentence), so
        // each sentence's cues, in order, are the candidates; a long article stays linear.
        var cuesOfSentence = new Dictionary<int, List<int>>();
        for (int c = 0; c < cues.Count; c++)
        {
            int s = doc.Tokens[cues[c].First].Sentence;
            if (!cuesOfSentence.TryGetValue(s, out var list)) cuesOfSentence[s] = list = [];
            list.Add(c);
        }
        for (int c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            if (contentOf[c].Count > 0 || !(Hearsay.Stages.Quotes.CueLexicon.IsCueVerb(doc.Tokens[cue.End - 1].Text)
                || accordingTo && IsAccordingTo(doc, cue))) continue;
            var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
            var (left, right) = extent[c];
            RoleSpan? best = null;
            int bestGap = int.MaxValue;
            foreach (int other in cuesOfSentence[doc.Tokens[cue.First].Sentence])
            {
                if (other == c || contentOf[other].Count == 0) continue;
                var (first, end) = extent[other];
                if (first < sentence.FirstToken || end > sentence.EndToken) continue;
                int gap = end <= left ? left - end : first >= right ? first - right : -1;
                if (gap < 0 || gap > 2 || gap >= bestGap) continue;
                best = new RoleSpan(RoleSpan.Content, first, TrimPunctuation(doc, first, end));
                bestGap = gap;
            }
            if (best is not { Length: > 0 } reported) continue;
            contentOf[c].Add(reported);
            extent[c] = (Math.Min(left, reported.First), Math.Max(right, reported.End));
        }
    }

    private static List<RoleSpan> MergeTouching(IReadOnlyList<RoleSpan> spans, int role)
    {
        var merged = new List<RoleSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (span.Role == role && merged.Count > 0 && merged[^1] is { } last && last.Role == role && last.End == span.First)
                merged[^1] = last with { End = span.End };
            else merged.Add(span);
        }
        return merged;
    }

    private static readonly HashSet<string> NounModifiers = new(StringComparer.Ordinal)
        { "det", "amod", "compound", "nmod:poss", "case", "nummod", "det:predet" };

    /// <summary>
    /// The source grown to the noun phrase it is part of: a modifier marked alone ("The" of "The president")
    /// takes its noun, and the words before the phrase's head that belong to it ("The ministry" of "'s
    /// statement") join, as long as they are unlabelled or labelled source; with <paramref name="stopAtPreposition"/>,
    /// not a preposition that opens the phrase ("by" of "by The New York Times").
    /// </summary>
    private static RoleSpan CompletePhrase(Document doc, RoleSpan source, bool[] labelled, bool[] isSource, bool stopAtPreposition)
    {
        if (!doc.Has(Layers.Dependencies)) return source;
        int top = -1, topDepth = int.MaxValue;
        for (int i = source.First; i < source.End; i++)
        {
            int depth = 0;
            for (int k = doc.Tokens[i].Head; k >= 0 && depth < 64; k = doc.Tokens[k].Head) depth++;
            if (depth < topDepth) { top = i; topDepth = depth; }
        }
        if (top < 0) return source;
        bool Free(int i) => !labelled[i] || isSource[i];
        int end = source.End;
        while (doc.Tokens[top].Relation is { } relation && NounModifiers.Contains(relation))
        {
            int head = doc.Tokens[top].Head;
            if (head < end || head - end > 3 || doc.Tokens[head].Sentence != doc.Tokens[top].Sentence) break;
            bool free = true;
            for (int i = end; i <= head && free; i++) free = Free(i);
            if (!free) break;
            end = head + 1;
            top = head;
        }
        int sentenceFirst = doc.Sentences[doc.Tokens[source.First].Sentence].FirstToken;
        int first = source.First;
        while (first - 1 >= sentenceFirst && Free(first - 1) && DependencyTree.Within(doc, first - 1, top)
            && !(stopAtPreposition && doc.Tokens[first - 1].Relation == "case" && doc.Tokens[first - 1].Head == top)) first--;
        return source with { First = first, End = end };
    }

    /// <summary>The token's relation, with an "nsubjpass" whose verb has no passive auxiliary read as "nsubj" when <paramref name="passiveNeedsAuxiliary"/>.</summary>
    private static string? SubjectRelation(Document doc, int i, bool passiveNeedsAuxiliary)
    {
        var token = doc.Tokens[i];
        if (token.Relation != "nsubjpass" || !passiveNeedsAuxiliary || token.Head < 0) return token.Relation;
        return HasPassiveAuxiliary(doc, token.Head, beForms: true) ? "nsubjpass" : "nsubj";
    }

    private static readonly HashSet<string> GetForms = new(StringComparer.OrdinalIgnoreCase) { "get", "gets", "got", "gotten", "getting" };

    /// <summary>
    /// "has been mentioned": whether <paramref name="verb"/> has an "auxpass" child before it (the parser may still call
    /// its subject nsubj), or, with <paramref name="beForms"/>, an "aux" that is a form of "be" or "get".
    /// </summary>
    private static bool HasPassiveAuxiliary(Document doc, int verb, bool beForms = false)
    {
        var sentence = doc.Sentences[doc.Tokens[verb].Sentence];
        for (int i = sentence.FirstToken; i < verb; i++)
        {
            var token = doc.Tokens[i];
            if (token.Head == verb && (token.Relation == "auxpass" || beForms && token.Relation == "aux" && (BeForms.Contains(token.Text) || GetForms.Contains(token.Text)))) return true;
        }
        return false;
    }

    /// <summary>
    /// "The museum, Mr. Obama said, would …": the sentence's unlabelled opening up to the comma before the
    /// source and cue, when the content starts right after a comma that follows them.
    /// </summary>
    private static RoleSpan? OpeningBefore(Document doc, RoleSpan cue, RoleSpan? source, List<RoleSpan> content, bool[] labelled)
    {
        if (content.Count == 0) return null;
        int first = Math.Min(cue.First, source?.First ?? cue.First), end = Math.Max(cue.End, source?.End ?? cue.End);
        if (source is { } s && (s.End < cue.First - 1 || s.First > cue.End + 1)) return null;
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        int contentFirst = content.Min(x => x.First);
        if (end >= sentence.EndToken || doc.Tokens[end].Text != "," || contentFirst != end + 1) return null;
        int comma = first - 1;
        if (comma <= sentence.FirstToken || doc.Tokens[comma].Text != ",") return null;
        int start = sentence.FirstToken;
        while (start < comma && doc.Tokens[start].Shape is TokenShape.Punctuation or TokenShape.OpeningQuote) start++;
        if (start >= comma) return null;
        for (int i = start; i < comma; i++)
            if (labelled[i] || doc.Tokens[i].IsQuote) return null;
        return new RoleSpan(RoleSpan.Content, start, comma);
    }

    /// <summary>
    /// See <see cref="AttributionGrouperOptions.DocumentParticiples"/>. Each "verb + document object + participle"
    /// stretch becomes one cue span: cue spans inside it merge into it, content spans lose the part inside it,
    /// and where the labeller marked nothing there the stretch gets a cue and the rest of its clause (to the
    /// first comma) as content.
    /// </summary>
    private static IReadOnlyList<RoleSpan> AddDocumentParticiples(Document doc, IReadOnlyList<RoleSpan> spans)
    {
        // The labeller's spans are in text order and apart, and each change below keeps them so, which lets each
        // participle be placed by bisection in the one list. Lists that are not so are left as they are.
        if (!InOrderApart(spans)) return spans;
        var result = spans.ToList();
        for (int verb = 0; verb < doc.Tokens.Count; verb++)
        {
            if (doc.Tokens[verb].Tag is not { } tag || !tag.StartsWith("VB", StringComparison.Ordinal)) continue;
            int end = DocumentParticipleEnd(doc, verb);
            if (end >= 0 && PlaceParticiple(doc, result, verb, end)) verb = end - 1;
        }
        return result;
    }

    /// <summary>
    /// Makes [<paramref name="verb"/>, <paramref name="end"/>) one cue in <paramref name="spans"/> (in text order and
    /// apart): cues inside it give way, contents lose the part inside it, and where nothing follows it as content the
    /// rest of its clause becomes content. Returns false, changing nothing, where that stretch stays as labelled.
    /// </summary>
    private static bool PlaceParticiple(Document doc, List<RoleSpan> spans, int verb, int end)
    {
        int first = Bisection.CountBefore(spans.Count, k => spans[k].End <= verb);
        int after = first;
        while (after < spans.Count && spans[after].First < end) after++;
        // A source inside the stretch, or a span running into it from before the verb (the content of an
        // attribution around this one), leaves it as labelled.
        for (int k = first; k < after; k++)
            if (spans[k].Role == RoleSpan.Source || spans[k].First < verb) return false;
        var replacement = new List<RoleSpan> { new(RoleSpan.Cue, verb, end) };
        bool hasContent = false;
        for (int k = first; k < after; k++)
            if (spans[k].Role == RoleSpan.Content && spans[k].End > end) { replacement.Add(spans[k] with { First = end }); hasContent = true; }
        for (int k = after; k < spans.Count && spans[k].First <= end + 1 && !hasContent; k++)
            hasContent = spans[k].Role == RoleSpan.Content;
        if (!hasContent)
        {
            // The rest of the clause: up to the first comma, semicolon or dash, or labelled token.
            var sentence = doc.Sentences[doc.Tokens[verb].Sentence];
            int stop = end;
            while (stop < sentence.EndToken && doc.Tokens[stop].Text is not ("," or ";" or "--" or "—") && !Covered(spans, stop)) stop++;
            stop = TrimPunctuation(doc, end, stop);
            if (stop == end) return false;
            replacement.Add(new RoleSpan(RoleSpan.Content, end, stop));
        }
        spans.RemoveRange(first, after - first);
        spans.InsertRange(first, replacement);
        return true;
    }

    /// <summary>Whether a span of <paramref name="spans"/> (in text order and apart) covers the token.</summary>
    private static bool Covered(List<RoleSpan> spans, int token)
    {
        int k = Bisection.CountBefore(spans.Count, i => spans[i].End <= token);
        return k < spans.Count && spans[k].First <= token;
    }

    /// <summary>Whether the spans come in text order, none empty and none overlapping the next, as <see cref="Spans"/> gives them.</summary>
    private static bool InOrderApart(IReadOnlyList<RoleSpan> spans)
    {
        for (int k = 0; k + 1 < spans.Count; k++)
            if (spans[k].Length == 0 || spans[k].End > spans[k + 1].First) return false;
        return true;
    }

    /// <summary>See <see cref="AttributionGrouperOptions.QuotedAsSaying"/>.</summary>
    private static IReadOnlyList<RoleSpan> QuotedAs(Document doc, IReadOnlyList<RoleSpan> spans)
    {
        List<RoleSpan>? result = null;
        foreach (var cue in spans)
        {
            if (cue.Role != RoleSpan.Cue || cue.First < 2 || doc.Tokens[cue.First - 1].Text != "as"
                || doc.Tokens[cue.First].Text is not ("saying" or "says" or "said")) continue;
            int sentenceFirst = doc.Sentences[doc.Tokens[cue.First].Sentence].FirstToken;
            int quoted = -1;
            for (int i = cue.First - 2; i >= sentenceFirst && i >= cue.First - 20 && quoted < 0; i--)
                if (doc.Tokens[i].Text is "quoted" or "quotes" or "quoting" or "quote") quoted = i;
            if (quoted < 0) continue;
            var current = result ?? spans.ToList();
            if (current.Any(x => x.Role == RoleSpan.Cue && x.First > quoted && x.End <= cue.First)) continue;
            int contentEnd = current.Where(x => x.Role == RoleSpan.Content && x.First >= cue.End && x.First <= cue.End + 1).Select(x => x.End).DefaultIfEmpty(-1).Max();
            if (contentEnd < 0) continue;
            var updated = current.Where(x => x.End <= quoted || x.First >= contentEnd || x.Role == RoleSpan.Source && x.End <= cue.First && x.End <= quoted).ToList();
            updated.Add(new RoleSpan(RoleSpan.Cue, quoted, quoted + 1));
            updated.Add(new RoleSpan(RoleSpan.Content, quoted + 1, contentEnd));
            updated.Sort(RoleSpan.InTextOrder);
            result = updated;
        }
        return result ?? spans;
    }

    private static readonly HashSet<string> ObjectGlue = new(StringComparer.OrdinalIgnoreCase)
        { "a", "an", "the", "its", "his", "her", "their", "our", "this", "new", "open", "joint", "executive", "written", "brief", "short", "long", "lengthy", "on", "late", "earlier", "," };

    /// <summary>
    /// The end of "issued a statement Tuesday saying", "signed a decree ruling out" starting at the verb: its
    /// document object (with determiners, a few adjectives and a day or two) and the participle after it,
    /// with its particle; -1 when the words after the verb are not that.
    /// </summary>
    private static int DocumentParticipleEnd(Document doc, int verb)
    {
        var documents = Hearsay.Stages.Speakers.SourceLexicon.Default.DocumentNouns;
        var sentence = doc.Sentences[doc.Tokens[verb].Sentence];
        int limit = Math.Min(sentence.EndToken, verb + 9);
        bool document = false;
        for (int i = verb + 1; i < limit; i++)
        {
            var token = doc.Tokens[i];
            // The tagger may read "a decree ruling out" as a compound noun.
            bool participle = token.Tag == "VBG" || document && token.Text.EndsWith("ing", StringComparison.Ordinal)
                && documents.Contains(doc.Tokens[i - 1].Text) && i + 1 < sentence.EndToken && doc.Tokens[i + 1].Tag is "RP" or "DT";
            if (participle)
            {
                if (!document) return -1;
                int end = i + 1;
                if (end < sentence.EndToken && doc.Tokens[end].Tag == "RP") end++;
                return end;
            }
            if (documents.Contains(token.Text)) document = true;
            else if (!ObjectGlue.Contains(token.Text) && !Dates.Contains(token.Text) && token.Tag is not ("NNP" or "NN" or "JJ" or "RB" or "RP")) return -1;
        }
        return -1;
    }

    /// <summary>"…, saying …", "…, arguing …": a participle clause whose subject is its head clause's.</summary>
    private static bool IsParticipleClause(Token token) => token.Tag == "VBG" && token.Relation is "advcl" or "xcomp" or "dep" or "parataxis" or "ccomp";

    /// <summary>The subtree of the cue's nsubj/nsubjpass dependent (or its head verb's, for "appeared to suggest"), when it touches no content.</summary>
    private static RoleSpan? SyntacticSubject(Document doc, RoleSpan cue, List<RoleSpan> content, bool participles = false,
        bool chains = false, bool shorten = false)
    {
        if (!doc.Has(Layers.Dependencies)) return null;
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        // The cue's words, then the clauses they hang from (xcomp, conj, participle clauses): one link up, or
        // with chains up to four, each head in turn looked at as the cue's words were.
        var heads = new List<int>();
        for (int t = cue.First; t < cue.End; t++) heads.Add(t);
        int cueWords = heads.Count, maxAdded = chains ? 4 : 1;
        for (int next = 0; next < heads.Count && heads.Count - cueWords < maxAdded; next++)
        {
            if (!chains && next >= cueWords) break;
            var token = doc.Tokens[heads[next]];
            if ((token.Relation is "xcomp" or "conj" || participles && IsParticipleClause(token))
                && token.Head >= 0 && (token.Head < cue.First || token.Head >= cue.End) && !heads.Contains(token.Head))
                heads.Add(token.Head);
        }
        foreach (int head in heads)
        {
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var token = doc.Tokens[i];
                if (token.Head != head || token.Relation is not ("nsubj" or "nsubjpass")) continue;
                var (first, end) = DependencyTree.NounPhrase(doc, i);
                if (end - first > 12 && shorten)
                {
                    // The head's own words: its subtree up to the head, and on to the first comma after it.
                    end = i + 1;
                    while (end < sentence.EndToken && DependencyTree.Within(doc, end, i) && doc.Tokens[end].Text != "," && doc.Tokens[end].Head == i
                           && doc.Tokens[end].Relation is "compound" or "flat" or "name") end++;
                }
                var span = new RoleSpan(RoleSpan.Source, first, end);
                if (Gap(span, cue) == 0 && !(end <= cue.First || first >= cue.End)) return null;
                if (content.Any(x => x.First < end && first < x.End)) return null;
                if (end - first > 12) return null;
                return span;
            }
        }
        if (participles && AclNoun(doc, cue, content) is { } noun) return noun;
        return null;
    }

    /// <summary>"five voters talking about …": the noun a participle cue modifies (acl), with the words before it in its phrase.</summary>
    private static RoleSpan? AclNoun(Document doc, RoleSpan cue, List<RoleSpan> content)
    {
        var verb = doc.Tokens[cue.First];
        if (verb.Tag != "VBG" || verb.Relation != "acl" || verb.Head < 0 || verb.Head >= cue.First) return null;
        int noun = verb.Head, first = noun;
        int sentenceFirst = doc.Sentences[verb.Sentence].FirstToken;
        while (first - 1 >= sentenceFirst && DependencyTree.Within(doc, first - 1, noun)) first--;
        var span = new RoleSpan(RoleSpan.Source, first, noun + 1);
        if (content.Any(x => x.First < span.End && span.First < x.End) || span.Length > 12) return null;
        return span;
    }

    /// <summary>The end of the subtree of the cue's clausal or object dependent that holds the content's first token.</summary>
    private static int? ComplementEnd(Document doc, RoleSpan cue, RoleSpan content)
    {
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        if (doc.Tokens[content.First].Sentence != sentence.Index) return null;
        // The dependent of a cue token whose subtree holds the content's first token.
        int k = content.First, steps = 0, child = -1;
        while (k >= 0 && steps++ < 64)
        {
            int head = doc.Tokens[k].Head;
            if (head >= cue.First && head < cue.End) { child = k; break; }
            k = head;
        }
        if (child < 0 || doc.Tokens[child].Relation is not ("ccomp" or "xcomp" or "dobj" or "advcl" or "parataxis")) return null;
        return TrimPunctuation(doc, content.First, DependencyTree.Subtree(doc, child).End);
    }

    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "while", "although", "though", "if", "when", "once", "because", "since", "as", "after", "before", "until", "unless", "whereas",
    };

    /// <summary>
    /// The content cut where it first leaves the subtree of the cue's head, when what follows holds a verb that
    /// governs the cue (the content ran on into the main clause); null when it stays inside or no such verb follows.
    /// </summary>
    private static RoleSpan? CutAtGoverningClause(Document doc, RoleSpan cue, RoleSpan content, RangeIndex<Quotation> quotations)
    {
        if (content.First < cue.End) return null;
        int head = CueHead(doc, cue);
        if (head < 0) return null;
        int cut = -1;
        for (int i = content.First; i < content.End && cut < 0; i++)
            if (!DependencyTree.Within(doc, i, head)) cut = i;
        // A run-on is set off by punctuation (", foreign policy experts affirm"); a verb the parse hangs elsewhere
        // with no comma before it, or a comma inside a quotation, is more often the parser's error than a run-on.
        if (cut < 0 || doc.Tokens[cut].Text is not ("," or ";" or "-" or "--" or "—" or "–")) return null;
        foreach (var (_, q) in quotations.Around(cut + 1, cut))
        {
            // "… that she's “not a natural politician,” Hillary Clinton had …": the comma closes the quotation too.
            for (int i = cut + 1; i < q.EndToken; i++)
                if (doc.Tokens[i].Shape is not (TokenShape.Punctuation or TokenShape.ClosingQuote)) return null;
            cut = q.EndToken;
            if (cut >= content.End) return null;
        }
        // ", “I'm getting off …”": the labeller's content runs on into the quotation it introduces, which is the
        // content; "that while he opposed Trump, he was …": the clause after the comma completes the content.
        if (cut + 1 < content.End && doc.Tokens[cut + 1].Shape == TokenShape.OpeningQuote) return null;
        for (int i = content.First; i < cut; i++)
            if (Subordinators.Contains(doc.Tokens[i].Text)) return null;
        bool governing = false;
        for (int i = cut; i < content.End && !governing; i++)
            governing = doc.Tokens[i].Tag is { } tag && tag.StartsWith("VB", StringComparison.Ordinal) && DependencyTree.Within(doc, head, i);
        if (!governing) return null;
        int end = doc.Tokens[cut - 1].Shape == TokenShape.ClosingQuote ? cut : TrimPunctuation(doc, content.First, cut);
        while (end > content.First && doc.Tokens[end - 1].Relation is "cc") end = TrimPunctuation(doc, content.First, end - 1);
        return end > content.First ? content with { End = end } : null;
    }

    /// <summary>The cue's head: its first token whose head lies outside the cue; -1 when there is none.</summary>
    private static int CueHead(Document doc, RoleSpan cue)
    {
        for (int i = cue.First; i < cue.End; i++)
            if (doc.Tokens[i].Head is var h && (h < cue.First || h >= cue.End)) return i;
        return -1;
    }

    /// <summary>
    /// Whether the span opens with a preposition whose noun lies inside it ("in the past", "with both outlets"): the
    /// parser's <c>case</c> relation, so "about 50 protesters" and "at least 30" (quantifiers) are not.
    /// </summary>
    private static bool IsPrepositionalPhrase(Document doc, RoleSpan span)
    {
        return span.Length >= 2 && doc.Has(Layers.Dependencies) && DependencyTree.PrepositionObject(doc, span.First, span.End) >= 0;
    }

    /// <summary>The source without the punctuation and quotation marks it starts with; null when nothing else is left.</summary>
    private static RoleSpan? TrimmedSource(Document doc, RoleSpan source)
    {
        static bool Mark(Token t) => t.Shape is TokenShape.Punctuation or TokenShape.OpeningQuote or TokenShape.ClosingQuote;
        int first = source.First, end = source.End;
        while (first < end && Mark(doc.Tokens[first])) first++;
        // Trailing marks stay: the corpus draws "Kerr Putney, the police chief," with its comma.
        return first == end ? null : first == source.First ? source : source with { First = first };
    }

    internal static int TrimPunctuation(Document doc, int first, int end)
    {
        while (end > first && doc.Tokens[end - 1].Shape is TokenShape.Punctuation) end--;
        return end;
    }

    /// <summary>"… said X and added Y": the later cue follows "and" (or a comma) after the earlier attribution.</summary>
    private static bool ConjoinedAfter(Document doc, RoleSpan earlier, RoleSpan later)
    {
        for (int i = later.First - 1; i >= earlier.End && i >= later.First - 3; i--)
        {
            string t = doc.Tokens[i].Text;
            if (t is "and" or "but" or "then" or "," or "also") return true;
        }
        return false;
    }

    /// <summary>The document's quotations by their token spans (as ranges of token indices).</summary>
    private static RangeIndex<Quotation> QuotationIndex(Document doc) =>
        new(doc.Quotations.Select(q => (new TextRange(q.FirstToken, q.EndToken), q)));

    /// <summary>The quotations that hold all of <paramref name="span"/>.</summary>
    private static List<Quotation> QuotationsAround(RangeIndex<Quotation> quotations, RoleSpan span) =>
        quotations.Around(span.First + 1, span.End - 1).Select(e => e.Value).ToList();

    /// <summary>Whether one of <paramref name="quotations"/> also covers part of the cue's sentence.</summary>
    private static bool ReachSentence(Document doc, List<Quotation> quotations, RoleSpan cue)
    {
        var sentence = doc.Sentences[doc.Tokens[cue.First].Sentence];
        foreach (var q in quotations)
            if (q.FirstToken < sentence.EndToken && sentence.FirstToken < q.EndToken) return true;
        return false;
    }

    private static bool SharesSentence(Document doc, RoleSpan span, RoleSpan cue)
    {
        int sentence = doc.Tokens[cue.First].Sentence;
        return doc.Tokens[span.First].Sentence <= sentence && doc.Tokens[span.End - 1].Sentence >= sentence;
    }

    /// <summary>Whether another cue lies wholly between the span and the cue (searched by bisection when <paramref name="ordered"/>).</summary>
    private static bool CueBetween(List<RoleSpan> cues, bool ordered, RoleSpan span, RoleSpan cue)
    {
        int from = Math.Min(span.End, cue.End), to = Math.Max(span.First, cue.First);
        if (!ordered)
        {
            foreach (var other in cues)
                if (other != cue && other.First >= from && other.End <= to) return true;
            return false;
        }
        int lo = Bisection.CountBefore(cues.Count, at => cues[at].First < from);
        for (int k = lo; k < cues.Count && cues[k].First < to; k++)
            if (cues[k] != cue && cues[k].End <= to) return true;
        return false;
    }

    /// <summary>The first cue that may lie within <paramref name="maxGap"/> tokens of the span (0 when the cues are not ordered).</summary>
    private static int FirstInReach(int[]? cueEnds, RoleSpan span, int maxGap)
    {
        if (cueEnds is null) return 0;
        long least = (long)span.First - maxGap;
        int lo = Bisection.CountBefore(cueEnds.Length, at => cueEnds[at] < least);
        return lo;
    }

    private static AttributionKind KindOf(Document doc, List<RoleSpan> content)
    {
        int quoted = 0, total = 0;
        foreach (var span in content)
            for (int i = span.First; i < span.End; i++)
            {
                total++;
                if (doc.Tokens[i].IsQuote) quoted++;
            }
        if (quoted == 0) return AttributionKind.Indirect;
        var first = doc.Tokens[content[0].First];
        var last = doc.Tokens[content[^1].End - 1];
        bool enclosed = first.Shape == TokenShape.OpeningQuote && last.Shape == TokenShape.ClosingQuote
            || first.Shape == TokenShape.OpeningQuote && last.Shape is TokenShape.Punctuation;
        return enclosed ? AttributionKind.Direct : AttributionKind.Mixed;
    }

    internal static TextRange Range(Document doc, RoleSpan span) =>
        new(doc.Tokens[span.First].Range.Start, doc.Tokens[span.End - 1].Range.End);
}
