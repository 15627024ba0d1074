using Hearsay.Attributions;

namespace Hearsay.Store;

/// <summary>A character range of a stored article, with the text it covers: the exchange format for spans.</summary>
public sealed record Span(int Start, int End, string Text);

/// <summary>An entity as stored: merged across articles by canonical name and kind.</summary>
public sealed record StoredEntity(long Id, string Name, EntityKind Kind, bool Named);

public sealed record StoredAttribution(
    long Id,
    long ArticleId,
    string LocalId,
    AttributionKind Kind,
    StoredEntity? Speaker,
    Span? Source,
    Span? Cue,
    IReadOnlyList<Span> Content,
    long? ParentId,
    string? Rule,
    double Confidence);

public sealed record ArticleSummary(long Id, string? Title, string? Outlet, DateTimeOffset? Published, int Attributions);

public sealed record StoredArticle(
    long Id,
    string ContentHash,
    string Text,
    string? Title,
    string? Author,
    string? Outlet,
    DateTimeOffset? Published,
    string? Url,
    string? Origin,
    DateTimeOffset IngestedAt,
    IReadOnlyList<StoredAttribution> Attributions);

/// <summary>One attribution found by a search or listed for a speaker, with the article it is in.</summary>
/// <param name="Snippet">The content with matched words between \u0002 and \u0003 (for highlighting); null without a text query.</param>
public sealed record Statement(
    long AttributionId,
    long ArticleId,
    string? ArticleTitle,
    string? Outlet,
    DateTimeOffset? Published,
    StoredEntity? Speaker,
    string? SourceText,
    string? CueText,
    AttributionKind Kind,
    string Content,
    string? Snippet,
    long? ParentId);

public sealed record SpeakerSummary(StoredEntity Entity, int Statements, int Articles);

public sealed record OutletProfile(string Outlet, int Articles, int Attributions, int Anonymous, int SecondHand);

/// <summary>Counts for the corpus overview; "anonymous" means the speaker is an unnamed source, "second-hand" that the attribution is reported inside another.</summary>
public sealed record CorpusOverview(
    int Articles,
    int Attributions,
    int Speakers,
    int Anonymous,
    int SecondHand,
    IReadOnlyList<OutletProfile> Outlets,
    IReadOnlyList<SpeakerSummary> TopSpeakers);

/// <param name="Text">Words to find in attribution content (all must occur, stemmed); null or empty lists everything that passes the filters.</param>
/// <param name="Speaker">Part of the speaker's canonical name, case-insensitive.</param>
/// <param name="Kind">anonymous, named, second-hand, direct, indirect, mixed, or an entity kind (person, organization, ...).</param>
/// <param name="Since">Only articles published on or after this moment.</param>
/// <param name="MinConfidence">Only attributions whose confidence (the estimated probability that they are right) is at least this.</param>
public sealed record SearchQuery(string? Text, string? Speaker = null, string? Kind = null, DateTimeOffset? Since = null, int Limit = 50, double? MinConfidence = null);

public enum SaveOutcome { Stored, Duplicate }

public sealed record SaveResult(SaveOutcome Outcome, long ArticleId);
