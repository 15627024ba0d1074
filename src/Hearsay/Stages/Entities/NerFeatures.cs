using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// The feature templates of <see cref="NerModel"/>. Emission features describe a token and its context
/// (words, shapes, affixes, tags, word clusters, gazetteer matches, the document memory) and are scored
/// once per token; transition features pair the previous label with a little of the token and are
/// scored once per (token, previous label), which is what lets the decoder search whole sequences.
/// </summary>
internal static class NerFeatures
{
    public const int MaxEmission = 80, MaxGazetteer = 16, MaxTransition = 2;

    private static readonly WordFeatures[] PaddingArray = [WordFeatures.Padding(-1), WordFeatures.Padding(-2), WordFeatures.Padding(1), WordFeatures.Padding(2)];
    private const ulong StartLabel = 1_000_003, PadTag = 1_000_004, PadCluster = 1_000_005, Forgotten = 99;

    /// <summary>The transition feature that depends on the previous label alone (-1 = sentence start): the same for every token.</summary>
    public static uint TransitionBias(int previous) => FeatureHash.Feature(113, previous < 0 ? StartLabel : (ulong)previous);

    /// <summary>
    /// Transition features of token <paramref name="i"/> after label <paramref name="previous"/> (-1 = sentence start):
    /// <see cref="TransitionBias"/> first, then those that also look at the token.
    /// </summary>
    public static int Transition(ReadOnlySpan<WordFeatures> w, ReadOnlySpan<ulong> tags, int i, int previous, Span<uint> f)
    {
        ulong p = previous < 0 ? StartLabel : (ulong)previous;
        f[0] = TransitionBias(previous);
        f[1] = FeatureHash.Feature(116, p, w[i].Shape, tags[i]);
        return MaxTransition;
    }

    /// <summary>
    /// Emission features of token <paramref name="i"/>. <paramref name="clusters"/> holds the cluster code of
    /// every token; <paramref name="gazetteer"/> the token's gazetteer features (see <see cref="Gazetteer"/>).
    /// </summary>
    public static int Emission(ReadOnlySpan<WordFeatures> w, ReadOnlySpan<ulong> tags, ReadOnlySpan<ulong> clusters, Dictionary<ulong, int> memory,
        ReadOnlySpan<uint> gazetteer, int i, Span<uint> f)
    {
        ReadOnlySpan<WordFeatures> pad = PaddingArray;
        ref readonly var c = ref w[i];
        ref readonly var p1 = ref i >= 1 ? ref w[i - 1] : ref pad[0];
        ref readonly var p2 = ref i >= 2 ? ref w[i - 2] : ref pad[1];
        ref readonly var n1 = ref i + 1 < w.Length ? ref w[i + 1] : ref pad[2];
        ref readonly var n2 = ref i + 2 < w.Length ? ref w[i + 2] : ref pad[3];
        ulong t0 = tags[i];
        ulong tp = i >= 1 ? tags[i - 1] : PadTag;
        ulong tn = i + 1 < w.Length ? tags[i + 1] : PadTag;
        ulong k0 = clusters[i];
        ulong kp = i >= 1 ? clusters[i - 1] : PadCluster;
        ulong kn = i + 1 < w.Length ? clusters[i + 1] : PadCluster;
        ulong remembered = memory.TryGetValue(c.Word, out int m) ? (ulong)m : Forgotten;
        ulong rememberedNext = i + 1 < w.Length && memory.TryGetValue(n1.Word, out int mn) ? (ulong)mn : Forgotten;
        ulong rememberedPrevious = i >= 1 && memory.TryGetValue(p1.Word, out int mp) ? (ulong)mp : Forgotten;
        int k = 0;
        f[k++] = FeatureHash.Feature(100);
        f[k++] = FeatureHash.Feature(101, c.Word);
        f[k++] = FeatureHash.Feature(102, c.Lower);
        f[k++] = FeatureHash.Feature(103, p1.Lower);
        f[k++] = FeatureHash.Feature(104, n1.Lower);
        f[k++] = FeatureHash.Feature(105, p2.Lower);
        f[k++] = FeatureHash.Feature(106, n2.Lower);
        f[k++] = FeatureHash.Feature(107, c.Shape);
        f[k++] = FeatureHash.Feature(108, p1.Shape);
        f[k++] = FeatureHash.Feature(109, n1.Shape);
        f[k++] = FeatureHash.Feature(110, t0);
        f[k++] = FeatureHash.Feature(111, tp);
        f[k++] = FeatureHash.Feature(112, tn);
        f[k++] = FeatureHash.Feature(117, c.Suffix3);
        f[k++] = FeatureHash.Feature(118, c.Prefix3);
        f[k++] = FeatureHash.Feature(119, c.Suffix4);
        f[k++] = FeatureHash.Feature(120, p1.Word, c.Word);
        f[k++] = FeatureHash.Feature(121, c.Word, n1.Word);
        f[k++] = FeatureHash.Feature(122, c.Word, t0);
        f[k++] = FeatureHash.Feature(123, remembered);
        f[k++] = FeatureHash.Feature(124, remembered, c.Shape);
        f[k++] = FeatureHash.Feature(125, p1.Shape, c.Shape, n1.Shape);
        f[k++] = FeatureHash.Feature(126, tp, t0, tn);
        f[k++] = FeatureHash.Feature(127, (ulong)(i == 0 ? 1 : 0), c.Shape);
        f[k++] = FeatureHash.Feature(129, p1.Word);
        f[k++] = FeatureHash.Feature(130, c.Suffix2);
        f[k++] = FeatureHash.Feature(131, n1.Word, n2.Lower);
        f[k++] = FeatureHash.Feature(132, p1.Lower, p2.Lower);
        f[k++] = FeatureHash.Feature(133, t0, n1.Shape);
        f[k++] = FeatureHash.Feature(134, rememberedNext);
        f[k++] = FeatureHash.Feature(135, rememberedPrevious);
        f[k++] = FeatureHash.Feature(136, remembered, t0);
        f[k++] = FeatureHash.Feature(137, n1.Shape, n2.Shape);
        f[k++] = FeatureHash.Feature(138, p1.Suffix3);
        f[k++] = FeatureHash.Feature(139, n1.Suffix3);
        f[k++] = FeatureHash.Feature(140, c.Lower, t0);
        f[k++] = FeatureHash.Feature(141, n1.Word);
        f[k++] = FeatureHash.Feature(160, WordClusters.Prefix(k0, 4));
        f[k++] = FeatureHash.Feature(161, WordClusters.Prefix(k0, 8));
        f[k++] = FeatureHash.Feature(162, WordClusters.Prefix(k0, 12));
        f[k++] = FeatureHash.Feature(163, k0);
        f[k++] = FeatureHash.Feature(164, WordClusters.Prefix(kp, 8));
        f[k++] = FeatureHash.Feature(165, WordClusters.Prefix(kn, 8));
        f[k++] = FeatureHash.Feature(166, WordClusters.Prefix(k0, 8), t0);
        f[k++] = FeatureHash.Feature(167, WordClusters.Prefix(kp, 6), WordClusters.Prefix(k0, 6));
        foreach (uint g in gazetteer) f[k++] = g;
        return k;
    }

