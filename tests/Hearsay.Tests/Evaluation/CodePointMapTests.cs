using Hearsay.Text;

namespace Hearsay.Tests.Evaluation;

public class CodePointMapTests
{
    // UTF-16: a=0, 😀=1..2, b=3, 🎉=4..5, c=6, end=7. Code points: a=0, 😀=1, b=2, 🎉=3, c=4, end=5.
    private const string Text = "a😀b🎉c";

    [Fact]
    public void CodePointMap_is_the_identity_without_surrogate_pairs()
    {
        var map = CodePointMap.For("plain “text” — é");
        Assert.True(map.IsIdentity);
        Assert.Equal(7, map.ToCodePoint(7));
        Assert.Equal(7, map.ToUtf16(7));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    public void CodePointMap_converts_both_ways_around_emoji(int utf16, int codePoint)
    {
        var map = CodePointMap.For(Text);
        Assert.False(map.IsIdentity);
        Assert.Equal(codePoint, map.ToCodePoint(utf16));
        Assert.Equal(utf16, map.ToUtf16(codePoint));
    }

    [Fact]
    public void CodePointMap_maps_a_position_inside_a_pair_past_the_pair()
    {
        var map = CodePointMap.For(Text);
        Assert.Equal(2, map.ToCodePoint(2));
    }

    [Fact]
    public void CodePointMap_converts_ranges()
    {
        var map = CodePointMap.For(Text);
        Assert.Equal(new TextRange(1, 3), map.ToCodePoints(new TextRange(1, 4)));
        Assert.Equal(new TextRange(1, 4), map.ToUtf16(new TextRange(1, 3)));
        Assert.Equal(Text.Length, map.ToUtf16(map.ToCodePoint(Text.Length)));
    }
}
