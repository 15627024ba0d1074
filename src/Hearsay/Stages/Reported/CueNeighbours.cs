using Hearsay.Nlp;

namespace Hearsay.Stages.Reported;

/// <summary>
/// The cue lexicon carried over to words training saw too rarely to count: a word's neighbour rate is the
/// cosine-weighted mean cue rate of its nearest words in a pretrained vector space, among the words
/// training saw at least <see cref="MinOccurrences"/> times. "chanted" then borrows from "shouted" and
/// "yelled". Built at training time; the model keeps only the resulting word → rate table.
/// </summary>
internal sealed class CueNeighbours
{
    public const int MinOccurrences = 3;
    /// <summary>Rates below this are left out of the table (and read as 0).</summary>
    public const float MinRate = 0.01f;

    private readonly WordEmbeddings _embeddings;
    private readonly (int Word, float Cosine)[][] _neighbours;

    private CueNeighbours(WordEmbeddings embeddings, (int, float)[][] neighbours)
    {
        _embeddings = embeddings;
        _neighbours = neighbours;
    }

    public static CueNeighbours Build(WordEmbeddings embeddings, AttributionTrainer.WordCounts counts, int k)
    {
        var seen = new List<int>();
        for (int w = 0; w < embeddings.Count; w++)
            if (counts.Total.GetValueOrDefault(embeddings.Words[w]) >= MinOccurrences) seen.Add(w);
        return new CueNeighbours(embeddings, embeddings.Neighbours(seen, k));
    }

    /// <summary>The neighbour rates with the cue rates of <paramref name="counts"/>.</summary>
    public Dictionary<string, float> Rates(AttributionTrainer.WordCounts counts)
    {
        var (total, cue) = counts;
        var rates = new Dictionary<string, float>(StringComparer.Ordinal);
        for (int w = 0; w < _neighbours.Length; w++)
        {
            double weighted = 0, weights = 0;
            foreach (var (n, cosine) in _neighbours[w])
            {
                string word = _embeddings.Words[n];
                int count = total.GetValueOrDefault(word);
                if (count < MinOccurrences || cosine <= 0) continue;
                weighted += cosine * cue.GetValueOrDefault(word) / count;
                weights += cosine;
            }
            if (weights > 0 && weighted / weights >= MinRate) rates[_embeddings.Words[w]] = (float)(weighted / weights);
        }
        return rates;
    }
}
