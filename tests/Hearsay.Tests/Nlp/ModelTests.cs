using Hearsay.Nlp;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;

namespace Hearsay.Tests.Nlp;

public class ModelTests
{
    private static T RoundTrip<T>(Action<Stream> save, Func<Stream, T> load)
    {
        using var stream = new MemoryStream();
        save(stream);
        stream.Position = 0;
        return load(stream);
    }

    [Fact]
    public void PosTrainer_learns_hand_written_sentences_and_the_model_round_trips()
    {
        var model = PosTrainer.Train(NlpTestData.All, new PosTrainer.Options { Iterations = 10, MinUpdates = 1, LexiconMinCount = 1000 });
        var copy = RoundTrip(model.Save, PosModel.Load);
        foreach (var s in NlpTestData.All)
        {
            Assert.Equal(s.Tags, model.Tag(s.Forms));
            Assert.Equal(s.Tags, copy.Tag(s.Forms));
        }
    }

    [Fact]
    public void PosTrainer_is_deterministic()
    {
        var options = new PosTrainer.Options { Iterations = 3, MinUpdates = 1 };
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        PosTrainer.Train(NlpTestData.All, options).Save(a);
        PosTrainer.Train(NlpTestData.All, options).Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void NerTrainer_encodes_runs_as_bilou()
    {
        int per = 0, loc = 2;
        var labels = NerTrainer.ToBilou(new[] { per, per, -1, loc, -1, per, per, per });
        Assert.Equal(new[] { NerModel.Label(per, 0), NerModel.Label(per, 2), 0, NerModel.Label(loc, 3), 0,
                      NerModel.Label(per, 0), NerModel.Label(per, 1), NerModel.Label(per, 2) }, labels);
        Assert.Equal(new[] { (0, 2, per), (3, 4, loc), (5, 8, per) }, NerTrainer.Spans(new[] { per, per, -1, loc, -1, per, per, per }));
    }

    [Fact]
    public void NerModel_allows_only_well_formed_sequences()
    {
        int bPer = NerModel.Label(0, 0), iPer = NerModel.Label(0, 1), lPer = NerModel.Label(0, 2), uLoc = NerModel.Label(2, 3), iLoc = NerModel.Label(2, 1);
        Assert.True(NerModel.Allowed(-1, bPer, last: false));
        Assert.False(NerModel.Allowed(-1, bPer, last: true));
        Assert.False(NerModel.Allowed(-1, iPer, last: false));
        Assert.True(NerModel.Allowed(bPer, iPer, last: false));
        Assert.True(NerModel.Allowed(bPer, lPer, last: true));
        Assert.False(NerModel.Allowed(bPer, iLoc, last: false));
        Assert.False(NerModel.Allowed(bPer, 0, last: false));
        Assert.True(NerModel.Allowed(lPer, uLoc, last: false));
    }

    [Fact]
    public void NerTrainer_learns_hand_written_entities_and_the_model_round_trips()
    {
        var model = NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 10, MinUpdates = 1 });
        var copy = RoundTrip(model.Save, NerModel.Load);
        var (score, _) = NerTrainer.Evaluate(copy, NlpTestData.All);
        Assert.Equal(1.0, score.F1, 3);
    }

    [Fact]
    public void ParserTrainer_learns_hand_written_trees_and_the_model_round_trips()
    {
        var model = ParserTrainer.Train(NlpTestData.All, new ParserTrainer.Options { Iterations = 20, MinUpdates = 1, MinWeight = 0 });
        var copy = RoundTrip(model.Save, ParserModel.Load);
        var score = ParserTrainer.Evaluate(copy, NlpTestData.All);
        Assert.Equal(1.0, score.Uas, 3);
        Assert.True(score.Las >= 0.9, $"LAS {score.Las}");   // averaging may leave one label of the first passes
    }
}
