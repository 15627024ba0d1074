using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// Counts, per fold of a training set, how often each word sequence that is somewhere an entity occurs, and
/// how often all its words are tagged with each type (documents are dealt to folds in turn), so that a
/// <see cref="Gazetteer"/> can be built from all folds (the one shipped) or from all folds but one
/// (jackknifed: used on that fold's documents while training, so the model learns how far a gazetteer
/// built from other texts can be trusted rather than one that has seen the very sentence).
/// </summary>
public sealed class GazetteerBuilder
{
    private sealed class Phrase(string[] words, int folds)
    {
        public readonly string[] Words = words;
        public readonly int[] TypeCounts = new int[folds * NerModel.Types.Length];
        public readonly int[] Occurrences = new int[folds];
    }

    private readonly int _folds;
    private readonly Dictionary<ulong, Phrase> _phrases = new();
    private readonly List<ulong> _order = new();   // first-seen order, for a deterministic file

    /// <param name="documents">Per document, its sentences as (forms, per-token entity types, -1 for O).</param>
    public GazetteerBuilder(IReadOnlyList<IReadOnlyList<(string[] Forms, int[] Types)>> documents, int folds)
    {
        _folds = Math.Max(1, folds);
        for (int d = 0; d < documents.Count; d++)
            foreach (var (forms, types) in documents[d])
                foreach (var (start, end, _) in NerTrainer.Spans(types))
                    if (end - start <= Gazetteer.MaxLength) PhraseOf(forms, start, end);
        var prefixes = new HashSet<ulong>();
        foreach (var p in _phrases.Values)
        {
            ulong h = Gazetteer.Start;
            foreach (var w in p.Words) prefixes.Add(h = Gazetteer.Extend(h, FeatureHash.Of(w)));
        }
        for (int d = 0; d < documents.Count; d++)
            foreach (var (forms, types) in documents[d])
                for (int s = 0; s < forms.Length; s++)
                {
                    ulong h = Gazetteer.Start;
                    for (int len = 1; len <= Gazetteer.MaxLength && s + len <= forms.Length; len++)
                    {
                        h = Gazetteer.Extend(h, FeatureHash.Of(forms[s + len - 1]));
                        if (!prefixes.Contains(h)) break;
                        if (!_phrases.TryGetValue(h, out var phrase)) continue;
                        phrase.Occurrences[FoldOf(d)]++;
                        int type = SharedType(types, s, s + len);
                        if (type >= 0) phrase.TypeCounts[FoldOf(d) * NerModel.Types.Length + type]++;
                    }
                }
    }

    /// <summary>The type of every token in [start, end) when they all have the same one; else -1.</summary>
    private static int SharedType(int[] types, int start, int end)
    {
        for (int i = start + 1; i < end; i++) if (types[i] != types[start]) return -1;
        return types[start];
    }

    public int Folds => _folds;
    public int FoldOf(int document) => document % _folds;

    private Phrase PhraseOf(string[] forms, int start, int end)
    {
        ulong h = Gazetteer.Start;
        for (int i = start; i < end; i++) h = Gazetteer.Extend(h, FeatureHash.Of(forms[i]));
        if (!_phrases.TryGetValue(h, out var phrase))
        {
            _phrases[h] = phrase = new Phrase(forms[start..end], _folds);
            _order.Add(h);
        }
        return phrase;
    }

    /// <summary>The gazetteer of every fold except <paramref name="excludedFold"/> (-1: of all folds).</summary>
    public Gazetteer Build(int excludedFold = -1)
    {
        int types = NerModel.Types.Length;
        var entries = new List<Gazetteer.Entry>();
        foreach (ulong h in _order)
        {
            var p = _phrases[h];
            var counts = new int[types];
            int occurrences = 0;
            for (int f = 0; f < _folds; f++)
            {
                if (f == excludedFold) continue;
                for (int t = 0; t < types; t++) counts[t] += p.TypeCounts[f * types + t];
                occurrences += p.Occurrences[f];
            }
            if (counts.Sum() > 0) entries.Add(new Gazetteer.Entry(p.Words, counts, occurrences));
        }
        return new Gazetteer(entries);
    }
}
