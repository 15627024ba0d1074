using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// Scores one article's system attributions against gold. Characters are UTF-16 positions of
/// <c>text</c>; whitespace never counts (see <see cref="ScoringText"/>).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Role overlap: the characters that some gold attribution gives the role, those some system
/// attribution gives it, and those in both. P = both / system, R = both / gold.</item>
/// <item>Role exact match: per attribution that has the role, its role characters (all fragments
/// together) against those of every attribution on the other side; a system attribution matches when
/// some gold attribution's role has exactly its characters, and the other way round for recall.</item>
/// <item>Attributions: gold and system are paired one to one by content, greedily, highest Dice
/// coefficient first (ties: earlier gold, then earlier system), pairs below 0.5 never. A pair counts when
/// the cues share a character (or both have none) and the sources share a character (or both have
/// none). P = counted pairs / system attributions, R = counted pairs / gold attributions.</item>
/// <item>Direct quotes: gold attributions whose content is a direct quote (<see cref="DirectQuote"/>); found
/// when paired, with the correct speaker when the pair's sources overlap (or both are absent).</item>
/// </list>
/// Given an <c>errors</c> list, the scorer adds one tab-separated line per gold attribution it does not count
/// correct (<c>missed</c>, <c>wrong-source</c>, <c>wrong-cue</c>, <c>wrong-cue+source</c>) and per unpaired system
/// attribution (<c>spurious</c>): article, kind, <c>direct</c> or <c>-</c>, the gold and the system attribution
/// as <c>[source] &lt;cue&gt; «content» @start-end</c>. <c>systemCorrect</c> and <c>goldOutcome</c>, given arrays
/// as long as the system and the gold attributions, receive whether each system attribution is a counted pair
/// and each gold attribution's outcome (<c>right</c>, one of the wrong kinds above, or null when unpaired).
/// </remarks>
public static class AttributionScorer
{
    public const double PairingThreshold = 0.5;

    public static ArticleScore Score(string text, IReadOnlyList<AttributionSpans> gold, IReadOnlyList<AttributionSpans> system,
        string article = "", string? annotator = null, List<string>? errors = null,
        Func<int, int, (SpeakerReference.Outcome, SpeakerReference.Basis)>? speakers = null, bool[]? systemCorrect = null, string?[]? goldOutcome = null)
    {
        var scoring = new ScoringText(text);
        var g = gold.Select(a => Sets(scoring, a)).ToArray();
        var s = system.Select(a => Sets(scoring, a)).ToArray();

        var roles = new RoleScore[3];
        foreach (var role in Enum.GetValues<Role>())
        {
            int r = (int)role;
            var goldUnion = scoring.Set(gold.SelectMany(a => a.Role(role)));
            var systemUnion = scoring.Set(system.SelectMany(a => a.Role(role)));
            var overlap = Prf.Symmetric(scoring.Intersection(goldUnion, systemUnion), systemUnion.Count, goldUnion.Count);

            var goldSpans = g.Select(x => x[r]).Where(x => !x.IsEmpty).ToList();
            var systemSpans = s.Select(x => x[r]).Where(x => !x.IsEmpty).ToList();
            var goldSet = goldSpans.ToHashSet();
            var systemSet = systemSpans.ToHashSet();
            var exact = new Prf(systemSpans.Count(goldSet.Contains), systemSpans.Count, goldSpans.Count(systemSet.Contains), goldSpans.Count);
            roles[r] = new RoleScore(overlap, exact);
        }

        var pairs = Pair(scoring, g, s);
        int matched = 0;
        var direct = default(DirectQuoteScore);
        var resolution = default(ResolutionScore);
        var pairedWith = new int[g.Length];
        Array.Fill(pairedWith, -1);
        var outcome = new string?[g.Length];
        foreach (var (gi, si) in pairs)
        {
            pairedWith[gi] = si;
            bool cue = Agree(scoring, g[gi][(int)Role.Cue], s[si][(int)Role.Cue]);
            bool source = Agree(scoring, g[gi][(int)Role.Source], s[si][(int)Role.Source]);
            if (cue && source) matched++;
            if (systemCorrect is not null) systemCorrect[si] = cue && source;
            if (cue && source && speakers is not null && speakers(gi, si) is var (verdict, basis) && verdict != SpeakerReference.Outcome.NotApplicable)
                resolution += ResolutionScore.One(basis, verdict == SpeakerReference.Outcome.Correct);
            outcome[gi] = cue ? source ? null : "wrong-source" : source ? "wrong-cue" : "wrong-cue+source";
            if (goldOutcome is not null) goldOutcome[gi] = outcome[gi] ?? "right";
        }
        var isDirect = new bool[g.Length];
        for (int gi = 0; gi < g.Length; gi++)
        {
            isDirect[gi] = DirectQuote.IsDirectQuote(text, gold[gi].Content);
            if (!isDirect[gi]) continue;
            int si = pairedWith[gi];
            bool found = si >= 0;
            bool speaker = found && Agree(scoring, g[gi][(int)Role.Source], s[si][(int)Role.Source]);
            direct += new DirectQuoteScore(1, found ? 1 : 0, speaker ? 1 : 0);
        }

        if (errors is not null)
        {
            string name = annotator is null ? article : $"{article}/{annotator}";
            for (int gi = 0; gi < g.Length; gi++)
            {
                int si = pairedWith[gi];
                string? kind = si < 0 ? "missed" : outcome[gi];
                if (kind is null) continue;
                errors.Add($"{name}\t{kind}\t{(isDirect[gi] ? "direct" : "-")}\tgold: {Describe(text, gold[gi])}\tsystem: {(si < 0 ? "-" : Describe(text, system[si]))}");
            }
            var systemPaired = new bool[s.Length];
            foreach (var (_, si) in pairs) systemPaired[si] = true;
            for (int si = 0; si < s.Length; si++)
                if (!systemPaired[si])
                    errors.Add($"{name}\tspurious\t-\tgold: -\tsystem: {Describe(text, system[si])}");
        }

        return new ArticleScore(article, annotator,
            roles[(int)Role.Source], roles[(int)Role.Cue], roles[(int)Role.Content],
            Prf.Symmetric(matched, system.Count, gold.Count), pairs.Count, direct) { Resolution = resolution };
    }

