using System.Text;
using System.Text.RegularExpressions;
using Hearsay.Text;

namespace Hearsay.Input;

/// <summary>
/// Turns raw article text into a <see cref="Document"/>: the first non-empty line is the headline, and a
/// byline ("By Jane Doe", "Author: Jane Doe") near the top is recognised as metadata. The text itself is
/// never changed, so every offset indexes the input exactly as read.
/// </summary>
public static partial class ArticleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Largest input accepted, in bytes; larger inputs are refused rather than read.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Decodes bytes as strict UTF-8 (a leading byte-order mark is kept in the text, as read).</summary>
    /// <exception cref="InvalidInputException">The bytes are not text.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
            throw new InvalidInputException($"input is {bytes.Length / (1024 * 1024)} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB");
        if (bytes.IndexOf((byte)0) >= 0)
            throw new InvalidInputException("input contains NUL bytes: looks binary, not text");
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidInputException($"input is not valid UTF-8 (bad byte at offset {e.Index})");
        }
    }

    /// <summary>A file's text, refused (<see cref="InvalidInputException"/>) when it is too large, binary or not UTF-8.</summary>
    public static string ReadText(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
            throw new InvalidInputException($"file is {info.Length / (1024 * 1024)} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB");
        return Decode(File.ReadAllBytes(path));
    }

    public static Document ReadFile(string path)
    {
        var doc = FromText(ReadText(path), Path.GetFileNameWithoutExtension(path));
        doc.Metadata.Origin = path;
        return doc;
    }

    public static Document FromText(string text, string id = "document")
    {
        var doc = new Document(text, id);
        ReadHeader(doc);
        return doc;
    }

    private static void ReadHeader(Document doc)
    {
        string text = doc.Text;
        int lineNumber = 0;
        int position = 0;
        while (position < text.Length && lineNumber < 6)
        {
            int end = text.IndexOf('\n', position);
            if (end < 0) end = text.Length;
            var line = Trim(text, position, end);
            position = end + 1;
            if (line.IsEmpty) continue;
            lineNumber++;
            string lineText = doc.Slice(line);
            if (doc.Metadata.TitleRange is null)
            {
                doc.Metadata.Title = lineText;
                doc.Metadata.TitleRange = line;
                continue;
            }
            var byline = Byline().Match(lineText);
            if (byline.Success && doc.Metadata.Author is null)
            {
                doc.Metadata.Author = byline.Groups["name"].Value.Trim();
                doc.Metadata.BylineRange = line;
            }
        }
    }

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextRange(start, end);
    }

    // "By Jane Doe", "By JANE DOE and John Roe", "Author: Jane Doe", "Written by Jane Doe, Reuters"
    [GeneratedRegex(@"^(?:(?:[Ww]ritten\s+)?(?:[Bb]y|BY)|[Aa]uthor:|AUTHOR:)\s+(?<name>[\p{Lu}][\p{L}\p{M}.'’\- ]{1,80}?(?:\s+(?:and|&)\s+[\p{Lu}][\p{L}\p{M}.'’\- ]{1,60}?)?)\s*(?:[,|\-–—].*)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}

/// <summary>An input that cannot be read as an article; the message is one line that says why.</summary>
public sealed class InvalidInputException(string message) : Exception(message);
