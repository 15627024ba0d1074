using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Hearsay.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace Hearsay.Store.Sqlite;

/// <summary>The store in one SQLite file (WAL mode), full-text search through an FTS5 table with the porter stemmer.</summary>
public sealed partial class SqliteArticleStore : SqlArticleStore
{
    private readonly string _connectionString;
    private readonly string _path;

    private SqliteArticleStore(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public static async Task<SqliteArticleStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
            throw new DirectoryNotFoundException($"the folder for the store {path} does not exist");
        var store = new SqliteArticleStore(path);
        await using (var connection = new SqliteConnection(store._connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "pragma journal_mode = wal", cancellationToken);
        }
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    public override string Description => $"SQLite {_path}";
    public override bool ConcurrentWrites => false;
    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "pragma foreign_keys = on; pragma synchronous = normal; pragma busy_timeout = 60000", cancellationToken);
        return connection;
    }

    // A deferred transaction takes the write lock at the first write; the migration must hold it from the start.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "create table if not exists migration_lock (id integer primary key); delete from migration_lock", cancellationToken);

    protected override async Task IndexArticleAsync(DbConnection connection, DbTransaction transaction, long articleId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "insert into attribution_fts (rowid, content) select id, content from attributions where article_id = @a", ("a", articleId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override FullTextSql FullText { get; } = new(
        From: "attribution_fts f join attributions a on a.id = f.rowid",
        Where: "attribution_fts match @q",
        Snippet: "snippet(attribution_fts, 0, char(2), char(3), '…', 40)",
        OrderBy: "bm25(attribution_fts), a.id");

    /// <summary>Every word becomes a quoted FTS5 term, so that user input can never be read as query syntax.</summary>
    protected override string? FullTextQuery(string text)
    {
        var sb = new StringBuilder();
        foreach (Match word in Word().Matches(text))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"').Append(word.Value).Append('"');
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    protected override string ContainsIgnoreCase(string column, string parameter) => $"instr(lower({column}), lower({parameter})) > 0";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
