using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;
using Hearsay.Stages.Tokenization;

namespace Hearsay.Tests.Nlp;

public class StageTests
{
    private static readonly Lazy<EnglishModels> Models = new(() => new EnglishModels(
        PosTrainer.Train(NlpTestData.All, new PosTrainer.Options { Iterations = 10, MinUpdates = 1, LexiconMinCount = 1000 }),
        NerTrainer.Train(NlpTestData.All, new NerTrainer.Options { Iterations = 10, MinUpdates = 1 }),
        ParserTrainer.Train(NlpTestData.All, new ParserTrainer.Options { Iterations = 20, MinUpdates = 1, MinWeight = 0 })));

    private static HearsayPipeline Pipeline() => new PipelineBuilder()
        .Use(new ParagraphSplitter()).Use(new Tokenizer()).Use(new SentenceSplitter())
        .Use(new PosTagger(Models.Value.Pos!)).Use(new EntityRecognizer(Models.Value.Ner!)).Use(new DependencyParser(Models.Value.Parser!))
        .Build();

    [Fact]
    public void Stages_fill_tags_entities_and_a_tree_per_sentence()
    {
        var doc = Pipeline().Process("Donald Trump said the talks had stalled in Ohio. She left the White House early.");
        Assert.Equal(2, doc.Sentences.Count);
        Assert.All(doc.Tokens, t => Assert.False(string.IsNullOrEmpty(t.Tag)));
        Assert.All(doc.Tokens, t => Assert.Contains(t.EntityTag, new[] { "PERSON", "ORGANIZATION", "LOCATION", "MISC", "O" }));
        Assert.Equal(new[] { "NNP", "NNP", "VBD" }, doc.Tokens.Take(3).Select(t => t.Tag));
        Assert.Equal("PERSON", doc.Tokens[1].EntityTag);
        foreach (var sentence in doc.Sentences)
        {
            var tokens = doc.TokensOf(sentence).ToArray();
            Assert.Single(tokens, t => t.Head == -1);
            Assert.All(tokens, t => Assert.True(t.Head == -1 || (t.Head >= sentence.FirstToken && t.Head < sentence.EndToken)));
            Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t.Relation)));
        }
        Assert.Equal(2, doc.Tokens[1].Head);   // Trump <- said, as a document-level index
    }

    [Fact]
    public void Stages_map_curly_quotes_and_brackets_to_training_forms()
    {
        var doc = Pipeline().Process("\u201cShe left (early),\u201d Trump said.");
        Assert.Equal("``", PtbNormalizer.Normalize(doc.Tokens[0]));
        Assert.Contains(doc.Tokens, t => t.Text == "(" && PtbNormalizer.Normalize(t) == "-LRB-");
    }

    [Fact]
    public void Stages_handle_an_empty_text_and_a_very_long_sentence()
    {
        var empty = Pipeline().Process("");
        Assert.Empty(empty.Tokens);

        string longSentence = string.Join(", ", Enumerable.Repeat("Trump said the talks had stalled in Ohio", 60)) + ".";
        var doc = Pipeline().Process(longSentence);
        Assert.True(doc.Tokens.Count > 400);
        Assert.All(doc.Tokens, t => Assert.NotNull(t.Tag));
        Assert.All(doc.Tokens, t => Assert.NotNull(t.EntityTag));
        foreach (var sentence in doc.Sentences)
            Assert.Single(doc.TokensOf(sentence).ToArray(), t => t.Head == -1);
    }

    [Fact]
    public void EnglishModels_from_a_folder_without_models_are_empty()
    {
        var models = EnglishModels.Load(Path.Combine(Path.GetTempPath(), "no-such-hearsay-models"));
        Assert.Null(models.Pos);
        Assert.Null(models.Ner);
        Assert.Null(models.Parser);
        Assert.False(models.IsComplete);
    }

    [Fact]
    public void EnglishModels_load_the_files_of_a_folder()
    {
        string dir = Directory.CreateTempSubdirectory("hearsay-models").FullName;
        try
        {
            using (var f = File.Create(Path.Combine(dir, EnglishModels.PosFile))) Models.Value.Pos!.Save(f);
            using (var f = File.Create(Path.Combine(dir, EnglishModels.ParserFile))) Models.Value.Parser!.Save(f);
            var models = EnglishModels.Load(dir);
            Assert.NotNull(models.Pos);
            Assert.Null(models.Ner);
            Assert.NotNull(models.Parser);
            Assert.Equal(Models.Value.Pos!.Tags, models.Pos!.Tags);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
