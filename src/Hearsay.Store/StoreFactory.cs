using Hearsay.Store.Postgres;
using Hearsay.Store.Sqlite;

namespace Hearsay.Store;

/// <summary>Opens the store named by <c>--db</c> or HEARSAY_DB: a file path for SQLite, a connection string ("Host=...;Database=...") for PostgreSQL.</summary>
public static class StoreFactory
{
    public const string DefaultPath = "hearsay.db";
    public const string EnvironmentVariable = "HEARSAY_DB";

    /// <summary>The store argument in effect: the option if given, else HEARSAY_DB, else hearsay.db.</summary>
    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : DefaultPath;

    public static bool IsConnectionString(string db) =>
        db.Contains('=') && (db.Contains("host", StringComparison.OrdinalIgnoreCase) || db.Contains("server", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens the store, creating it and applying pending migrations first.</summary>
    public static async Task<IArticleStore> OpenAsync(string db, CancellationToken cancellationToken = default) =>
        IsConnectionString(db)
            ? await PostgresArticleStore.OpenAsync(db, cancellationToken)
            : await SqliteArticleStore.OpenAsync(db, cancellationToken);
}
