namespace Hearsay.Nlp;

/// <summary>
/// Learns <see cref="WordClusters"/> from plain sentences, deterministically: each frequent word is described
/// by its neighbours (positive pointwise mutual information with the most frequent words one place to the
/// left and one to the right), and the words are split in two again and again along the principal direction
/// of their context vectors (principal direction divisive partitioning), which gives a binary tree like
/// Brown clustering at a fraction of its cost.
/// </summary>
public static class WordClusterer
{
    public sealed record Options
    {
        /// <summary>Words seen fewer times are not clustered.</summary>
        public int MinCount { get; init; } = 3;
        public int MaxWords { get; init; } = 40_000;
        /// <summary>How many of the most frequent (lower-cased) words serve as context dimensions, per side.</summary>
        public int ContextWords { get; init; } = 1000;
        public int Depth { get; init; } = 14;
        public int PowerIterations { get; init; } = 12;
    }

    public static WordClusters Learn(IEnumerable<IReadOnlyList<string>> sentences, Options options)
    {
        var list = sentences.ToList();
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var contextCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in list)
            foreach (var w in s)
            {
                wordCounts[w] = wordCounts.GetValueOrDefault(w) + 1;
                string l = w.ToLowerInvariant();
                contextCounts[l] = contextCounts.GetValueOrDefault(l) + 1;
            }
        var words = wordCounts.Where(p => p.Value >= options.MinCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxWords).Select(p => p.Key).ToArray();
        if (words.Length < 2) return WordClusters.Empty;
        var wordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) wordIndex[words[i]] = i;
        var contextIndex = contextCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.ContextWords).Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        int sides = options.ContextWords, dims = 2 * sides + 2;   // + sentence boundary on each side

        var cooccurrence = new Dictionary<long, int>();
        foreach (var s in list)
            for (int i = 0; i < s.Count; i++)
            {
                if (!wordIndex.TryGetValue(s[i], out int w)) continue;
                int left = i == 0 ? 2 * sides : contextIndex.TryGetValue(s[i - 1].ToLowerInvariant(), out int cl) ? cl : -1;
                int right = i == s.Count - 1 ? 2 * sides + 1 : contextIndex.TryGetValue(s[i + 1].ToLowerInvariant(), out int cr) ? sides + cr : -1;
                if (left >= 0) cooccurrence[(long)w * dims + left] = cooccurrence.GetValueOrDefault((long)w * dims + left) + 1;
                if (right >= 0) cooccurrence[(long)w * dims + right] = cooccurrence.GetValueOrDefault((long)w * dims + right) + 1;
            }
        var vectors = PpmiVectors(cooccurrence, words.Length, dims);

        var codes = new ulong[words.Length];
        var all = Enumerable.Range(0, words.Length).ToArray();
        Split(vectors, all, code: 1, depth: 0, dims, options, codes);
        return new WordClusters(words.Select((w, i) => (w, codes[i])));
    }

    /// <summary>Sparse, L2-normalised PPMI rows, their entries in ascending dimension order.</summary>
    private static (int[] Dims, float[] Values)[] PpmiVectors(Dictionary<long, int> cooccurrence, int wordCount, int dims)
    {
        var rowTotals = new double[wordCount];
        var columnTotals = new double[dims];
        double total = 0;
        foreach (var (key, count) in cooccurrence)
        {
            rowTotals[key / dims] += count;
            columnTotals[key % dims] += count;
            total += count;
        }
        var rows = new List<(int, float)>[wordCount];
        for (int w = 0; w < wordCount; w++) rows[w] = new();
        foreach (var (key, count) in cooccurrence.OrderBy(p => p.Key))
        {
            int w = (int)(key / dims), d = (int)(key % dims);
            double pmi = Math.Log(count * total / (rowTotals[w] * columnTotals[d]));
            if (pmi > 0) rows[w].Add((d, (float)pmi));
        }
        var vectors = new (int[], float[])[wordCount];
        for (int w = 0; w < wordCount; w++)
        {
            double norm = Math.Sqrt(rows[w].Sum(e => (double)e.Item2 * e.Item2));
            vectors[w] = (rows[w].Select(e => e.Item1).ToArray(), rows[w].Select(e => norm == 0 ? 0f : (float)(e.Item2 / norm)).ToArray());
        }
        return vectors;
    }

    private static void Split((int[] Dims, float[] Values)[] vectors, int[] members, ulong code, int depth, int dims, Options options, ulong[] codes)
    {
        if (depth == options.Depth || members.Length < 2)
        {
            foreach (int m in members) codes[m] = code;
            return;
        }
        var projection = PrincipalProjection(vectors, members, dims, options.PowerIterations, seed: depth * 7919 + members.Length);
        var left = members.Where((_, i) => projection[i] < 0).ToArray();
        var right = members.Where((_, i) => projection[i] >= 0).ToArray();
        if (left.Length == 0 || right.Length == 0)
        {
            foreach (int m in members) codes[m] = code;
            return;
        }
        Split(vectors, left, code << 1, depth + 1, dims, options, codes);
        Split(vectors, right, code << 1 | 1, depth + 1, dims, options, codes);
    }

    /// <summary>Each member's coordinate along the first principal direction of the members' centred vectors (power iteration).</summary>
    private static double[] PrincipalProjection((int[] Dims, float[] Values)[] vectors, int[] members, int dims, int iterations, int seed)
    {
        var mean = new double[dims];
        foreach (int m in members)
        {
            var (d, v) = vectors[m];
            for (int k = 0; k < d.Length; k++) mean[d[k]] += v[k];
        }
        for (int j = 0; j < dims; j++) mean[j] /= members.Length;
        var rng = new Random(seed);
        var direction = new double[dims];
        for (int j = 0; j < dims; j++) direction[j] = rng.NextDouble() - 0.5;
        var projection = new double[members.Length];
        for (int it = 0; it <= iterations; it++)
        {
            double meanDot = 0;
            for (int j = 0; j < dims; j++) meanDot += mean[j] * direction[j];
            for (int i = 0; i < members.Length; i++)
            {
                var (d, v) = vectors[members[i]];
                double dot = 0;
                for (int k = 0; k < d.Length; k++) dot += v[k] * direction[d[k]];
                projection[i] = dot - meanDot;
            }
            if (it == iterations) break;
            var next = new double[dims];
            double sum = 0;
            for (int i = 0; i < members.Length; i++)
            {
                var (d, v) = vectors[members[i]];
                for (int k = 0; k < d.Length; k++) next[d[k]] += projection[i] * v[k];
                sum += projection[i];
            }
            double norm = 0;
            for (int j = 0; j < dims; j++) { next[j] -= sum * mean[j]; norm += next[j] * next[j]; }
            norm = Math.Sqrt(norm);
            if (norm == 0) break;
            for (int j = 0; j < dims; j++) direction[j] = next[j] / norm;
        }
        return projection;
    }
}
