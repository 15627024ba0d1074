using Hearsay.Store;
using Hearsay.Store.Postgres;
using Hearsay.Store.Sqlite;
using Npgsql;

namespace Hearsay.Testing;

/// <summary>A fresh, empty store for one test: a temporary SQLite file, or a private PostgreSQL schema dropped afterwards.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private TestStore(IArticleStore store, string db, Func<Task> cleanup)
    {
        Store = store;
        Db = db;
        _cleanup = cleanup;
    }

    public IArticleStore Store { get; }
    /// <summary>What to pass as --db to reach the same store.</summary>
    public string Db { get; }

    public static async Task<TestStore> CreateAsync(string backend)
    {
        if (backend == "sqlite")
        {
            string dir = Path.Combine(Path.GetTempPath(), "hearsay-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, "hearsay.db");
            return new TestStore(await SqliteArticleStore.OpenAsync(path), path, () =>
            {
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
                return Task.CompletedTask;
            });
        }
        string schema = "t_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(Services.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create schema {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        string cs = new NpgsqlConnectionStringBuilder(Services.PostgresConnectionString) { SearchPath = schema }.ToString();
        return new TestStore(await PostgresArticleStore.OpenAsync(cs), cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Services.PostgresConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await _cleanup();
    }
}
