namespace Hearsay.Stages.Entities;

/// <summary>
/// The best-scoring well-formed BILOU label sequence (see <see cref="NerModel.Allowed"/>) of a sentence,
/// given per-token label scores and per-token scores of each (previous label, label) pair.
/// </summary>
public static class BilouViterbi
{
    private static readonly int L = NerModel.LabelCount;
    // Allowed[p, c] in the middle of a sentence and at its last token; p = L means the sentence start.
    private static readonly bool[] Middle = Table(last: false), Last = Table(last: true);
    // Per label, the labels that may precede it (anywhere but at the start): 9 for O, B and U, 2 for I and L.
    private static readonly int[][] Predecessors = Enumerable.Range(0, L)
        .Select(c => Enumerable.Range(0, L).Where(p => NerModel.Allowed(p, c, last: false) || NerModel.Allowed(p, c, last: true)).ToArray()).ToArray();

    private static bool[] Table(bool last)
    {
        var table = new bool[(L + 1) * L];
        for (int p = 0; p <= L; p++)
            for (int c = 0; c < L; c++) table[p * L + c] = NerModel.Allowed(p == L ? -1 : p, c, last);
        return table;
    }

    /// <summary>
    /// Decodes <paramref name="n"/> tokens. <paramref name="emission"/> holds n × L scores (token i, label c at
    /// i·L + c); <paramref name="transition"/> holds n × L × L scores (token i, previous label p, label c at
    /// (i·L + p)·L + c; the block of token 0 is not read). <paramref name="work"/> needs n × L floats and
    /// <paramref name="back"/> n × L ints.
    /// </summary>
    public static void Decode(int n, ReadOnlySpan<float> emission, ReadOnlySpan<float> transition, Span<int> labels, Span<float> work, Span<int> back)
    {
        if (n == 0) return;
        const float Impossible = float.NegativeInfinity;
        var allowed = n == 1 ? Last : Middle;
        for (int c = 0; c < L; c++) work[c] = allowed[L * L + c] ? emission[c] : Impossible;
        for (int i = 1; i < n; i++)
        {
            allowed = i == n - 1 ? Last : Middle;
            var previous = work.Slice((i - 1) * L, L);
            var current = work.Slice(i * L, L);
            var pairs = transition.Slice(i * L * L, L * L);
            for (int c = 0; c < L; c++)
            {
                // A label ruled out at this token (an outside word allows only O) needs no search.
                if (emission[i * L + c] == Impossible) { current[c] = Impossible; back[i * L + c] = 0; continue; }
                float best = Impossible;
                int from = 0;
                foreach (int p in Predecessors[c])
                {
                    if (!allowed[p * L + c] || previous[p] == Impossible) continue;
                    float s = previous[p] + pairs[p * L + c];
                    if (s > best) { best = s; from = p; }
                }
                current[c] = best == Impossible ? Impossible : best + emission[i * L + c];
                back[i * L + c] = from;
            }
        }
        int label = 0;
        var final = work.Slice((n - 1) * L, L);
        for (int c = 1; c < L; c++) if (final[c] > final[label]) label = c;
        for (int i = n - 1; i >= 0; i--)
        {
            labels[i] = label;
            if (i > 0) label = back[i * L + label];
        }
    }
}
