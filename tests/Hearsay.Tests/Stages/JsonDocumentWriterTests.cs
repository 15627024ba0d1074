using System.Text.Json;
using Hearsay.Output;

namespace Hearsay.Tests.Stages;

public class JsonDocumentWriterTests
{
    [Fact]
    public void Offsets_are_code_points_even_after_characters_outside_the_bmp()
    {
        string text = "Emoji 😀 News\n\n“We won,” Ortiz said.";
        var doc = TestPipeline.Run(text);
        using var json = JsonDocument.Parse(JsonDocumentWriter.ToJson(doc));
        var root = json.RootElement;
        Assert.Equal(text, root.GetProperty("text").GetString());
        var source = root.GetProperty("attributions")[0].GetProperty("source");
        int start = source.GetProperty("start").GetInt32();
        int end = source.GetProperty("end").GetInt32();
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal("Ortiz", string.Concat(codePoints[start..end]));
        Assert.Equal("Ortiz", source.GetProperty("text").GetString());
        string entity = source.GetProperty("entity").GetString()!;
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("id").GetString() == entity
            && e.GetProperty("kind").GetString() == "person" && e.GetProperty("named").GetBoolean());
    }

    [Fact]
    public void Required_fields_are_present()
    {
        var doc = TestPipeline.Run("Title\nBy Jane Roe\n\nNothing quoted here.");
        using var json = JsonDocument.Parse(JsonDocumentWriter.ToJson(doc));
        foreach (var field in new[] { "id", "title", "author", "outlet", "published", "text", "entities", "attributions" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);
        Assert.Equal("Jane Roe", json.RootElement.GetProperty("author").GetString());
    }
}
