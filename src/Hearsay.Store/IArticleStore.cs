using Hearsay.Text;

namespace Hearsay.Store;

/// <summary>
/// Where articles and what was extracted from them are kept. Every method is safe to call from several
/// threads at once; each call uses its own pooled connection, and each article is saved in one transaction.
/// </summary>
public interface IArticleStore : IAsyncDisposable
{
    /// <summary>"SQLite hearsay.db" or "PostgreSQL 127.0.0.1/hearsay": for messages.</summary>
    string Description { get; }

    /// <summary>True when several connections can write at once without waiting on each other (PostgreSQL, not SQLite).</summary>
    bool ConcurrentWrites { get; }

    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>True when an article with this content hash (see <see cref="ContentHash"/>) is stored.</summary>
    Task<bool> ContainsAsync(string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Stores the article, its entities (merged with stored ones by canonical name and kind) and its attributions, or nothing if its text is already stored.</summary>
    Task<SaveResult> SaveAsync(Document document, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(int limit = 100, int offset = 0, CancellationToken cancellationToken = default);
    Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Statement>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
    /// <summary>Speakers whose canonical name contains <paramref name="name"/> (case-insensitive), most quoted first.</summary>
    Task<IReadOnlyList<SpeakerSummary>> FindSpeakersAsync(string name, int limit = 20, CancellationToken cancellationToken = default);
    Task<StoredEntity?> GetEntityAsync(long id, CancellationToken cancellationToken = default);
    /// <summary>What the entity said, oldest article first.</summary>
    Task<IReadOnlyList<Statement>> GetStatementsAsync(long entityId, int limit = 500, CancellationToken cancellationToken = default);
    Task<CorpusOverview> GetOverviewAsync(CancellationToken cancellationToken = default);
}
