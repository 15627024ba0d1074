using Hearsay.Nlp;
using Hearsay.Stages.Entities;

namespace Hearsay.Tests.Nlp;

/// <summary>The parts of the entity recogniser on small hand-made inputs: decoding, gazetteer, clusters, 16-bit weights.</summary>
public class NerMechanicsTests
{
    private static readonly int L = NerModel.LabelCount;
    private static readonly int BPer = NerModel.Label(0, 0), LPer = NerModel.Label(0, 2), UPer = NerModel.Label(0, 3), IPer = NerModel.Label(0, 1);

    private static int[] Decode(float[,] emission, Func<int, int, int, float>? transition = null)
    {
        int n = emission.GetLength(0);
        var e = new float[n * L];
        for (int i = 0; i < n; i++) for (int c = 0; c < L; c++) e[i * L + c] = emission[i, c];
        var t = new float[n * L * L];
        if (transition != null)
            for (int i = 1; i < n; i++) for (int p = 0; p < L; p++) for (int c = 0; c < L; c++) t[(i * L + p) * L + c] = transition(i, p, c);
        var labels = new int[n];
        BilouViterbi.Decode(n, e, t, labels, new float[n * L], new int[n * L]);
        return labels;
    }

    private static float[,] Scores(int n, params (int Token, int Label, float Score)[] entries)
    {
        var s = new float[n, L];
        foreach (var (i, c, v) in entries) s[i, c] = v;
        return s;
    }

    private static void AssertWellFormed(int[] labels)
    {
        for (int i = 0; i < labels.Length; i++)
            Assert.True(NerModel.Allowed(i == 0 ? -1 : labels[i - 1], labels[i], i == labels.Length - 1), $"label {labels[i]} at {i}");
    }

    [Fact]
    public void Viterbi_never_returns_an_ill_formed_sequence()
    {
        // Token 0 and 2 prefer labels that cannot stand there (I at the start, B at the end); the best
        // well-formed sequence keeps the I in the middle, where it can be: B I L.
        var labels = Decode(Scores(3, (0, IPer, 5), (1, IPer, 5), (2, BPer, 5)));
        AssertWellFormed(labels);
        Assert.Equal(new[] { BPer, IPer, LPer }, labels);
    }

    [Fact]
    public void Viterbi_finds_the_best_sequence_where_greedy_choice_fails()
    {
        // Greedy takes B-PER (2.0) and is then forced into L-PER (0): 2.0. The best is U-PER then O: 3.9.
        var labels = Decode(Scores(2, (0, BPer, 2f), (0, UPer, 1.9f), (1, 0, 2f)));
        Assert.Equal(new[] { UPer, 0 }, labels);
    }

    [Fact]
    public void Viterbi_adds_transition_scores()
    {
        // No token prefers anything, but the pair (B-PER, L-PER) is rewarded: a two-word name.
        var labels = Decode(Scores(2), (i, p, c) => p == BPer && c == LPer ? 1f : 0f);
        Assert.Equal(new[] { BPer, LPer }, labels);
    }

    private static (string[], int[]) Row(string text, params int[] types) => (text.Split(' '), types);

    private static GazetteerBuilder Builder(int folds)
    {
        const int per = 0, org = 1;
        var docs = new List<IReadOnlyList<(string[], int[])>>
        {
            new[] { Row("Donald Trump spoke", per, per, -1), Row("Trump Tower rose", org, org, -1) },
            new[] { Row("Trump said so", per, -1, -1) },
            new[] { Row("Trump met Reuters", per, -1, org) },
        };
        return new GazetteerBuilder(docs, folds);
    }

    private static WordFeatures[] Words(string text) => text.Split(' ').Select(w => { WordFeatures.Compute(w, out var f); return f; }).ToArray();

    [Fact]
    public void Gazetteer_counts_types_and_occurrences_and_finds_every_match()
    {
        var gazetteer = Builder(folds: 1).Build();
        var trump = gazetteer.Entries.Single(e => e.Words.SequenceEqual(["Trump"]));
        Assert.Equal(new[] { 3, 1, 0, 0 }, trump.TypeCounts);   // PERSON three times (once inside "Donald Trump"), ORGANIZATION once
        Assert.Equal(4, trump.Occurrences);
        var matches = new List<Gazetteer.Match>();
        gazetteer.FindAll(Words("Yesterday Donald Trump visited Trump Tower"), matches);
        Assert.Equal(new[] { (1, 2, "Donald Trump"), (2, 1, "Trump"), (4, 1, "Trump"), (4, 2, "Trump Tower") },
            matches.Select(m => (m.Start, m.Length, string.Join(' ', m.Entry.Words))));
    }

