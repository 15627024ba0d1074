using System.Text.RegularExpressions;
using Hearsay.Attributions;
using Hearsay.Store;

namespace Hearsay.Web.Tests;

public class ArticleTextTests
{
    private static StoredAttribution Attribution(long id, string text, (int, int) source, (int, int) cue, (int, int) content, long? parent = null)
    {
        Span S((int Start, int End) r) => new(r.Start, r.End, text[r.Start..r.End]);
        return new StoredAttribution(id, 1, $"A{id}", AttributionKind.Indirect, null, S(source), S(cue), [S(content)], parent, null, 1);
    }

    /// <summary>Each highlighted run as "role id text", in order; unhighlighted text as "- text".</summary>
    private static List<string> Runs(string html) =>
        Regex.Matches(html, "<span[^>]*class=\"hl hl-(\\w+)[^\"]*\"[^>]*data-attribution=\"(\\d+)\"[^>]*>([^<]*)</span>|([^<]+)")
            .Select(m => m.Groups[1].Success ? $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}" : $"- {m.Groups[4].Value}")
            .ToList();

    [Fact]
    public void Each_character_belongs_to_the_innermost_span_that_covers_it()
    {
        const string text = "Officials said the report said talks stalled.";
        var outer = Attribution(1, text, (0, 9), (10, 14), (15, 44));
        var inner = Attribution(2, text, (15, 25), (26, 30), (31, 44), parent: 1);
        var article = new StoredArticle(1, "hash", text, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, [outer, inner]);

        Assert.Equal(
            ["source 1 Officials", "-  ", "cue 1 said", "-  ", "source 2 the report", "content 1  ", "cue 2 said", "content 1  ",
             "content 2 talks stalled", "- ."],
            Runs(ArticleText.Render(article)));
    }

    [Fact]
    public void A_long_article_with_thousands_of_attributions_is_rendered_whole()
    {
        const string sentence = "Officials said talks stalled. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 5_000));
        var attributions = Enumerable.Range(0, 5_000).Select(k =>
        {
            int at = k * sentence.Length;
            return Attribution(k + 1, text, (at, at + 9), (at + 10, at + 14), (at + 15, at + 28));
        }).ToList();
        var article = new StoredArticle(1, "hash", text, null, null, null, null, null, null, DateTimeOffset.UnixEpoch, attributions);

        var runs = Runs(ArticleText.Render(article));
        Assert.Equal(5_000, runs.Count(r => r.StartsWith("cue ")));
        Assert.Equal("content 5000 talks stalled", runs[^2]);
    }
}
