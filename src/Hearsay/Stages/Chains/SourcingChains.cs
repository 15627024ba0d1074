using Hearsay.Attributions;
using Hearsay.Pipeline;
using Hearsay.Stages.Quotes;
using Hearsay.Stages.Speakers;
using Hearsay.Text;

namespace Hearsay.Stages.Chains;

/// <summary>
/// Works out how each statement reached the page. First the article's provenance: the outlet it credits
/// for its story ("The Washington Post reported", "according to Reuters", "… told the Post", a
/// "Report:" headline), unless that outlet is the article's own. Then each attribution's chain: the
/// provenance outlet, the speakers of the attributions it is reported inside (outermost first), and
/// its own speaker.
/// </summary>
public sealed class SourcingChains : IStage
{
    public string Name => "sourcing-chains";
    public Layers Requires => Layers.Attributions | Layers.Speakers;
    public Layers Provides => Layers.Chains;

    private readonly SourceLexicon _lexicon;

    public SourcingChains(SourceLexicon? lexicon = null) => _lexicon = lexicon ?? SourceLexicon.Default;

    /// <summary>How many paragraphs from the top may credit another outlet for the story.</summary>
    public int LeadParagraphs { get; init; } = 4;

    private static readonly HashSet<string> ReportingLemmas = new(StringComparer.Ordinal)
    {
        "report", "say", "write", "reveal", "publish", "tell", "learn", "obtain", "find", "note", "cite", "quote", "confirm",
    };

    public void Process(Document document)
    {
        document.Provenance = FindProvenance(document);
        foreach (var attribution in document.Attributions)
        {
            var chain = attribution.Chain;
            chain.Clear();
            if (document.Provenance is { } root) chain.Add(root);
            var ancestors = new List<Entity>();
            int depth = 0;
            for (var p = attribution.Parent; p is not null && depth < 32; p = p.Parent, depth++)
                if (p.Speaker is { } s) ancestors.Add(s);
            ancestors.Reverse();
            foreach (var entity in ancestors) AddDistinct(chain, entity);
            if (attribution.Speaker is { } speaker) AddDistinct(chain, speaker);
        }
    }

    private static void AddDistinct(List<Entity> chain, Entity entity)
    {
        if (chain.Count == 0 || !ReferenceEquals(chain[^1], entity)) chain.Add(entity);
    }

    private Entity? FindProvenance(Document document)
    {
        var own = document.Metadata.Outlet;
        bool IsOther(Entity e) => e.Kind == EntityKind.Outlet && (own is null || !e.Name.Contains(own, StringComparison.OrdinalIgnoreCase)
                                                                  && !own.Contains(e.Name, StringComparison.OrdinalIgnoreCase));
        int leadEnd = document.Paragraphs.Count > LeadParagraphs ? document.Paragraphs[LeadParagraphs].Range.Start : document.Text.Length;

        // "The Washington Post reported …", "according to Reuters" near the top.
        foreach (var attribution in document.Attributions.OrderBy(a => a.Cue?.Start ?? a.ContentExtent.Start))
        {
            if (attribution.Speaker is not { } speaker || !IsOther(speaker) || attribution.Cue is not { } cue || cue.Start >= leadEnd) continue;
            string cueText = document.Slice(cue).ToLowerInvariant();
            string? lemma = CueLexicon.LemmaOf(cueText.Split(' ')[^1]);
            if (cueText.StartsWith("according to") || (lemma is not null && ReportingLemmas.Contains(lemma)) || cueText is ":" ) return speaker;
        }
        // "… told the Post", "… in an interview with Reuters": an outlet named as the one spoken to.
        var tokens = document.Tokens;
        for (int i = 0; i + 1 < tokens.Count && tokens[i].Range.Start < leadEnd; i++)
        {
            if (tokens[i].Text.ToLowerInvariant() is not ("told" or "with" or "to")) continue;
            for (int end = Math.Min(tokens.Count, i + 5); end > i + 1; end--)
            {
                var mention = new TextRange(tokens[i + 1].Range.Start, tokens[end - 1].Range.End);
                if (!_lexicon.TryLookup(document.Slice(mention), out var name, out var kind) || kind != EntityKind.Outlet) continue;
                var outlet = OutletEntity(document, name, mention);
                if (IsOther(outlet)) return outlet;
                break;
            }
        }
        // A "Report:" headline credits the first other outlet the article names.
        if (document.Metadata.Title is { } title && (title.StartsWith("Report:", StringComparison.OrdinalIgnoreCase)
                                                     || title.EndsWith(": report", StringComparison.OrdinalIgnoreCase)))
            return document.Entities.Where(IsOther).OrderBy(e => e.Mentions.Count > 0 ? e.Mentions[0].Start : int.MaxValue).FirstOrDefault();
        return null;
    }

    /// <summary>The article's entity for an outlet, with this mention added; created when the outlet was no source.</summary>
    private static Entity OutletEntity(Document document, string name, TextRange mention)
    {
        var entity = document.Entities.FirstOrDefault(e => e.Kind == EntityKind.Outlet && e.Name == name);
        if (entity is null)
        {
            int next = document.Entities.Select(e => int.TryParse(e.Id.AsSpan(1), out int n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            entity = new Entity("E" + next, name, EntityKind.Outlet, named: true);
            document.Entities.Add(entity);
        }
        if (!entity.Mentions.Contains(mention)) { entity.Mentions.Add(mention); entity.Mentions.Sort(); }
        return entity;
    }
}
