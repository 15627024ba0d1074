using Hearsay.Nlp;

namespace Hearsay.Stages.Tagging;

/// <summary>
/// A greedy left-to-right Penn Treebank part-of-speech tagger: an averaged perceptron over hashed
/// word, affix, shape and previous-tag features, plus a lexicon of frequent unambiguous words.
/// Read-only once built; safe to share across threads.
/// </summary>
public sealed class PosModel
{
    public const string Kind = "pos";
    internal const int MaxFeatures = 32;
    private static readonly ulong[] StartTags = [1_000_001, 1_000_002];

    private readonly string[] _tags;
    private readonly Dictionary<ulong, int> _lexicon;

    internal PosModel(string[] tags, LinearModel weights, Dictionary<ulong, int> lexicon)
    {
        _tags = tags;
        Weights = weights;
        _lexicon = lexicon;
    }

    public IReadOnlyList<string> Tags => _tags;
    internal LinearModel Weights { get; }
    public int LexiconSize => _lexicon.Count;
    public int FeatureCount => Weights.FeatureCount;

    /// <summary>Tags a sentence of PTB-form words.</summary>
    public string[] Tag(IReadOnlyList<string> forms)
    {
        var words = new WordFeatures[forms.Count];
        for (int i = 0; i < words.Length; i++) WordFeatures.Compute(forms[i], out words[i]);
        var tags = new int[words.Length];
        Tag(words, tags, new float[Weights.Stride]);
        return tags.Select(t => _tags[t]).ToArray();
    }

    /// <summary>Tags a sentence; <paramref name="scores"/> is scratch space of length <see cref="LinearModel.Stride"/>.</summary>
    public void Tag(ReadOnlySpan<WordFeatures> words, Span<int> tags, Span<float> scores)
    {
        Span<uint> features = stackalloc uint[MaxFeatures];
        for (int i = 0; i < words.Length; i++)
        {
            if (_lexicon.TryGetValue(words[i].Word, out int known)) { tags[i] = known; continue; }
            int n = Extract(words, i, tags, features);
            Weights.Score(features[..n], scores);
            tags[i] = ArgMax(scores[.._tags.Length]);
        }
    }

    public string TagName(int tag) => _tags[tag];

    internal bool TryLexicon(ulong word, out int tag) => _lexicon.TryGetValue(word, out tag);

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>The features of position <paramref name="i"/>, given the tags already chosen before it.</summary>
    internal static int Extract(ReadOnlySpan<WordFeatures> w, int i, ReadOnlySpan<int> tags, Span<uint> f)
    {
        ref readonly var c = ref w[i];
        var pad = Padding;
        ref readonly var p1 = ref i >= 1 ? ref w[i - 1] : ref pad[0];
        ref readonly var p2 = ref i >= 2 ? ref w[i - 2] : ref pad[1];
        ref readonly var n1 = ref i + 1 < w.Length ? ref w[i + 1] : ref pad[2];
        ref readonly var n2 = ref i + 2 < w.Length ? ref w[i + 2] : ref pad[3];
        ulong t1 = i >= 1 ? (ulong)tags[i - 1] : StartTags[0];
        ulong t2 = i >= 2 ? (ulong)tags[i - 2] : StartTags[1];
        int k = 0;
        f[k++] = FeatureHash.Feature(0);
        f[k++] = FeatureHash.Feature(1, c.Suffix3);
        f[k++] = FeatureHash.Feature(2, c.Prefix1);
        f[k++] = FeatureHash.Feature(3, t1);
        f[k++] = FeatureHash.Feature(4, t2);
        f[k++] = FeatureHash.Feature(5, t1, t2);
        f[k++] = FeatureHash.Feature(6, c.Lower);
        f[k++] = FeatureHash.Feature(7, t1, c.Lower);
        f[k++] = FeatureHash.Feature(8, p1.Lower);
        f[k++] = FeatureHash.Feature(9, p1.Suffix3);
        f[k++] = FeatureHash.Feature(10, p2.Lower);
        f[k++] = FeatureHash.Feature(11, n1.Lower);
        f[k++] = FeatureHash.Feature(12, n1.Suffix3);
        f[k++] = FeatureHash.Feature(13, n2.Lower);
        f[k++] = FeatureHash.Feature(14, c.Shape);
        f[k++] = FeatureHash.Feature(15, c.Suffix1);
        f[k++] = FeatureHash.Feature(16, c.Suffix2);
        f[k++] = FeatureHash.Feature(17, c.Suffix4);
        f[k++] = FeatureHash.Feature(18, c.Prefix3);
        f[k++] = FeatureHash.Feature(19, c.Word);
        f[k++] = FeatureHash.Feature(20, c.Lower, n1.Lower);
        f[k++] = FeatureHash.Feature(21, p1.Lower, c.Lower);
        f[k++] = FeatureHash.Feature(22, t1, c.Suffix3);
        f[k++] = FeatureHash.Feature(23, n1.Shape);
        f[k++] = FeatureHash.Feature(24, (ulong)(i == 0 ? 1 : 0), c.Shape);
        f[k++] = FeatureHash.Feature(25, p1.Shape, c.Shape, n1.Shape);
        f[k++] = FeatureHash.Feature(26, t1, n1.Lower);
        f[k++] = FeatureHash.Feature(27, n1.Suffix2);
        return k;
    }

    private static readonly WordFeatures[] PaddingArray = [WordFeatures.Padding(-1), WordFeatures.Padding(-2), WordFeatures.Padding(1), WordFeatures.Padding(2)];
    private static ReadOnlySpan<WordFeatures> Padding => PaddingArray;

    public void Save(Stream output) => ModelFile.Write(output, Kind, w =>
    {
        ModelFile.WriteStrings(w, _tags);
        w.Write(_lexicon.Count);
        foreach (var (word, tag) in _lexicon.OrderBy(e => e.Key)) { w.Write(word); w.Write((byte)tag); }
        Weights.Write(w);
    });

    public static PosModel Load(Stream input) => ModelFile.Read(input, Kind, r =>
    {
        var tags = ModelFile.ReadStrings(r);
        int n = r.ReadInt32();
        var lexicon = new Dictionary<ulong, int>(n);
        for (int i = 0; i < n; i++) { ulong word = r.ReadUInt64(); lexicon[word] = r.ReadByte(); }
        return new PosModel(tags, LinearModel.Read(r), lexicon);
    });
}
