using Hearsay.Text;

namespace Hearsay.Stages.Speakers;

/// <summary>
/// An article's name mentions (in text order, as <see cref="NameMentions"/> finds them) indexed by position,
/// end and sentence, so that resolving each source looks at the names near it instead of all of them: an
/// article with thousands of sources stays linear.
/// </summary>
internal sealed class NameIndex
{
    private readonly List<TextRange> _names;
    private readonly Dictionary<int, List<int>> _byEnd = new();
    private readonly Dictionary<int, List<int>> _bySentence = new();

    private readonly Document _document;
    private Dictionary<string, List<int>>? _byWord;   // built when first asked

    public NameIndex(Document document, List<TextRange> names)
    {
        _document = document;
        _names = names;
        for (int i = 0; i < names.Count; i++)
        {
            Add(_byEnd, names[i].End, i);
            Add(_bySentence, document.Tokens[document.TokenAtOrAfter(names[i].Start)].Sentence, i);
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int i) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<int>();
        list.Add(i);
    }

    /// <summary>The last name that starts before <paramref name="position"/>, or -1: every later one ends after it.</summary>
    public int LastStartingBefore(int position)
    {
        int lo = Bisection.CountBefore(_names.Count, at => _names[at].Start < position);
        return lo - 1;
    }

    /// <summary>
    /// The last name that ends by <paramref name="position"/> and has <paramref name="word"/> (any case) among its
    /// space-separated words, or -1.
    /// </summary>
    public int LastWithWordBefore(string word, int position)
    {
        if (_byWord is null)
        {
            _byWord = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < _names.Count; i++)
                foreach (var w in _document.Slice(_names[i]).Split(' ').Distinct(StringComparer.OrdinalIgnoreCase)) Add(_byWord, w, i);
        }
        if (!_byWord.TryGetValue(word, out var holding)) return -1;
        int bound = LastStartingBefore(position);
        for (int k = Bisection.CountBefore(holding.Count, at => holding[at] <= bound) - 1; k >= 0; k--)
            if (_names[holding[k]].End <= position) return holding[k];
        return -1;
    }

    /// <summary>The names that end at <paramref name="end"/>, in text order.</summary>
    public IReadOnlyList<int> EndingAt(int end) => _byEnd.TryGetValue(end, out var list) ? list : [];

    /// <summary>The names in sentence <paramref name="sentence"/>, in text order.</summary>
    public IReadOnlyList<int> InSentence(int sentence) => _bySentence.TryGetValue(sentence, out var list) ? list : [];
}
