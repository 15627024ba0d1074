using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// The scratch arrays of labelling one sentence with <see cref="NerModel"/>: each token's features, the label
/// and transition scores, the Viterbi tables and the labels found. One per thread or document; never shared.
/// </summary>
public sealed class NerWorkspace
{
    private static readonly int L = NerModel.LabelCount;

    internal uint[] Features = [];
    internal int[] FeatureCounts = [];
    internal uint[] GazetteerFeatures = [];
    internal int[] GazetteerCounts = [];
    internal ulong[] Clusters = [];
    internal float[] Emission = [], Transition = [], Work = [];
    internal int[] Back = [], Labels = [];
    internal readonly List<Gazetteer.Match> Matches = new();
    internal readonly float[] Scores = new float[64];
    internal readonly float[] TransitionBias = new float[(L + 1) * L];
    private int _capacity;

    internal void Ensure(int n)
    {
        if (n <= _capacity) return;
        _capacity = Math.Max(n, Math.Max(64, _capacity * 2));
        Features = new uint[_capacity * NerFeatures.MaxEmission];
        FeatureCounts = new int[_capacity];
        GazetteerFeatures = new uint[_capacity * NerFeatures.MaxGazetteer];
        GazetteerCounts = new int[_capacity];
        Clusters = new ulong[_capacity];
        Emission = new float[_capacity * L];
        Transition = new float[_capacity * L * L];
        Work = new float[_capacity * L];
        Back = new int[_capacity * L];
        Labels = new int[_capacity];
    }

    /// <summary>The emission features of token <paramref name="i"/> after <see cref="NerModel.Extract"/>.</summary>
    internal ReadOnlySpan<uint> EmissionFeatures(int i) => Features.AsSpan(i * NerFeatures.MaxEmission, FeatureCounts[i]);
}
