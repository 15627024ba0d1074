using System.Text.Encodings.Web;
using System.Text.Json;
using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Output;

/// <summary>
/// Writes a document as Hearsay's JSON: metadata, text, entities and attributions, every span as
/// {start, end, text} with Unicode code-point offsets into <c>text</c>.
/// </summary>
public static class JsonDocumentWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Document document, Stream stream, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact);
        Write(document, writer);
    }

    public static string ToJson(Document document, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(document, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Document document, Utf8JsonWriter writer)
    {
        var map = CodePointMap.For(document.Text);
        var meta = document.Metadata;
        writer.WriteStartObject();
        writer.WriteString("id", document.Id);
        WriteNullable(writer, "title", meta.Title);
        WriteNullable(writer, "author", meta.Author);
        WriteNullable(writer, "outlet", meta.Outlet);
        WriteNullable(writer, "published", meta.Published?.ToString("yyyy-MM-dd'T'HH:mm:ssK"));
        WriteNullable(writer, "url", meta.Url);
        writer.WriteString("text", document.Text);

        writer.WriteStartArray("entities");
        foreach (var entity in document.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.Id);
            writer.WriteString("name", entity.Name);
            writer.WriteString("kind", KindName(entity.Kind));
            writer.WriteBoolean("named", entity.Named);
            writer.WriteStartArray("mentions");
            foreach (var mention in entity.Mentions) WriteRange(writer, map, mention, null);
            writer.WriteEndArray();
            writer.WriteEndObject();
            FlushLarge(writer);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("attributions");
        foreach (var attribution in document.Attributions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", attribution.Id);
            writer.WriteString("kind", attribution.Kind.ToString().ToLowerInvariant());
            writer.WritePropertyName("source");
            if (attribution.Source is { } source)
            {
                writer.WriteStartObject();
                WriteRangeFields(writer, map, source, document);
                WriteNullable(writer, "entity", attribution.Speaker?.Id);
                writer.WriteEndObject();
            }
            else writer.WriteNullValue();
            writer.WritePropertyName("cue");
            if (attribution.Cue is { } cue) WriteRange(writer, map, cue, document);
            else writer.WriteNullValue();
            writer.WriteStartArray("content");
            foreach (var content in attribution.Content) WriteRange(writer, map, content, document);
            writer.WriteEndArray();
            WriteNullable(writer, "parent", attribution.Parent?.Id);
            writer.WriteStartArray("chain");
            foreach (var entity in attribution.Chain) writer.WriteStringValue(entity.Id);
            writer.WriteEndArray();
            WriteNullable(writer, "rule", attribution.Rule);
            writer.WriteNumber("confidence", Math.Round(attribution.Confidence, 3));
            writer.WriteEndObject();
            FlushLarge(writer);
        }
        writer.WriteEndArray();
        WriteNullable(writer, "provenance", document.Provenance?.Id);
        WriteProfile(writer, SourcingProfile.Of(document));
        writer.WriteEndObject();
    }

    /// <summary>Passes what is written on to the stream now and then, so that a huge document is not held twice.</summary>
    private static void FlushLarge(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > 1 << 16) writer.Flush();
    }

    private static void WriteProfile(Utf8JsonWriter writer, SourcingProfile profile)
    {
        writer.WriteStartObject("profile");
        writer.WriteNumber("attributions", profile.Attributions);
        writer.WriteStartObject("by_kind");
        foreach (var (kind, count) in profile.ByKind) writer.WriteNumber(KindName(kind), count);
        writer.WriteEndObject();
        writer.WriteNumber("named", profile.Named);
        writer.WriteNumber("anonymous", profile.Anonymous);
        writer.WriteNumber("unresolved", profile.Unresolved);
        writer.WriteNumber("first_hand", profile.FirstHand);
        writer.WriteNumber("second_hand", profile.SecondHand);
        writer.WriteNumber("share_anonymous", Math.Round(profile.Share(profile.Anonymous), 4));
        writer.WriteNumber("share_second_hand", Math.Round(profile.Share(profile.SecondHand), 4));
        writer.WriteEndObject();
    }

    public static string KindName(EntityKind kind) => kind.ToString().ToLowerInvariant();

    private static void WriteRange(Utf8JsonWriter writer, CodePointMap map, TextRange range, Document? document)
    {
        writer.WriteStartObject();
        WriteRangeFields(writer, map, range, document);
        writer.WriteEndObject();
    }

    private static void WriteRangeFields(Utf8JsonWriter writer, CodePointMap map, TextRange range, Document? document)
    {
        var points = map.ToCodePoints(range);
        writer.WriteNumber("start", points.Start);
        writer.WriteNumber("end", points.End);
        if (document is not null) writer.WriteString("text", document.Slice(range));
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name); else writer.WriteString(name, value);
    }
}