    [Fact]
    public void Jackknifed_gazetteer_leaves_out_the_fold_it_is_used_on()
    {
        var builder = Builder(folds: 3);
        var withoutFirst = builder.Build(excludedFold: 0);
        Assert.DoesNotContain(withoutFirst.Entries, e => e.Words.SequenceEqual(["Donald", "Trump"]));
        var trump = withoutFirst.Entries.Single(e => e.Words.SequenceEqual(["Trump"]));
        Assert.Equal(2, trump.Occurrences);
        Assert.Equal(2, trump.TypeCounts[0]);
        Assert.Equal(builder.Build().Count, Builder(folds: 1).Build().Count);
    }

    [Fact]
    public void Gazetteer_round_trips()
    {
        var gazetteer = Builder(folds: 1).Build();
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) gazetteer.Write(w);
        stream.Position = 0;
        var copy = Gazetteer.Read(new BinaryReader(stream));
        Assert.Equal(gazetteer.Entries.Select(e => (string.Join(' ', e.Words), string.Join(',', e.TypeCounts), e.Occurrences)),
            copy.Entries.Select(e => (string.Join(' ', e.Words), string.Join(',', e.TypeCounts), e.Occurrences)));
    }

    private static WordClusters LearnToyClusters()
    {
        var sentences = new List<string[]>();
        foreach (var animal in new[] { "cat", "dog", "cow", "horse" })
            for (int k = 0; k < 3; k++) sentences.Add(["the", animal, "sat", "down", "."]);
        foreach (var city in new[] { "Paris", "London", "Rome", "Berlin" })
            for (int k = 0; k < 3; k++) sentences.Add(["we", "flew", "to", city, "today", "."]);
        return WordClusterer.Learn(sentences, new WordClusterer.Options { MinCount = 2, ContextWords = 20, Depth = 4 });
    }

    [Fact]
    public void Word_clusters_put_words_with_the_same_neighbours_together()
    {
        var clusters = LearnToyClusters();
        ulong Code(string w) => clusters.CodeOf(FeatureHash.Of(w));
        ulong cat = Code("cat"), dog = Code("dog"), paris = Code("Paris"), rome = Code("Rome");
        Assert.NotEqual(WordClusters.Unknown, cat);
        Assert.Equal(WordClusters.Unknown, Code("Madrid"));
        Assert.Equal(WordClusters.Prefix(cat, 1), WordClusters.Prefix(dog, 1));
        Assert.Equal(WordClusters.Prefix(paris, 1), WordClusters.Prefix(rome, 1));
        Assert.NotEqual(WordClusters.Prefix(cat, 1), WordClusters.Prefix(paris, 1));
    }

    [Fact]
    public void Cluster_prefixes_are_the_first_choices_of_the_path()
    {
        ulong code = 0b1_0110;   // leading 1, then the path 0110
        Assert.Equal(0b1_01UL, WordClusters.Prefix(code, 2));
        Assert.Equal(code, WordClusters.Prefix(code, 4));
        Assert.Equal(code, WordClusters.Prefix(code, 12));
        Assert.Equal(WordClusters.Unknown, WordClusters.Prefix(WordClusters.Unknown, 4));
    }

    [Fact]
    public void Words_of_one_cluster_share_the_cluster_features()
    {
        var clusters = LearnToyClusters();
        uint[] Features(string sentence, int i)
        {
            var words = Words(sentence);
            var tags = words.Select(_ => FeatureHash.Of("NN")).ToArray();
            var codes = words.Select(w => clusters.CodeOf(w.Word)).ToArray();
            var f = new uint[NerFeatures.MaxEmission];
            int n = NerFeatures.Emission(words, tags, codes, new Dictionary<ulong, int>(), [], i, f);
            return f[..n];
        }
        // Same context and shape: only the cluster features can tell the known animal from the unknown word.
        var cat = Features("a cat", 1);
        var cow = Features("a cow", 1);
        var fox = Features("a fox", 1);
        Assert.True(cat.Intersect(cow).Count() >= cat.Intersect(fox).Count() + 4);
    }

    [Fact]
    public void NerTrainer_is_deterministic()
    {
        var options = new NerTrainer.Options { Iterations = 3, MinUpdates = 1 };
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        NerTrainer.Train(NlpTestData.All, options).Save(a);
        NerTrainer.Train(NlpTestData.All, options).Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Transition_scores_reused_by_shape_and_tag_give_the_labels_of_scoring_afresh()
    {
        var ner = NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 5, MinUpdates = 1 });
        var cache = new TransitionBlockCache();
        foreach (var pass in new[] { 1, 2 })   // the second pass takes every block from the cache
            foreach (var s in NlpTestData.All)
            {
                var words = new WordFeatures[s.Count];
                for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
                var tags = s.Tags.Select(t => FeatureHash.Of(t)).ToArray();
                var fresh = NerModel.Decode(ner.Weights, ner.Gazetteer, ner.Clusters, words, tags, new(), new NerWorkspace()).ToArray();
                var cached = NerModel.Decode(ner.Weights, ner.Gazetteer, ner.Clusters, words, tags, new(), new NerWorkspace(), cache).ToArray();
                Assert.Equal(fresh, cached);
            }
    }

    private static ulong WordHash(string form)
    {
        WordFeatures.Compute(form, out var w);
        return w.Word;
    }

    private static int[] Recognize(NerModel ner, ConlluSentence s)
    {
        var words = new WordFeatures[s.Count];
        for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
        var types = new int[s.Count];
        ner.Recognize(words, s.Tags.Select(t => FeatureHash.Of(t)).ToArray(), new(), types, new NerWorkspace());
        return types;
    }

    [Fact]
    public void Outside_words_are_the_frequent_words_never_seen_in_an_entity()
    {
        var sentences = NlpTestData.All.Select(s => (s.Forms.Select(f => { WordFeatures.Compute(f, out var w); return w; }).ToArray(), NerTrainer.GoldTypes(s)));
        var outside = OutsideWords.Learn(sentences, minCount: 2);
        Assert.True(outside.Contains(WordHash("the")));     // twice, never in an entity ("the White House": "the" is O)
        Assert.True(outside.Contains(WordHash(".")));
        Assert.False(outside.Contains(WordHash("said")));   // once only
        Assert.False(outside.Contains(WordHash("White")));  // in an entity
        Assert.False(outside.Contains(WordHash("The")));    // exact forms: "The" was never seen
        Assert.Equal(0, OutsideWords.Learn(sentences, minCount: 0).Count);
    }

    [Fact]
    public void An_outside_word_is_labelled_O_without_scoring_and_the_rest_is_unchanged()
    {
        var ner = NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 5, MinUpdates = 1, OutsideMinCount = 0 });
        var s = NlpTestData.TrumpSaid;
        int ohio = Array.IndexOf(s.Forms.ToArray(), "Ohio");
        var before = Recognize(ner, s);
        Assert.Equal(2, before[ohio]);   // LOCATION
        var filtered = new NerModel(ner.Weights, ner.Gazetteer, ner.Clusters, new OutsideWords([WordHash("Ohio")]));
        var after = Recognize(filtered, s);
        Assert.Equal(-1, after[ohio]);
        for (int i = 0; i < s.Count; i++) if (i != ohio) Assert.Equal(before[i], after[i]);
    }

    [Fact]
    public void Outside_words_round_trip_with_the_model()
    {
        var ner = NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 3, MinUpdates = 1, OutsideMinCount = 2 });
        Assert.True(ner.OutsideWords.Count > 0);
        using var file = new MemoryStream();
        ner.Save(file);
        file.Position = 0;
        var loaded = NerModel.Load(file);
        Assert.Equal(ner.OutsideWords.Count, loaded.OutsideWords.Count);
        Assert.True(loaded.OutsideWords.Contains(WordHash("the")));
        foreach (var s in NlpTestData.All) Assert.Equal(Recognize(ner, s), Recognize(loaded, s));
    }
}
