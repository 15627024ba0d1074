using System.IO.Compression;
using System.Text;

namespace Hearsay.Nlp;

/// <summary>
/// The container of every Hearsay model file: a 4-byte magic, a kind ("pos", "ner", "parser"), a format
/// version, then the model's own payload through a Brotli stream.
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "HSYM"u8.ToArray();
    public const int Version = 1;

    public static void Write(Stream output, string kind, Action<BinaryWriter> payload)
    {
        output.Write(Magic);
        using (var header = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(kind);
            header.Write(Version);
        }
        using var brotli = new BrotliStream(output, new BrotliCompressionOptions { Quality = 9 }, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        payload(writer);
    }

    public static T Read<T>(Stream input, string kind, Func<BinaryReader, T> payload)
    {
        Span<byte> magic = stackalloc byte[4];
        input.ReadExactly(magic);
        if (!magic.SequenceEqual(Magic)) throw new InvalidDataException("Not a Hearsay model file.");
        using (var header = new BinaryReader(input, Encoding.UTF8, leaveOpen: true))
        {
            string actual = header.ReadString();
            if (actual != kind) throw new InvalidDataException($"Expected a '{kind}' model, found '{actual}'.");
            int version = header.ReadInt32();
            if (version != Version) throw new InvalidDataException($"Unsupported {kind} model version {version}.");
        }
        using var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        return payload(reader);
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values) writer.Write(v);
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[reader.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = reader.ReadString();
        return values;
    }
}
