using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// A greedy left-to-right named-entity tagger with BILOU labels over four types (PERSON, ORGANIZATION,
/// LOCATION, MISC): an averaged perceptron over word, shape, affix, part-of-speech and previous-label
/// features, plus a document memory (the type last given to the same word earlier in the document).
/// Decoding only allows well-formed label sequences. Read-only once built; safe to share across threads.
/// </summary>
public sealed class NerModel
{
    public const string Kind = "ner";
    internal const int MaxFeatures = 48;
    public static readonly string[] Types = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];
    public const string Outside = "O";
    /// <summary>Number of labels: O, then B, I, L, U for each type.</summary>
    public static readonly int LabelCount = 1 + 4 * Types.Length;

    internal NerModel(LinearModel weights) => Weights = weights;

    internal LinearModel Weights { get; }
    public int FeatureCount => Weights.FeatureCount;

    /// <summary>Label layout: 0 = O; 1 + 4t + {0: B, 1: I, 2: L, 3: U} for type t.</summary>
    internal static int TypeOf(int label) => label == 0 ? -1 : (label - 1) / 4;
    internal static int PartOf(int label) => label == 0 ? -1 : (label - 1) % 4;
    internal static int Label(int type, int part) => 1 + 4 * type + part;

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (-1 = sentence start) at a position that is or is not the last.</summary>
    internal static bool Allowed(int previous, int label, bool last)
    {
        bool open = previous > 0 && PartOf(previous) is 0 or 1;        // after B or I the entity must continue
        int part = PartOf(label);
        if (open) return TypeOf(label) == TypeOf(previous) && part is 1 or 2 && !(last && part == 1);
        if (part is 1 or 2) return false;                                // I or L needs an open entity
        return !(last && part == 0);
    }

    /// <summary>
    /// Labels one sentence. <paramref name="tags"/> are hashes of the Penn tags (<see cref="FeatureHash.Of(ReadOnlySpan{char})"/>);
    /// <paramref name="memory"/> is the per-document memory (word hash -> type + 1), updated as it goes;
    /// <paramref name="types"/> receives the entity type per token (-1 for O).
    /// </summary>
    public void Recognize(ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Dictionary<ulong, int> memory, Span<int> types, Span<float> scores)
    {
        Span<uint> features = stackalloc uint[MaxFeatures];
        Span<int> labels = words.Length <= 256 ? stackalloc int[words.Length] : new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            int n = Extract(words, tags, labels, memory, i, features);
            Weights.Score(features[..n], scores);
            labels[i] = Best(scores, i > 0 ? labels[i - 1] : -1, i == words.Length - 1);
            types[i] = TypeOf(labels[i]);
        }
        Remember(words, labels, memory);
    }

    internal static int Best(ReadOnlySpan<float> scores, int previous, bool last)
    {
        int best = -1;
        for (int c = 0; c < LabelCount; c++)
            if (Allowed(previous, c, last) && (best < 0 || scores[c] > scores[best])) best = c;
        return best;
    }

    internal static void Remember(ReadOnlySpan<WordFeatures> words, ReadOnlySpan<int> labels, Dictionary<ulong, int> memory)
    {
        for (int i = 0; i < words.Length; i++)
            if (words[i].Capitalized) memory[words[i].Word] = TypeOf(labels[i]) + 1;
    }

    private static readonly WordFeatures[] PaddingArray = [WordFeatures.Padding(-1), WordFeatures.Padding(-2), WordFeatures.Padding(1), WordFeatures.Padding(2)];
    private const ulong StartLabel = 1_000_003, PadTag = 1_000_004;

    internal static int Extract(ReadOnlySpan<WordFeatures> w, ReadOnlySpan<ulong> tags, ReadOnlySpan<int> labels, Dictionary<ulong, int> memory, int i, Span<uint> f)
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
        ulong l1 = i >= 1 ? (ulong)labels[i - 1] : StartLabel;
        ulong l2 = i >= 2 ? (ulong)labels[i - 2] : StartLabel;
        ulong remembered = memory.TryGetValue(c.Word, out int m) ? (ulong)m : 99;
        ulong rememberedNext = i + 1 < w.Length && memory.TryGetValue(n1.Word, out int mn) ? (ulong)mn : 99;
        ulong rememberedPrevious = i >= 1 && memory.TryGetValue(p1.Word, out int mp) ? (ulong)mp : 99;
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
        f[k++] = FeatureHash.Feature(113, l1);
        f[k++] = FeatureHash.Feature(114, l1, l2);
        f[k++] = FeatureHash.Feature(115, l1, c.Word);
        f[k++] = FeatureHash.Feature(116, l1, c.Shape);
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
        f[k++] = FeatureHash.Feature(128, l1, t0);
        f[k++] = FeatureHash.Feature(129, l1, p1.Word);
        f[k++] = FeatureHash.Feature(130, c.Suffix2);
        f[k++] = FeatureHash.Feature(131, n1.Word, n2.Lower);
        f[k++] = FeatureHash.Feature(132, p1.Lower, p2.Lower);
        f[k++] = FeatureHash.Feature(133, t0, n1.Shape);
        f[k++] = FeatureHash.Feature(134, rememberedNext);
        f[k++] = FeatureHash.Feature(135, rememberedPrevious, l1);
        f[k++] = FeatureHash.Feature(136, remembered, l1);
        f[k++] = FeatureHash.Feature(137, n1.Shape, n2.Shape);
        f[k++] = FeatureHash.Feature(138, p1.Suffix3);
        f[k++] = FeatureHash.Feature(139, n1.Suffix3);
        f[k++] = FeatureHash.Feature(140, c.Lower, t0, l1);
        f[k++] = FeatureHash.Feature(141, l1, n1.Word);
        return k;
    }

    public void Save(Stream output) => ModelFile.Write(output, Kind, w =>
    {
        ModelFile.WriteStrings(w, Types);
        Weights.Write(w);
    });

    public static NerModel Load(Stream input) => ModelFile.Read(input, Kind, r =>
    {
        var types = ModelFile.ReadStrings(r);
        if (!types.SequenceEqual(Types)) throw new InvalidDataException("Unexpected entity types in the NER model.");
        return new NerModel(LinearModel.Read(r));
    });
}
