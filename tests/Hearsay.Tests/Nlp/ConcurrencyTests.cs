using Hearsay.Nlp;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;

namespace Hearsay.Tests.Nlp;

public class ConcurrencyTests
{
    [Fact]
    public void Models_give_the_same_results_when_shared_across_threads()
    {
        var pos = PosTrainer.Train(NlpTestData.All, new PosTrainer.Options { Iterations = 5, MinUpdates = 1 });
        var parser = ParserTrainer.Train(NlpTestData.All, new ParserTrainer.Options { Iterations = 5, MinUpdates = 1, MinWeight = 0 });
        var ner = NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 5, MinUpdates = 1 });
        var expected = NlpTestData.All.Select(s => Describe(pos, ner, parser, s)).ToArray();
        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = Describe(pos, ner, parser, NlpTestData.All[i % NlpTestData.All.Count]));
        for (int i = 0; i < results.Length; i++) Assert.Equal(expected[i % expected.Length], results[i]);
    }

    private static string Describe(PosModel pos, NerModel ner, ParserModel parser, ConlluSentence s)
    {
        var tags = pos.Tag(s.Forms);
        var words = new WordFeatures[s.Count];
        for (int i = 0; i < s.Count; i++) WordFeatures.Compute(s.Forms[i], out words[i]);
        var tagHashes = tags.Select(t => FeatureHash.Of(t)).ToArray();
        var types = new int[s.Count];
        ner.Recognize(words, tagHashes, new Dictionary<ulong, int>(), types, new NerWorkspace());
        var heads = new int[s.Count];
        var labels = new int[s.Count];
        parser.Parse(words, tagHashes, heads, labels, new ParserModel.Workspace(parser));
        return string.Join(" ", tags) + "|" + string.Join(" ", types) + "|" + string.Join(" ", heads) + "|" + string.Join(" ", labels);
    }
}
