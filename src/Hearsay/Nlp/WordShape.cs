namespace Hearsay.Nlp;

/// <summary>
/// The hashed shape of a word: upper case to X, lower case to x, digits to d, other characters kept,
/// runs of one class cut to <c>maxRun</c> ("McCain" gives "XxXxxx" at run 4, "XxXxx" at run 2).
/// </summary>
public static class WordShape
{
    public static ulong Hash(ReadOnlySpan<char> form, int maxLength, int maxRun)
    {
        Span<char> shape = stackalloc char[maxLength];
        int len = 0, run = 0;
        char last = '\0';
        foreach (char ch in form)
        {
            char s = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run > maxRun) continue;
            shape[len++] = s;
            if (len == shape.Length) break;
        }
        return FeatureHash.Of(shape[..len]);
    }
}
