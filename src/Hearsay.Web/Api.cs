using System.Globalization;
using Hearsay.Attributions;
using Hearsay.Input;
using Hearsay.Pipeline;
using Hearsay.Store;
using Hearsay.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hearsay.Web;

public sealed record ExtractRequest(string? Text, string? Title = null);

public sealed record ExtractedEntity(string Id, string Name, EntityKind Kind, bool Named, IReadOnlyList<Span> Mentions);

public sealed record ExtractedAttribution(string Id, AttributionKind Kind, string? SpeakerId, string? SpeakerName, Span? Source, Span? Cue,
    IReadOnlyList<Span> Content, string? ParentId, string? Rule, double Confidence);

public sealed record ExtractResponse(string? Title, string? Author, int Length, IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<ExtractedAttribution> Attributions);

public sealed record SearchHit(long AttributionId, long ArticleId, string? ArticleTitle, string? Outlet, DateTimeOffset? Published,
    StoredEntity? Speaker, string? Source, string? Cue, AttributionKind Kind, string Content, string? Snippet, long? ParentId);

public sealed record SpeakerResponse(StoredEntity Speaker, IReadOnlyList<SearchHit> Statements);

/// <summary>The JSON API under /api/. Errors are RFC 9457 problem documents (application/problem+json).</summary>
public static class Api
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/articles", async (IArticleStore store, int? limit, int? offset, CancellationToken ct) =>
                TypedResults.Ok(await store.ListArticlesAsync(Math.Clamp(limit ?? 100, 1, 1000), Math.Max(0, offset ?? 0), ct)))
            .WithName("ListArticles").WithSummary("Stored articles: id, title, outlet, date, number of attributions.");

        api.MapGet("/articles/{id:long}", async Task<Results<Ok<StoredArticle>, ProblemHttpResult>> (long id, IArticleStore store, CancellationToken ct) =>
                await store.GetArticleAsync(id, ct) is { } article ? TypedResults.Ok(article) : NotFound($"There is no article {id}."))
            .WithName("GetArticle").WithSummary("One article: text, metadata and attributions with character spans.");

        api.MapGet("/search", async Task<Results<Ok<IReadOnlyList<SearchHit>>, ProblemHttpResult>> (
                IArticleStore store, string? q, string? speaker, string? kind, string? since, int? limit, double? minConfidence, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(speaker) && string.IsNullOrWhiteSpace(kind))
                    return BadRequest("Give a query: q (words in what was said), speaker or kind.");
                if (minConfidence is < 0 or > 1) return BadRequest("minConfidence must lie between 0 and 1.");
                DateTimeOffset? sinceDate = null;
                if (!string.IsNullOrWhiteSpace(since))
                {
                    if (!TryParseDate(since, out var d)) return BadRequest($"since must be a date like 2016-09-30.");
                    sinceDate = d;
                }
                try
                {
                    var found = await store.SearchAsync(new SearchQuery(q, speaker, kind, sinceDate, Math.Clamp(limit ?? 50, 1, 500), minConfidence), ct);
                    return TypedResults.Ok<IReadOnlyList<SearchHit>>(found.Select(ToHit).ToList());
                }
                catch (ArgumentException e) { return BadRequest(e.Message); }
            })
            .WithName("Search").WithSummary("Attributions whose content matches q (stemmed words, all required), filtered by speaker, kind, date and least confidence.");

        api.MapGet("/speakers/{id:long}", async Task<Results<Ok<SpeakerResponse>, ProblemHttpResult>> (long id, IArticleStore store, CancellationToken ct) =>
            {
                if (await store.GetEntityAsync(id, ct) is not { } speaker) return NotFound($"There is no speaker {id}.");
                var statements = await store.GetStatementsAsync(id, 1000, ct);
                return TypedResults.Ok(new SpeakerResponse(speaker, statements.Select(ToHit).ToList()));
            })
            .WithName("GetSpeaker").WithSummary("A speaker and what they said, oldest first.");

        api.MapPost("/extract", Results<Ok<ExtractResponse>, ProblemHttpResult> (ExtractRequest request, HearsayPipeline pipeline) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text)) return BadRequest("text is required.");
                var doc = ArticleReader.FromText(request.Text, "posted");
                if (!string.IsNullOrWhiteSpace(request.Title)) doc.Metadata.Title = request.Title;
                pipeline.Process(doc);
                return TypedResults.Ok(ToExtractResponse(doc));
            })
            .WithName("Extract").WithSummary("Finds the attributions in a posted text without storing it.");
    }

    public static bool TryParseDate(string s, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static SearchHit ToHit(Statement s) =>
        new(s.AttributionId, s.ArticleId, s.ArticleTitle, s.Outlet, s.Published, s.Speaker, s.SourceText, s.CueText, s.Kind, s.Content,
            s.Snippet?.Replace("\u0002", "").Replace("\u0003", ""), s.ParentId);

    public static ExtractResponse ToExtractResponse(Document doc)
    {
        Span ToSpan(TextRange r) => new(r.Start, r.End, doc.Slice(r));
        return new ExtractResponse(
            doc.Metadata.Title, doc.Metadata.Author, doc.Text.Length,
            doc.Entities.Select(e => new ExtractedEntity(e.Id, e.Name, e.Kind, e.Named, e.Mentions.Select(ToSpan).ToList())).ToList(),
            doc.Attributions.Select(a => new ExtractedAttribution(a.Id, a.Kind, a.Speaker?.Id, a.Speaker?.Name,
                a.Source is { } s ? ToSpan(s) : null, a.Cue is { } c ? ToSpan(c) : null,
                a.Content.Select(ToSpan).ToList(), a.Parent?.Id, a.Rule, a.Confidence)).ToList());
    }
}
