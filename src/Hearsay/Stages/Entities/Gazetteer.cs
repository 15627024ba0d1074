using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// Word sequences seen as entities, with how often all the words of each occurrence were tagged with each
/// type and how often the sequence occurred at all (tagged or not, alone or inside a longer entity). Looked up by the words' <see cref="WordFeatures.Word"/>
/// hashes, so a sentence is matched without building strings. Read-only once built.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxLength = 6;

    public sealed record Entry(string[] Words, int[] TypeCounts, int Occurrences)
    {
        public int EntityCount => TypeCounts.Sum();
    }

    /// <summary>One match in a sentence: the entry found at words [Start, Start + Length).</summary>
    public readonly record struct Match(int Start, int Length, Entry Entry);

    private readonly Entry[] _entries;
    private readonly Dictionary<ulong, int> _index;   // sequence hash -> entry index, or -1 for a proper prefix of some entry only

    public Gazetteer(IEnumerable<Entry> entries)
    {
        _entries = entries.ToArray();
        _index = new Dictionary<ulong, int>(_entries.Length * 2);
        for (int e = 0; e < _entries.Length; e++)
        {
            ulong h = Start;
            var words = _entries[e].Words;
            for (int i = 0; i < words.Length; i++)
            {
                h = Extend(h, FeatureHash.Of(words[i]));
                if (i == words.Length - 1) _index[h] = e;
                else _index.TryAdd(h, -1);
            }
        }
    }

    public static Gazetteer Empty { get; } = new([]);

    public int Count => _entries.Length;
    public IReadOnlyList<Entry> Entries => _entries;

    internal const ulong Start = 0x2545F4914F6CDD1DUL;
    internal static ulong Extend(ulong sequence, ulong word) => FeatureHash.Avalanche(sequence * 31 ^ word);

    /// <summary>Every entry that occurs in <paramref name="words"/>, in order of start then length.</summary>
    public void FindAll(ReadOnlySpan<WordFeatures> words, List<Match> matches)
    {
        matches.Clear();
        if (_entries.Length == 0) return;
        for (int s = 0; s < words.Length; s++)
        {
            ulong h = Start;
            for (int len = 1; len <= MaxLength && s + len <= words.Length; len++)
            {
                h = Extend(h, words[s + len - 1].Word);
                if (!_index.TryGetValue(h, out int e)) break;
                if (e >= 0) matches.Add(new Match(s, len, _entries[e]));
            }
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_entries.Length);
        foreach (var e in _entries)
        {
            writer.Write((byte)e.Words.Length);
            foreach (var w in e.Words) writer.Write(w);
            foreach (int c in e.TypeCounts) writer.Write7BitEncodedInt(c);
            writer.Write7BitEncodedInt(e.Occurrences);
        }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        var entries = new Entry[reader.ReadInt32()];
        for (int i = 0; i < entries.Length; i++)
        {
            var words = new string[reader.ReadByte()];
            for (int w = 0; w < words.Length; w++) words[w] = reader.ReadString();
            var counts = new int[NerModel.Types.Length];
            for (int t = 0; t < counts.Length; t++) counts[t] = reader.Read7BitEncodedInt();
            entries[i] = new Entry(words, counts, reader.Read7BitEncodedInt());
        }
        return new Gazetteer(entries);
    }
}
