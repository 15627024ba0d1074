using Hearsay.Cli.Commands;

namespace Hearsay.Tests.Nlp;

[Collection(Hearsay.Tests.Cli.ConsoleCollection.Name)]
public class TrainCommandTests
{
    [Fact]
    public void TrainCommand_finds_a_corpus_by_its_silver_files()
    {
        string dir = Directory.CreateTempSubdirectory("hearsay-corpus").FullName;
        try
        {
            Assert.Null(TrainCommand.ResolveCorpus(dir));
            Directory.CreateDirectory(Path.Combine(dir, "silver"));
            File.WriteAllBytes(Path.Combine(dir, "silver", "dev.conllu.gz"), []);
            Assert.Equal(Path.GetFullPath(dir), TrainCommand.ResolveCorpus(dir));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void TrainCommand_has_a_sub_command_per_model()
    {
        var command = new TrainCommand().Create();
        var names = command.Subcommands.Select(c => c.Name).ToList();
        Assert.Contains("pos", names);
        Assert.Contains("ner", names);
        Assert.Contains("parser", names);
        Assert.All(command.Subcommands.Where(c => c.Name is "pos" or "ner" or "parser"),
            c => Assert.Contains(c.Options, o => o.Name == "--corpus"));
    }

    [Fact]
    public void Train_attribution_refuses_a_missing_vector_file_in_one_line_before_training()
    {
        var (exit, error, vectors) = TrainAttributionWithVectors(contents: null);
        Assert.Equal(Hearsay.Cli.ExitCodes.UsageError, exit);
        Assert.Equal($"--embeddings: no file {vectors}", error.Split('\n')[0]);
        Assert.DoesNotContain("attribution: read", error);
    }

    [Fact]
    public void Train_attribution_refuses_a_vector_file_that_is_not_one_in_one_line()
    {
        var (exit, error, vectors) = TrainAttributionWithVectors("{\"dimensions\":3,\"words\":[\"said\"],\"vectors\":{\"said\":[1,0");
        Assert.Equal(Hearsay.Cli.ExitCodes.UsageError, exit);
        Assert.StartsWith($"--embeddings: {vectors} is not a word-vector file", error.Split('\n')[0]);
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>Runs `hearsay train attribution` on an empty corpus with a vector file of these contents (none: no file).</summary>
    private static (int Exit, string Error, string Vectors) TrainAttributionWithVectors(string? contents)
    {
        string dir = Directory.CreateTempSubdirectory("hearsay-corpus").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "silver"));
            File.WriteAllBytes(Path.Combine(dir, "silver", "dev.conllu.gz"), []);
            string vectors = Path.Combine(dir, "vectors.json");
            if (contents is not null) File.WriteAllText(vectors, contents);
            var (exit, error) = Hearsay.Tests.Cli.StandardError.Capture(() => Hearsay.Cli.HearsayCli.RunAsync(
                ["train", "attribution", "--corpus", dir, "--embeddings", vectors]).GetAwaiter().GetResult());
            return (exit, error, vectors);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
