namespace Hearsay.Text;

/// <summary>The annotation layers a document can carry; stages declare which they require and provide.</summary>
[Flags]
public enum Layers
{
    None = 0,
    Paragraphs = 1 << 0,
    Tokens = 1 << 1,
    Sentences = 1 << 2,
    PartOfSpeech = 1 << 3,
    NamedEntities = 1 << 4,
    Dependencies = 1 << 5,
    Quotations = 1 << 8,
    Attributions = 1 << 6,
    Speakers = 1 << 7,
    Chains = 1 << 9,
}
