namespace Hearsay.Nlp;

/// <summary>
/// A hierarchical clustering of words (see <see cref="WordClusterer"/>): each known word has a path of
/// binary choices from the root, stored as a code with a leading 1 bit (so paths of different lengths
/// never collide). Prefixes of the path are coarser clusters. Read-only once built.
/// </summary>
public sealed class WordClusters
{
    /// <summary>The code of words that are not in the clustering.</summary>
    public const ulong Unknown = 0;

    private readonly Dictionary<ulong, ulong> _codes;   // FeatureHash.Of(word) -> code
    private readonly (string Word, ulong Code)[] _entries;

    public WordClusters(IEnumerable<(string Word, ulong Code)> entries)
    {
        _entries = entries.ToArray();
        _codes = new Dictionary<ulong, ulong>(_entries.Length);
        foreach (var (word, code) in _entries) _codes[FeatureHash.Of(word)] = code;
    }

    public static WordClusters Empty { get; } = new([]);

    public int Count => _entries.Length;

    /// <summary>The path code of the word whose <see cref="WordFeatures.Word"/> hash is <paramref name="word"/>, or <see cref="Unknown"/>.</summary>
    public ulong CodeOf(ulong word) => _codes.TryGetValue(word, out ulong code) ? code : Unknown;

    /// <summary>The first <paramref name="bits"/> choices of a path code (the whole path when it is shorter).</summary>
    public static ulong Prefix(ulong code, int bits)
    {
        if (code == Unknown) return Unknown;
        int length = 63 - System.Numerics.BitOperations.LeadingZeroCount(code);
        return length <= bits ? code : code >> (length - bits);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Length);
        foreach (var (word, code) in _entries) { writer.Write(word); writer.Write(code); }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        var entries = new (string, ulong)[reader.ReadInt32()];
        for (int i = 0; i < entries.Length; i++) entries[i] = (reader.ReadString(), reader.ReadUInt64());
        return new WordClusters(entries);
    }
}
