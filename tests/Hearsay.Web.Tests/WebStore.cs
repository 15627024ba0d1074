using Hearsay.Store;
using Hearsay.Store.Sqlite;
using Hearsay.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hearsay.Testing;

/// <summary>A SQLite store seeded with the hand-made test articles (two ordinary, one hostile).</summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hearsay-web-tests", Guid.NewGuid().ToString("N"));

    public string DbPath => Path.Combine(_dir, "hearsay.db");
    public long NegotiationsId { get; private set; }
    public long BudgetId { get; private set; }
    public long HostileId { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await using var store = await SqliteArticleStore.OpenAsync(DbPath);
        NegotiationsId = (await store.SaveAsync(TestDocuments.Negotiations())).ArticleId;
        BudgetId = (await store.SaveAsync(TestDocuments.Budget())).ArticleId;
        HostileId = (await store.SaveAsync(TestDocuments.Hostile())).ArticleId;
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The app in the ASP.NET Core test host over a seeded store.</summary>
public sealed class HearsayFactory : WebApplicationFactory<Hearsay.Web.Program>, IAsyncLifetime
{
    public SeededStore Seed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(HearsayWebOptions.DbKey, Seed.DbPath);
        builder.UseEnvironment("Production");
    }

    public Task InitializeAsync() => Seed.InitializeAsync();
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Seed.DisposeAsync();
    }
}
