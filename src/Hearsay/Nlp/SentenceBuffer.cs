using Hearsay.Text;

namespace Hearsay.Nlp;

/// <summary>
/// Per-document scratch arrays for the statistical stages: the PTB forms, word features and tag hashes
/// of the sentence being processed. Created per call, never shared, so stages stay thread-safe.
/// </summary>
internal sealed class SentenceBuffer
{
    public WordFeatures[] Words = new WordFeatures[128];
    public ulong[] Tags = new ulong[128];
    public int[] Indexes = new int[128];
    public int[] Labels = new int[128];

    /// <summary>Fills <see cref="Words"/> (and <see cref="Tags"/> from Token.Tag when <paramref name="withTags"/>) for a sentence.</summary>
    public int Load(Document doc, Sentence sentence, bool withTags)
    {
        int n = sentence.TokenCount;
        if (n > Words.Length)
        {
            int size = Math.Max(n, Words.Length * 2);
            Words = new WordFeatures[size]; Tags = new ulong[size]; Indexes = new int[size]; Labels = new int[size];
        }
        var tokens = doc.TokensOf(sentence);
        for (int i = 0; i < n; i++)
        {
            WordFeatures.Compute(PtbNormalizer.Normalize(tokens[i]), out Words[i]);
            if (withTags) Tags[i] = FeatureHash.Of(tokens[i].Tag ?? "NN");
        }
        return n;
    }
}
