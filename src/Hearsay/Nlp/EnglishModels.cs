using System.Reflection;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;

namespace Hearsay.Nlp;

/// <summary>
/// The shipped English models: tagger, entity recogniser and parser. Load once and pass the instance
/// around; every model is read-only and safe to share across threads. A model that is not available
/// is null, and the pipeline then leaves its stage out.
/// </summary>
public sealed class EnglishModels
{
    public const string PosFile = "pos.bin", NerFile = "ner.bin", ParserFile = "parser.bin";

    public EnglishModels(PosModel? pos, NerModel? ner, ParserModel? parser)
    {
        Pos = pos;
        Ner = ner;
        Parser = parser;
    }

    public PosModel? Pos { get; }
    public NerModel? Ner { get; }
    public ParserModel? Parser { get; }

    /// <summary>Whether all three models are present.</summary>
    public bool IsComplete => Pos != null && Ner != null && Parser != null;

    /// <summary>Loads the models embedded in the Hearsay assembly (resources Hearsay.Models.&lt;file&gt;).</summary>
    public static EnglishModels Load()
    {
        var assembly = typeof(EnglishModels).Assembly;
        return new EnglishModels(
            FromResource(assembly, PosFile, PosModel.Load),
            FromResource(assembly, NerFile, NerModel.Load),
            FromResource(assembly, ParserFile, ParserModel.Load));
    }

    /// <summary>Loads the model files found in <paramref name="directory"/> (pos.bin, ner.bin, parser.bin).</summary>
    public static EnglishModels Load(string directory) => new(
        FromFile(directory, PosFile, PosModel.Load),
        FromFile(directory, NerFile, NerModel.Load),
        FromFile(directory, ParserFile, ParserModel.Load));

    private static T? FromResource<T>(Assembly assembly, string file, Func<Stream, T> load) where T : class
    {
        using var stream = assembly.GetManifestResourceStream("Hearsay.Models." + file);
        return stream is null ? null : load(stream);
    }

    private static T? FromFile<T>(string directory, string file, Func<Stream, T> load) where T : class
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return load(stream);
    }
}
