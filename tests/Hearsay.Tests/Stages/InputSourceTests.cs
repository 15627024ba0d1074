using Hearsay.Input;

namespace Hearsay.Tests.Stages;

/// <summary>Links from feeds and pages (<see cref="InputSource.ResolveHttpUrl"/>): only http(s) URLs come out.</summary>
public class InputSourceTests
{
    [Theory]
    [InlineData(" https://gazette.example/council-vote ", null, "https://gazette.example/council-vote")]
    [InlineData("/council-vote", "https://gazette.example/feed.xml", "https://gazette.example/council-vote")]
    [InlineData("council-vote", "https://gazette.example/news/", "https://gazette.example/news/council-vote")]
    [InlineData("/council-vote", null, null)]
    [InlineData("/council-vote", "not a url", null)]
    [InlineData("ftp://gazette.example/council-vote", "https://gazette.example/", null)]
    [InlineData("javascript:alert(1)", "https://gazette.example/", null)]
    [InlineData("  ", "https://gazette.example/", null)]
    public void A_link_resolves_to_an_absolute_http_url_or_to_nothing(string link, string? baseUrl, string? expected) =>
        Assert.Equal(expected, InputSource.ResolveHttpUrl(link, baseUrl));
}
