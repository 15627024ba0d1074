using Hearsay.Nlp;

namespace Hearsay.Benchmarks;

/// <summary>The silver dev split as the NLP benchmarks use it: each article's text and its CoreNLP tokens.</summary>
internal sealed record NlpArticle(string Id, string Text, List<ConlluSentence> Sentences)
{
    public int SilverTokens => Sentences.Sum(s => s.Count);
}

internal static class NlpCorpus
{
    /// <summary>The corpus folder: $HEARSAY_CORPUS, or ../shared/corpora/polnear above the current folder.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("HEARSAY_CORPUS") is { Length: > 0 } given && Directory.Exists(given)) return given;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "corpora", "polnear");
            if (File.Exists(Path.Combine(candidate, "silver", "dev.conllu.gz"))) return Path.GetFullPath(candidate);
            candidate = Path.Combine(dir.FullName, "shared", "corpora", "polnear");
            if (File.Exists(Path.Combine(candidate, "silver", "dev.conllu.gz"))) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>The dev articles that have silver annotations, in file order.</summary>
    public static List<NlpArticle> LoadDev(string corpus)
    {
        var articles = new List<NlpArticle>();
        foreach (var group in ConlluReader.ReadFile(Path.Combine(corpus, "silver", "dev.conllu.gz")).GroupBy(s => s.DocumentId))
        {
            string path = Path.Combine(corpus, "dev", "text", group.Key + ".txt");
            if (File.Exists(path)) articles.Add(new NlpArticle(group.Key, File.ReadAllText(path), group.ToList()));
        }
        return articles;
    }

    /// <summary>The shipped models: models/ of the repository when found, else the embedded ones.</summary>
    public static EnglishModels LoadModels()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx")) && File.Exists(Path.Combine(dir.FullName, "models", EnglishModels.PosFile)))
                return EnglishModels.Load(Path.Combine(dir.FullName, "models"));
        return EnglishModels.Load();
    }

    /// <summary>A stand-in text for machines without the corpus.</summary>
    public const string SampleText =
        "Donald Trump said on Tuesday that the talks with Mexico had stalled, according to two officials familiar with the matter.\n\n" +
        "\u201cWe are not going to accept that,\u201d Hillary Clinton told reporters in Ohio. The campaign declined to comment.\n\n" +
        "Officials at the State Department, who spoke on condition of anonymity, said the plan (announced last week) would cost $3.5 billion.";
}