    /// <summary>
    /// The gazetteer features of every token of a sentence, from its matches: for each match covering a token,
    /// the token's place in the match (B, I, L or U) with the match's most frequent type, that type's share of
    /// the sequence's occurrences and its frequency; and the longest match with its length.
    /// </summary>
    public static void Gazetteer(List<Gazetteer.Match> matches, int n, Span<uint> features, Span<int> counts)
    {
        counts[..n].Clear();
        Span<int> longest = n <= 256 ? stackalloc int[n] : new int[n];
        longest.Fill(-1);
        for (int m = 0; m < matches.Count; m++)
        {
            var (start, length, entry) = matches[m];
            int type = 0;
            for (int t = 1; t < entry.TypeCounts.Length; t++) if (entry.TypeCounts[t] > entry.TypeCounts[type]) type = t;
            ulong share = ShareBucket(entry.TypeCounts[type], entry.Occurrences);
            ulong entityShare = ShareBucket(entry.EntityCount, entry.Occurrences);
            ulong frequency = (ulong)Math.Min(5, System.Numerics.BitOperations.Log2((uint)entry.TypeCounts[type] + 1));
            for (int i = start; i < start + length; i++)
            {
                if (longest[i] < 0 || matches[longest[i]].Length < length) longest[i] = m;
                if (counts[i] + 3 > MaxGazetteer - 1) continue;
                ulong part = PartIn(i, start, length);
                var f = features.Slice(i * MaxGazetteer);
                f[counts[i]++] = FeatureHash.Feature(150, (ulong)type, part, share);
                f[counts[i]++] = FeatureHash.Feature(151, (ulong)type, part, frequency);
                f[counts[i]++] = FeatureHash.Feature(152, part, entityShare);
            }
        }
        for (int i = 0; i < n; i++)
        {
            if (longest[i] < 0) continue;
            var (start, length, entry) = matches[longest[i]];
            int type = 0;
            for (int t = 1; t < entry.TypeCounts.Length; t++) if (entry.TypeCounts[t] > entry.TypeCounts[type]) type = t;
            features[i * MaxGazetteer + counts[i]++] = FeatureHash.Feature(153, (ulong)type, PartIn(i, start, length),
                (ulong)Math.Min(length, 4) << 8 | ShareBucket(entry.TypeCounts[type], entry.Occurrences));
        }
    }

    private static ulong PartIn(int i, int start, int length) =>
        length == 1 ? 3UL : i == start ? 0UL : i == start + length - 1 ? 2UL : 1UL;

    private static ulong ShareBucket(int count, int occurrences)
    {
        double share = occurrences == 0 ? 0 : (double)count / occurrences;
        return share >= 0.95 ? 4UL : share >= 0.75 ? 3UL : share >= 0.5 ? 2UL : share >= 0.2 ? 1UL : 0UL;
    }
}
