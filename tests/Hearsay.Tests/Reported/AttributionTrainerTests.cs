using Hearsay.Evaluation;
using Hearsay.Input;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Stages.Reported;
using Hearsay.Text;

namespace Hearsay.Tests.Reported;

/// <summary>
/// The labeller's training mechanics on a handful of hand-written articles: the stacked second pass,
/// the model file round trip, the syntax the features read, and the cue lexicon.
/// </summary>
public class AttributionTrainerTests
{
    private static readonly Lazy<List<AttributionTrainer.Example>> Examples = new(() =>
    [
        Example("a", "News\n\nThe mayor said that taxes would rise next year.", "The mayor", "said", "that taxes would rise next year"),
        Example("b", "News\n\nThe senator believes the plan will fail in the spring.", "The senator", "believes", "the plan will fail in the spring"),
        Example("c", "News\n\nOfficials warned that the bridge could close soon.", "Officials", "warned", "that the bridge could close soon"),
        Example("d", "News\n\nThe governor announced that schools would reopen.", "The governor", "announced", "that schools would reopen"),
        Example("e", "News\n\nHer lawyer argued the case was closed.", "Her lawyer", "argued", "the case was closed"),
        Example("f", "News\n\nThe council voted on Tuesday and the vote was close.", null, null, null),
    ]);

    private static AttributionTrainer.Example Example(string name, string text, string? source, string? cue, string? content)
    {
        var doc = AttributionTrainer.BasePipeline(StandardPipelineOptions.Default.Models).Process(ArticleReader.FromText(text, name));
        var gold = new List<AttributionSpans>();
        if (source is not null)
            gold.Add(new AttributionSpans([Find(text, source)], [Find(text, cue!)], [Find(text, content!)]));
        return new AttributionTrainer.Example(name, doc, gold, AttributionTrainer.Align(doc, gold));
    }

    private static TextRange Find(string text, string part)
    {
        int start = text.IndexOf(part, StringComparison.Ordinal);
        return new TextRange(start, start + part.Length);
    }

    private static readonly AttributionTrainer.Options Small = new() { Iterations = 20, Folds = 1, MinCueCount = 1, MinUpdates = 1, MinWeight = 0, StackFolds = 2 };

    [Fact]
    public void A_stacked_model_learns_its_training_articles()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small);
        Assert.NotNull(model.Stacked);
        foreach (var e in Examples.Value)
        {
            var labels = AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates));
            Assert.Equal(e.Labels, labels);
        }
    }

    [Fact]
    public void One_pass_model_when_stacking_is_off()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small with { StackFolds = 0 });
        Assert.Null(model.Stacked);
    }

    [Fact]
    public void Model_file_keeps_both_passes()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = AttributionModel.Load(stream);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        foreach (var e in Examples.Value)
            Assert.Equal(
                AttributionTagger.Label(model, new AttributionFeatures(e.Document, model.CueRates)),
                AttributionTagger.Label(loaded, new AttributionFeatures(e.Document, loaded.CueRates)));
    }

    [Fact]
    public void Stacked_training_also_learns_a_confidence_model_and_the_file_keeps_it()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small);
        Assert.NotNull(model.Confidence);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(model.Confidence!.FeatureCount, AttributionModel.Load(stream).Confidence!.FeatureCount);
        Assert.Null(AttributionTrainer.Train(Examples.Value, Small with { Confidence = false }).Confidence);
    }

    [Fact]
    public void A_model_file_from_before_the_confidence_model_still_loads()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small);
        using var stream = new MemoryStream();
        ModelFile.Write(stream, AttributionModel.Kind, writer =>
        {
            model.Weights.Write(writer);
            writer.Write(model.CueRates.Count);
            foreach (var (word, rate) in model.CueRates) { writer.Write(word); writer.Write(rate); }
            writer.Write(true);
            model.Stacked!.Write(writer);
        });
        stream.Position = 0;
        var loaded = AttributionModel.Load(stream);
        Assert.NotNull(loaded.Stacked);
        Assert.Null(loaded.Confidence);
    }

    [Fact]
    public void Features_read_the_parse_when_the_document_has_one()
    {
        var e = Examples.Value[0];
        var bare = AttributionTrainer.BasePipeline().Process(ArticleReader.FromText(e.Document.Text, "bare"));
        var rates = AttributionTrainer.CueRates(Examples.Value, 1);
        int taxes = e.Document.Tokens.First(t => t.Text == "taxes").Index;
        Span<uint> parsed = stackalloc uint[AttributionFeatures.MaxFeatures], plain = stackalloc uint[AttributionFeatures.MaxFeatures];
        int n = new AttributionFeatures(e.Document, rates).Extract(taxes, 0, 0, parsed);
        int m = new AttributionFeatures(bare, rates).Extract(taxes, 0, 0, plain);
        Assert.Equal(n, m);
        Assert.False(parsed[..n].SequenceEqual(plain[..m]));
        Assert.True(e.Document.Has(Layers.Dependencies));
        Assert.False(bare.Has(Layers.Dependencies));
    }

    [Fact]
    public void Cue_lexicon_holds_words_seen_inside_cues()
    {
        var rates = AttributionTrainer.CueRates(Examples.Value, 1);
        Assert.Equal(1f, rates["said"]);
        Assert.False(rates.ContainsKey("council"));
    }

    [Fact]
    public void A_word_training_never_saw_borrows_the_cue_rate_of_its_nearest_words()
    {
        var shouting = new[] { "The mayor shouted that taxes would rise.", "The coach shouted that the game was over.", "The judge shouted that the room must clear." }
            .Select((text, i) => Example("s" + i, "News\n\n" + text, text[..text.IndexOf(" shouted", StringComparison.Ordinal)], "shouted",
                text[(text.IndexOf("that", StringComparison.Ordinal))..^1]))
            .ToList();
        string path = Hearsay.Tests.Nlp.WordEmbeddingsTests.WriteVectors(("the", [0, 0.3f, 1]), ("shouted", [1, 0, 0]), ("yelled", [0.9f, 0.2f, 0]),
            ("table", [0, 0, 1]), ("that", [0, 1, 0]));
        try
        {
            var embeddings = WordEmbeddings.ReadWinkJson(path, maxWords: 10);
            var counts = AttributionTrainer.WordCounts.Of(shouting);
            var rates = CueNeighbours.Build(embeddings, counts, k: 1).Rates(counts);
            Assert.Equal(1f, rates["yelled"]);    // its nearest word, "shouted", is a cue all three times
            Assert.False(rates.ContainsKey("table"));  // its nearest word, "the", never is

            var model = AttributionTrainer.Train(Examples.Value.Concat(shouting).ToList(), Small with { Embeddings = embeddings, Neighbours = 1 });
            Assert.Equal(1f, model.NeighbourRates!["yelled"]);
            using var stream = new MemoryStream();
            model.Save(stream);
            stream.Position = 0;
            Assert.Equal(model.NeighbourRates, AttributionModel.Load(stream).NeighbourRates!);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Without_word_vectors_the_model_has_no_neighbour_rates()
    {
        var model = AttributionTrainer.Train(Examples.Value, Small with { StackFolds = 0 });
        Assert.Null(model.NeighbourRates);
    }
}
