using System.Runtime.CompilerServices;

namespace Hearsay.Nlp;

/// <summary>
/// The hashed surface attributes of one token (in PTB form), computed once per token and shared by
/// the feature templates of the tagger, the entity recogniser and the parser.
/// </summary>
public struct WordFeatures
{
    /// <summary>The form as written (case kept).</summary>
    public ulong Word;
    /// <summary>Lower-cased form; numbers collapse to !YEAR / !DIGITS.</summary>
    public ulong Lower;
    public ulong Prefix1, Prefix3;
    public ulong Suffix1, Suffix2, Suffix3, Suffix4;
    /// <summary>Word shape: X for upper case, x lower, d digit, other characters kept, runs cut at 3.</summary>
    public ulong Shape;
    public bool Capitalized;

    public static readonly ulong Year = FeatureHash.Of("!YEAR");
    public static readonly ulong Digits = FeatureHash.Of("!DIGITS");

    /// <summary>Padding attributes for positions before the sentence (-1, -2) and after it (+1, +2).</summary>
    public static WordFeatures Padding(int which)
    {
        ulong h = FeatureHash.Of(which + 7919);
        return new WordFeatures { Word = h, Lower = h, Prefix1 = h, Prefix3 = h, Suffix1 = h, Suffix2 = h, Suffix3 = h, Suffix4 = h, Shape = h };
    }

    public static void Compute(ReadOnlySpan<char> form, out WordFeatures f)
    {
        f = default;
        f.Word = FeatureHash.Of(form);
        int n = form.Length;
        Span<char> lower = n <= 64 ? stackalloc char[n] : new char[n];
        for (int i = 0; i < n; i++) lower[i] = char.ToLowerInvariant(form[i]);
        if (n > 0 && char.IsAsciiDigit(form[0]))
            f.Lower = n == 4 && IsAllDigits(form) ? Year : Digits;
        else
            f.Lower = FeatureHash.Of(lower);
        f.Prefix1 = FeatureHash.Of(lower[..Math.Min(1, n)]) + 1;
        f.Prefix3 = FeatureHash.Of(lower[..Math.Min(3, n)]) + 2;
        f.Suffix1 = FeatureHash.Of(lower[Math.Max(0, n - 1)..]) + 3;
        f.Suffix2 = FeatureHash.Of(lower[Math.Max(0, n - 2)..]) + 4;
        f.Suffix3 = FeatureHash.Of(lower[Math.Max(0, n - 3)..]) + 5;
        f.Suffix4 = FeatureHash.Of(lower[Math.Max(0, n - 4)..]) + 6;
        f.Shape = ShapeOf(form);
        f.Capitalized = n > 0 && char.IsUpper(form[0]);
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static ulong ShapeOf(ReadOnlySpan<char> form) => WordShape.Hash(form, maxLength: 16, maxRun: 3) + 7;
}
