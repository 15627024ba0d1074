using System.Runtime.CompilerServices;

namespace Hearsay.Nlp;

/// <summary>
/// Deterministic hashing of feature parts. A feature is a template number mixed with one or more
/// 64-bit part hashes (a word, a tag, a suffix), folded to a 32-bit key that is never zero.
/// Nothing here depends on <see cref="string.GetHashCode()"/>, which is randomised per process.
/// </summary>
public static class FeatureHash
{
    private const ulong Prime1 = 0x9E3779B97F4A7C15UL;
    private const ulong Prime2 = 0xBF58476D1CE4E5B9UL;
    private const ulong Prime3 = 0x94D049BB133111EBUL;

    /// <summary>FNV-1a over the characters, then a final avalanche.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in text) h = (h ^ c) * 0x100000001B3UL;
        return Avalanche(h);
    }

    /// <summary>Hash of the lower-cased characters, without allocating.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (char c in text) h = (h ^ char.ToLowerInvariant(c)) * 0x100000001B3UL;
        return Avalanche(h);
    }

    public static ulong Of(int value) => Avalanche((ulong)(uint)value * Prime1 + 0x5851F42D4C957F2DUL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Avalanche(ulong h)
    {
        h = (h ^ (h >> 30)) * Prime2;
        h = (h ^ (h >> 27)) * Prime3;
        return h ^ (h >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, ulong part) => (ulong)System.Numerics.BitOperations.RotateLeft(h ^ (part * Prime1), 29) * Prime2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(ulong h)
    {
        h = Avalanche(h);
        uint key = (uint)(h ^ (h >> 32));
        return key == 0 ? 1u : key;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(int template) => Fold((ulong)(template + 1) * Prime3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(int template, ulong a) => Fold(Mix((ulong)(template + 1) * Prime3, a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(int template, ulong a, ulong b) => Fold(Mix(Mix((ulong)(template + 1) * Prime3, a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Feature(int template, ulong a, ulong b, ulong c) =>
        Fold(Mix(Mix(Mix((ulong)(template + 1) * Prime3, a), b), c));
}
