using Hearsay.Text;

namespace Hearsay.Store.Ingest;

/// <summary>One article to ingest: a label for messages (a path, "file.jsonl:12", a URL) and how to read it.</summary>
public sealed record IngestItem(string Label, Func<CancellationToken, Task<Document>> LoadAsync);

/// <summary>An input or item that could not be read or stored, with a one-line reason.</summary>
public sealed record IngestFailure(string Label, string Reason)
{
    public override string ToString() => $"{Label}: {Reason}";
}
