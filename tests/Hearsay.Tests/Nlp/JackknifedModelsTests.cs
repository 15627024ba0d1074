using Hearsay.Nlp;

namespace Hearsay.Tests.Nlp;

public class JackknifedModelsTests
{
    [Fact]
    public void Each_listed_article_gets_the_models_of_its_fold_and_a_cache_reuses_them()
    {
        string cache = Path.Combine(Path.GetTempPath(), "hearsay-jackknife-" + Guid.NewGuid().ToString("N"));
        try
        {
            // d1 falls in fold 1 of 2, d2 in fold 2; d3 is no attribution article and trains both folds.
            var syntax = JackknifedModels.Train(NlpTestData.All, ["d1", "d2"], folds: 2, seed: 1, cache);
            Assert.Equal(2, syntax.Folds);
            Assert.Null(syntax.For("d3"));
            var first = syntax.For("d1");
            var second = syntax.For("d2");
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.NotSame(first, second);
            Assert.True(first.IsComplete);
            Assert.Equal(6, Directory.GetFiles(cache, "*.bin").Length);

            var written = Directory.GetFiles(cache).ToDictionary(f => f, File.GetLastWriteTimeUtc);
            var again = JackknifedModels.Train(NlpTestData.All, ["d1", "d2"], folds: 2, seed: 1, cache);
            Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(w.Key)));
            string[] words = ["Officials", "told", "Reuters", "that", "Hillary", "Clinton", "won", "."];
            Assert.Equal(first.Pos!.Tag(words), again.For("d1")!.Pos!.Tag(words));
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
