using System.Reflection;
using Hearsay.Nlp;

namespace Hearsay.Stages.Reported;

/// <summary>
/// The learned part of full attribution extraction: a token labeller (BIO over source, cue and content,
/// averaged perceptron weights) and a cue lexicon learned from the training annotations (how often each
/// lower-cased word is part of a cue). Read-only once built; safe to share across threads.
/// </summary>
public sealed class AttributionModel
{
    public const string Kind = "attribution";
    public const string FileName = "attribution.bin";

    internal AttributionModel(LinearModel weights, IReadOnlyDictionary<string, float> cueRates, LinearModel? stacked = null,
        AttributionConfidence? confidence = null, IReadOnlyDictionary<string, float>? neighbourRates = null)
    {
        Weights = weights;
        CueRates = cueRates;
        NeighbourRates = neighbourRates;
        Stacked = stacked;
        Confidence = confidence;
    }

    internal LinearModel Weights { get; }
    /// <summary>The second pass, which labels again seeing the first pass's labels on both sides; null for one pass.</summary>
    internal LinearModel? Stacked { get; }
    /// <summary>For each lower-cased word seen inside cues in training: the share of its occurrences that are cue words.</summary>
    public IReadOnlyDictionary<string, float> CueRates { get; }
    /// <summary>For the words of a pretrained vector space: the cue rate of their nearest words (<see cref="CueNeighbours"/>); null without one.</summary>
    public IReadOnlyDictionary<string, float>? NeighbourRates { get; }
    /// <summary>How likely each found attribution is to be right; null in model files from before it.</summary>
    public AttributionConfidence? Confidence { get; }
    public int FeatureCount => Weights.FeatureCount + (Stacked?.FeatureCount ?? 0);

    /// <summary>A copy without the rows whose largest absolute weight is below <paramref name="minWeight"/> (smaller, faster).</summary>
    public AttributionModel Prune(float minWeight) => minWeight <= 0 ? this : new(Weights.Prune(minWeight), CueRates, Stacked?.Prune(minWeight), Confidence, NeighbourRates);

    public void Save(Stream output) => ModelFile.Write(output, Kind, writer =>
    {
        Weights.Write(writer);
        WriteRates(writer, CueRates);
        writer.Write(Stacked is not null);
        Stacked?.Write(writer);
        writer.Write(Confidence is not null);
        Confidence?.Write(writer);
        writer.Write(NeighbourRates is not null);
        if (NeighbourRates is not null) WriteRates(writer, NeighbourRates);
    });

    private static void WriteRates(BinaryWriter writer, IReadOnlyDictionary<string, float> rates)
    {
        writer.Write(rates.Count);
        foreach (var (word, rate) in rates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write(rate);
        }
    }

    private static Dictionary<string, float> ReadRates(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var rates = new Dictionary<string, float>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string word = reader.ReadString();
            rates[word] = reader.ReadSingle();
        }
        return rates;
    }

    public static AttributionModel Load(Stream input) => ModelFile.Read(input, Kind, reader =>
    {
        var weights = LinearModel.Read(reader);
        var rates = ReadRates(reader);
        var stacked = reader.ReadBoolean() ? LinearModel.Read(reader) : null;
        var confidence = ReadOptional(reader, AttributionConfidence.Read);
        return new AttributionModel(weights, rates, stacked, confidence, ReadOptional(reader, ReadRates));
    });

    /// <summary>
    /// A part the file may lack (a flag, then the part when set): the confidence model and the neighbour
    /// rates were added after files already shipped, which end before them and still load without them.
    /// </summary>
    private static T? ReadOptional<T>(BinaryReader reader, Func<BinaryReader, T> read) where T : class
    {
        try { return reader.ReadBoolean() ? read(reader) : null; }
        catch (EndOfStreamException) { return null; }
    }

    /// <summary>The model shipped in the Hearsay assembly (models/attribution.bin), or null when it was built without one.</summary>
    public static AttributionModel? LoadShipped()
    {
        using var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream("Hearsay.Models." + FileName);
        return stream is null ? null : Load(stream);
    }
}

/// <summary>The token labels: O, then B and I for source, cue and content.</summary>
internal static class AttributionLabels
{
    public const int Outside = 0;
    public const int Count = 7;
    public static readonly string[] Names = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"];

    /// <summary>0 = none, 1 = source, 2 = cue, 3 = content.</summary>
    public static int RoleOf(int label) => label == 0 ? 0 : (label + 1) / 2;
    public static bool IsBegin(int label) => label > 0 && label % 2 == 1;
    public static int Begin(int role) => 2 * role - 1;
    public static int Inside(int role) => 2 * role;

    /// <summary>An I label continues only a span of its own role.</summary>
    public static bool Allowed(int previous, int label) =>
        label == 0 || IsBegin(label) || RoleOf(previous) == RoleOf(label);
}
