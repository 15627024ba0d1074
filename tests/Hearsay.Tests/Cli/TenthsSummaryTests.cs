using Hearsay.Cli.Commands;
using Hearsay.Evaluation;

namespace Hearsay.Tests.Cli;

/// <summary>The means that `hearsay train attribution` prints when HEARSAY_ATTR_FOLD names several held-out tenths.</summary>
public class TenthsSummaryTests
{
    /// <summary>A score whose attribution F1 is <paramref name="correct"/> / 10 (10 system, 10 gold), every role overlap 1.</summary>
    private static ArticleScore Score(int correct)
    {
        var all = Prf.Symmetric(10, 10, 10);
        var role = new RoleScore(all, all);
        return new ArticleScore("tenth", null, role, role, role, Prf.Symmetric(correct, 10, 10), 10, default);
    }

    [Fact]
    public void Each_variant_gets_its_mean_and_its_mean_difference_from_the_default_with_a_standard_error()
    {
        var byFold = new List<List<(string, ArticleScore)>>
        {
            new() { ("default", Score(6)), ("variant", Score(7)) },
            new() { ("default", Score(8)), ("variant", Score(8)) },
        };
        var lines = TrainAttributionTarget.TenthsSummary([9, 4], byFold).Split('\n');
        Assert.Contains("held-out tenths 9, 4", lines[0]);
        Assert.Contains("F1 0.7000", lines[1]);          // (0.6 + 0.8) / 2
        Assert.DoesNotContain("±", lines[1]);
        // Differences 0.1 and 0: mean 0.05, standard deviation 0.0707, standard error 0.05.
        Assert.Contains("F1 0.7500 (+0.0500 ± 0.0500)", lines[2]);
        Assert.Contains("source 1.0000 (0.0000 ± 0.0000)", lines[2]);
    }
}