    /// <summary>The one-to-one pairs (gold index, system index) by content Dice ≥ 0.5, best first.</summary>
    public static List<(int Gold, int System)> Pair(ScoringText scoring, CharacterSet[][] gold, CharacterSet[][] system)
    {
        const int content = (int)Role.Content;
        var candidates = new List<(double Dice, int Gold, int System)>();
        for (int gi = 0; gi < gold.Length; gi++)
        {
            var gc = gold[gi][content];
            if (gc.IsEmpty) continue;
            for (int si = 0; si < system.Length; si++)
            {
                var sc = system[si][content];
                if (sc.IsEmpty) continue;
                double dice = scoring.Dice(gc, sc);
                if (dice >= PairingThreshold) candidates.Add((dice, gi, si));
            }
        }
        candidates.Sort((a, b) =>
        {
            int c = b.Dice.CompareTo(a.Dice);
            if (c != 0) return c;
            c = a.Gold.CompareTo(b.Gold);
            return c != 0 ? c : a.System.CompareTo(b.System);
        });
        var goldTaken = new bool[gold.Length];
        var systemTaken = new bool[system.Length];
        var pairs = new List<(int, int)>();
        foreach (var (_, gi, si) in candidates)
        {
            if (goldTaken[gi] || systemTaken[si]) continue;
            goldTaken[gi] = systemTaken[si] = true;
            pairs.Add((gi, si));
        }
        return pairs;
    }

    /// <summary>The character sets of an attribution's roles, indexed by <see cref="Role"/>.</summary>
    public static CharacterSet[] Sets(ScoringText scoring, AttributionSpans attribution) =>
    [
        scoring.Set(attribution.Source),
        scoring.Set(attribution.Cue),
        scoring.Set(attribution.Content),
    ];

    /// <summary>An attribution in one line: <c>[source] &lt;cue&gt; «content» @start-end</c> (the content's, or the cue's when there is no content), long content shortened.</summary>
    public static string Describe(string text, AttributionSpans attribution)
    {
        static string Slice(string text, IReadOnlyList<TextRange> ranges, int max)
        {
            var joined = string.Join(" … ", ranges.Select(r => text[Math.Clamp(r.Start, 0, text.Length)..Math.Clamp(r.End, 0, text.Length)]))
                .ReplaceLineEndings(" ").Replace('\t', ' ');
            return joined.Length <= max ? joined : joined[..(max - 1)] + "…";
        }
        string source = attribution.Source.Count == 0 ? "-" : Slice(text, attribution.Source, 60);
        string cue = attribution.Cue.Count == 0 ? "-" : Slice(text, attribution.Cue, 40);
        var anchor = attribution.Content.Count > 0 ? attribution.Content : attribution.Cue;
        string at = anchor.Count > 0 ? $"{anchor[0].Start}-{anchor[^1].End}" : "0-0";
        return $"[{source}] <{cue}> «{Slice(text, attribution.Content, 120)}» @{at}";
    }

    /// <summary>Both empty, or sharing at least one character.</summary>
    private static bool Agree(ScoringText scoring, CharacterSet gold, CharacterSet system) =>
        gold.IsEmpty ? system.IsEmpty : scoring.Overlap(gold, system);
}
