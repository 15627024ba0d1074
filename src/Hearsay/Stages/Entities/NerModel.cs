using System.Collections.Concurrent;
using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// A named-entity tagger with BILOU labels over four types (PERSON, ORGANIZATION, LOCATION, MISC): an
/// averaged perceptron over word, shape, affix, part-of-speech, word-cluster and gazetteer features plus a
/// document memory (the type last given to the same word earlier in the document), and first-order
/// transition features; Viterbi decoding finds the best well-formed label sequence of each sentence.
/// Read-only once built; safe to share across threads.
/// </summary>
public sealed class NerModel
{
    public const string Kind = "ner";
    /// <summary>Written after the types: payload layout of this class (earlier files held the weights right there).</summary>
    private const int PayloadFormat = -3, PayloadWithoutOutsideWords = -2;
    public static readonly string[] Types = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];
    public const string Outside = "O";
    /// <summary>Number of labels: O, then B, I, L, U for each type.</summary>
    public static readonly int LabelCount = 1 + 4 * Types.Length;

    internal NerModel(LinearModel weights, Gazetteer gazetteer, WordClusters clusters, OutsideWords? outsideWords = null)
    {
        Weights = weights;
        Gazetteer = gazetteer;
        Clusters = clusters;
        OutsideWords = outsideWords ?? OutsideWords.Empty;
    }

    internal LinearModel Weights { get; }

    private readonly TransitionBlockCache _transitionBlocks = new();
    public Gazetteer Gazetteer { get; }
    public WordClusters Clusters { get; }
    /// <summary>Words never seen inside an entity in training: labelled O without scoring them.</summary>
    public OutsideWords OutsideWords { get; }
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
    public void Recognize(ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Dictionary<ulong, int> memory, Span<int> types, NerWorkspace workspace)
    {
        var labels = Decode(Weights, Gazetteer, Clusters, words, tags, memory, workspace, _transitionBlocks, OutsideWords);
        for (int i = 0; i < words.Length; i++) types[i] = TypeOf(labels[i]);
        Remember(words, labels, memory);
    }

    /// <summary>
    /// The best label sequence under <paramref name="scorer"/> (the model, or the perceptron while training).
    /// <paramref name="transitionBlocks"/> caches transition scores by shape and tag; only for a scorer that never changes.
    /// </summary>
    internal static ReadOnlySpan<int> Decode(IFeatureScorer scorer, Gazetteer gazetteer, WordClusters clusters,
        ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, Dictionary<ulong, int> memory, NerWorkspace ws,
        TransitionBlockCache? transitionBlocks = null, OutsideWords? outsideWords = null)
    {
        int n = words.Length;
        Extract(gazetteer, clusters, words, tags, memory, ws, outsideWords ?? OutsideWords.Empty);
        Score(scorer, words, tags, ws, transitionBlocks);
        BilouViterbi.Decode(n, ws.Emission, ws.Transition, ws.Labels, ws.Work, ws.Back);
        return ws.Labels.AsSpan(0, n);
    }

    /// <summary>Fills the workspace with every token's emission features.</summary>
    internal static void Extract(Gazetteer gazetteer, WordClusters clusters, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags,
        Dictionary<ulong, int> memory, NerWorkspace ws, OutsideWords outsideWords)
    {
        int n = words.Length;
        ws.Ensure(n);
        for (int i = 0; i < n; i++) ws.Clusters[i] = clusters.CodeOf(words[i].Word);
        gazetteer.FindAll(words, ws.Matches);
        NerFeatures.Gazetteer(ws.Matches, n, ws.GazetteerFeatures, ws.GazetteerCounts);
        for (int i = 0; i < n; i++)
            ws.FeatureCounts[i] = outsideWords.Contains(words[i].Word) ? OutsideToken : NerFeatures.Emission(words, tags, ws.Clusters.AsSpan(0, n), memory,
                ws.GazetteerFeatures.AsSpan(i * NerFeatures.MaxGazetteer, ws.GazetteerCounts[i]), i,
                ws.Features.AsSpan(i * NerFeatures.MaxEmission, NerFeatures.MaxEmission));
    }

    /// <summary>Marks a token in <see cref="NerWorkspace.FeatureCounts"/> whose word is an outside word: only O is scored for it.</summary>
    internal const int OutsideToken = -1;

    /// <summary>
    /// Label scores per token and (previous label, label) scores per token; the start transition is folded into
    /// token 0. The scores of the previous label alone are the same for every token and are looked up once.
    /// </summary>
    private static void Score(IFeatureScorer scorer, ReadOnlySpan<WordFeatures> words, ReadOnlySpan<ulong> tags, NerWorkspace ws,
        TransitionBlockCache? transitionBlocks)
    {
        int L = LabelCount;
        Span<uint> transition = stackalloc uint[NerFeatures.MaxTransition];
        var scores = ws.Scores.AsSpan();
        var bias = ws.TransitionBias.AsSpan();   // (previous + 1) × L: row 0 is the sentence start
        for (int p = -1; p < L; p++)
        {
            scorer.Score([NerFeatures.TransitionBias(p)], scores);
            scores[..L].CopyTo(bias.Slice((p + 1) * L, L));
        }
        for (int i = 0; i < words.Length; i++)
        {
            var emission = ws.Emission.AsSpan(i * L, L);
            if (ws.FeatureCounts[i] == OutsideToken)
            {
                emission.Fill(float.NegativeInfinity);
                emission[0] = 0;
            }
            else
            {
                scorer.Score(ws.EmissionFeatures(i), scores);
                scores[..L].CopyTo(emission);
            }
            if (i == 0)
            {
                int k = NerFeatures.Transition(words, tags, 0, -1, transition);
                scorer.Score(transition[1..k], scores);
                for (int c = 0; c < L; c++) emission[c] += scores[c] + bias[c];
                continue;
            }
            var block = ws.Transition.AsSpan(i * L * L, L * L);
            if (transitionBlocks is not null && transitionBlocks.TryGetValue((words[i].Shape, tags[i]), out var cached))
            {
                cached.CopyTo(block);
                continue;
            }
            for (int p = 0; p < L; p++)
            {
                int k = NerFeatures.Transition(words, tags, i, p, transition);
                scorer.Score(transition[1..k], scores);
                var pair = block.Slice(p * L, L);
                var row = bias.Slice((p + 1) * L, L);
                for (int c = 0; c < L; c++) pair[c] = scores[c] + row[c];
            }
            transitionBlocks?.Add((words[i].Shape, tags[i]), block);
        }
    }

    internal static void Remember(ReadOnlySpan<WordFeatures> words, ReadOnlySpan<int> labels, Dictionary<ulong, int> memory)
    {
        for (int i = 0; i < words.Length; i++)
            if (words[i].Capitalized) memory[words[i].Word] = TypeOf(labels[i]) + 1;
    }

    public void Save(Stream output) => ModelFile.Write(output, Kind, w =>
    {
        ModelFile.WriteStrings(w, Types);
        w.Write(PayloadFormat);
        Gazetteer.Write(w);
        Clusters.Write(w);
        Weights.Write(w);
        OutsideWords.Write(w);
    });

    public static NerModel Load(Stream input) => ModelFile.Read(input, Kind, r =>
    {
        var types = ModelFile.ReadStrings(r);
        if (!types.SequenceEqual(Types)) throw new InvalidDataException("Unexpected entity types in the NER model.");
        int format = r.ReadInt32();
        if (format is not (PayloadFormat or PayloadWithoutOutsideWords))
            throw new InvalidDataException("NER model file from an older Hearsay: retrain it with `hearsay train ner`.");
        var gazetteer = Gazetteer.Read(r);
        var clusters = WordClusters.Read(r);
        var weights = LinearModel.Read(r);
        return new NerModel(weights, gazetteer, clusters, format == PayloadFormat ? OutsideWords.Read(r) : OutsideWords.Empty);
    });
}

/// <summary>
/// The (previous label, label) scores of a token depend on it only through its shape and tag, so a read-only
/// model scores each block once and shares it across threads (at most 4,096 blocks of ~1.2 KB).
/// </summary>
internal sealed class TransitionBlockCache
{
    private const int MaxBlocks = 4096;
    private readonly ConcurrentDictionary<(ulong Shape, ulong Tag), float[]> _blocks = new();
    private int _count;

    public bool TryGetValue((ulong Shape, ulong Tag) key, out float[] block) => _blocks.TryGetValue(key, out block!);

    public void Add((ulong Shape, ulong Tag) key, ReadOnlySpan<float> block)
    {
        if (Volatile.Read(ref _count) >= MaxBlocks) return;
        if (_blocks.TryAdd(key, block.ToArray())) Interlocked.Increment(ref _count);
    }
}
