namespace Hearsay.Stages.Tokenization;

/// <summary>
/// The distinct texts of a document's tokens: a token whose text was met before shares that string, so a
/// document holds each distinct word once ("the", ",", "said" are a large share of any article's tokens,
/// and a huge input's tokens would otherwise each carry a string of their own).
/// </summary>
internal sealed class TokenTextPool
{
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TokenTextPool() => _lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to <paramref name="text"/>, added on first sight.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var pooled)) return pooled;
        var added = text.ToString();
        _texts.Add(added);
        return added;
    }
}
