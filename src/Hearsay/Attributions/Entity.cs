using Hearsay.Text;

namespace Hearsay.Attributions;

public enum EntityKind
{
    Person,
    Organization,
    Government,
    Outlet,
    Document,
    Anonymous,
    Group,
    Other,
}

/// <summary>
/// Something in the article that can be a source: a person, an outlet, a body, a document or an
/// unnamed group, with every mention of it in the text.
/// </summary>
public sealed class Entity
{
    public Entity(string id, string name, EntityKind kind, bool named)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Named = named;
    }

    public string Id { get; }
    /// <summary>The canonical name: the fullest proper name, or the best description for an unnamed source.</summary>
    public string Name { get; set; }
    public EntityKind Kind { get; set; }
    /// <summary>False for unnamed sources (officials, a source, people familiar with the matter).</summary>
    public bool Named { get; set; }
    public List<TextRange> Mentions { get; } = new();

    public override string ToString() => $"{Id} {Name} ({Kind})";
}
