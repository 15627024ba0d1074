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
        string dir = Directory.CreateTempSubdirectory("hearsay-corpus").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "silver"));
            File.WriteAllBytes(Path.Combine(dir, "silver", "dev.conllu.gz"), []);
            string missing = Path.Combine(dir, "no-vectors.json");
            var (exit, error) = Hearsay.Tests.Cli.StandardError.Capture(() => Hearsay.Cli.HearsayCli.RunAsync(
                ["train", "attribution", "--corpus", dir, "--embeddings", missing]).GetAwaiter().GetResult());
            Assert.Equal(Hearsay.Cli.ExitCodes.UsageError, exit);
            Assert.Equal($"--embeddings: no file {missing}", error.Split('\n')[0]);
            Assert.DoesNotContain("attribution: read", error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Train_attribution_refuses_a_vector_file_that_is_not_one_in_one_line()
    {
        string dir = Directory.CreateTempSubdirectory("hearsay-corpus").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "silver"));
            File.WriteAllBytes(Path.Combine(dir, "silver", "dev.conllu.gz"), []);
            string broken = Path.Combine(dir, "vectors.json");
            File.WriteAllText(broken, "{\"dimensions\":3,\"words\":[\"said\"],\"vectors\":{\"said\":[1,0");
            var (exit, error) = Hearsay.Tests.Cli.StandardError.Capture(() => Hearsay.Cli.HearsayCli.RunAsync(
                ["train", "attribution", "--corpus", dir, "--embeddings", broken]).GetAwaiter().GetResult());
            Assert.Equal(Hearsay.Cli.ExitCodes.UsageError, exit);
            Assert.StartsWith($"--embeddings: {broken} is not a word-vector file", error.Split('\n')[0]);
            Assert.DoesNotContain("   at ", error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
