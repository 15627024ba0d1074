using Hearsay.Cli.Commands;

namespace Hearsay.Tests.Nlp;

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
}
