using System.Collections.Frozen;
using Hearsay.Nlp;

namespace Hearsay.Stages.Entities;

/// <summary>
/// Words (exact forms, as <see cref="WordFeatures.Word"/> hashes) seen often in training and never inside an
/// entity: "said", "the", commas. The recogniser labels them O without scoring them, which skips about half
/// of the tokens of news text; on silver dev it changes a handful of labels.
/// </summary>
public sealed class OutsideWords
{
    private readonly FrozenSet<ulong> _words;

    public OutsideWords(IEnumerable<ulong> words) => _words = words.ToFrozenSet();

    public static OutsideWords Empty { get; } = new([]);

    public int Count => _words.Count;

    public bool Contains(ulong word) => _words.Contains(word);

    /// <summary>The words of <paramref name="sentences"/> seen at least <paramref name="minCount"/> times and never with an entity type (type &lt; 0 is O).</summary>
    public static OutsideWords Learn(IEnumerable<(WordFeatures[] Words, int[] Types)> sentences, int minCount)
    {
        if (minCount <= 0) return Empty;
        var counts = new Dictionary<ulong, int>();
        var inEntity = new HashSet<ulong>();
        foreach (var (words, types) in sentences)
            for (int i = 0; i < words.Length; i++)
            {
                counts[words[i].Word] = counts.GetValueOrDefault(words[i].Word) + 1;
                if (types[i] >= 0) inEntity.Add(words[i].Word);
            }
        return new OutsideWords(counts.Where(p => p.Value >= minCount && !inEntity.Contains(p.Key)).Select(p => p.Key));
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_words.Count);
        foreach (ulong word in _words.Order()) writer.Write(word);
    }

    public static OutsideWords Read(BinaryReader reader)
    {
        var words = new ulong[reader.ReadInt32()];
        for (int i = 0; i < words.Length; i++) words[i] = reader.ReadUInt64();
        return new OutsideWords(words);
    }
}
