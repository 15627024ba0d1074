namespace Hearsay.Text;

/// <summary>A half-open range [Start, End) of UTF-16 positions in a document's text.</summary>
public readonly record struct TextRange(int Start, int End) : IComparable<TextRange>
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextRange other) => other.Start < End && Start < other.End;

    public int OverlapLength(TextRange other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    public int CompareTo(TextRange other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public override string ToString() => $"[{Start},{End})";
}
