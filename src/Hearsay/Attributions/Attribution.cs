using Hearsay.Text;

namespace Hearsay.Attributions;

public enum AttributionKind
{
    /// <summary>All content inside quotation marks.</summary>
    Direct,
    /// <summary>Paraphrase without quotation marks.</summary>
    Indirect,
    /// <summary>Paraphrase with quoted fragments.</summary>
    Mixed,
}

/// <summary>
/// Who said what, according to whom: a source (as written), a cue, one or more content spans, and the
/// attribution this one is reported inside, if any.
/// </summary>
public sealed class Attribution
{
    public Attribution(string id, AttributionKind kind)
    {
        Id = id;
        Kind = kind;
    }

    public string Id { get; set; }
    public AttributionKind Kind { get; set; }
    /// <summary>The source as written ("he", "the official", "The Washington Post"); null when unexpressed.</summary>
    public TextRange? Source { get; set; }
    /// <summary>The entity the source stands for, once resolved.</summary>
    public Entity? Speaker { get; set; }
    /// <summary>The attributing expression ("said", "according to", "told"); null when there is none.</summary>
    public TextRange? Cue { get; set; }
    /// <summary>What is attributed, in text order; news quotes are often split around the cue.</summary>
    public List<TextRange> Content { get; } = new();
    /// <summary>The attribution whose content contains this one (sourcing chains).</summary>
    public Attribution? Parent { get; set; }
    /// <summary>
    /// The sourcing chain from the article down to the speaker: the outlet the story came from (if any),
    /// the speakers of the attributions this one is reported inside, outermost first, then the speaker.
    /// </summary>
    public List<Entity> Chain { get; } = new();
    /// <summary>Which rule or model decided the speaker, for debugging and evaluation.</summary>
    public string? Rule { get; set; }
    public double Confidence { get; set; } = 1.0;

    /// <summary>The cue (when there is one) and the content fragments: the words the attribution takes.</summary>
    public IEnumerable<TextRange> CueAndContent
    {
        get
        {
            if (Cue is { } cue) yield return cue;
            foreach (var fragment in Content) yield return fragment;
        }
    }

    public TextRange ContentExtent =>
        Content.Count == 0 ? default : new TextRange(Content.Min(c => c.Start), Content.Max(c => c.End));
}
