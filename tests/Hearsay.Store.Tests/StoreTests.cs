using Hearsay.Attributions;
using Hearsay.Store;
using Hearsay.Testing;

namespace Hearsay.Store.Tests;

/// <summary>The store's behaviour, the same on SQLite and PostgreSQL (each theory runs on both).</summary>
public class StoreTests
{
    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_round_trips_text_metadata_and_attributions(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var doc = TestDocuments.Negotiations();
        var saved = await t.Store.SaveAsync(doc);
        Assert.Equal(SaveOutcome.Stored, saved.Outcome);

        var article = await t.Store.GetArticleAsync(saved.ArticleId);
        Assert.NotNull(article);
        Assert.Equal(doc.Text, article.Text);
        Assert.Equal("Talks resume as envoys weigh ceasefire", article.Title);
        Assert.Equal("Daily Planet", article.Outlet);
        Assert.Equal("Lois Lane", article.Author);
        Assert.Equal("https://example.org/talks", article.Url);
        Assert.Equal(new DateTimeOffset(2016, 9, 12, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(ContentHash.Of(doc.Text), article.ContentHash);
        Assert.Equal(4, article.Attributions.Count);

        var holt = article.Attributions.Single(a => a.LocalId == "a1");
        Assert.Equal(AttributionKind.Direct, holt.Kind);
        Assert.Equal("Jane Holt", holt.Speaker!.Name);
        Assert.Equal(EntityKind.Person, holt.Speaker.Kind);
        Assert.Equal("Secretary Jane Holt", holt.Source!.Text);
        Assert.Equal("said on Monday", holt.Cue!.Text);
        Assert.Equal(["We are committed to negotiations,", "and we will keep talking."], holt.Content.Select(c => c.Text));
        Assert.Equal(doc.Attributions.Single(a => a.Id == "a1").Content[0].Start, holt.Content[0].Start);
        Assert.Equal(0.8, article.Attributions.Single(a => a.LocalId == "a4").Confidence, 6);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_keeps_chains_with_parent_stored_first(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var id = (await t.Store.SaveAsync(TestDocuments.Negotiations())).ArticleId;
        var article = await t.Store.GetArticleAsync(id);
        var post = article!.Attributions.Single(a => a.LocalId == "a2");
        var officials = article.Attributions.Single(a => a.LocalId == "a3");
        Assert.Equal(post.Id, officials.ParentId);
        Assert.Null(post.ParentId);
        Assert.False(officials.Speaker!.Named);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_saves_the_same_text_once(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var first = await t.Store.SaveAsync(TestDocuments.Negotiations());
        Assert.True(await t.Store.ContainsAsync(ContentHash.Of(TestDocuments.Negotiations().Text)));
        var second = await t.Store.SaveAsync(TestDocuments.Negotiations());
        Assert.Equal(SaveOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.ArticleId, second.ArticleId);
        Assert.Single(await t.Store.ListArticlesAsync());
        Assert.Equal(4, (await t.Store.GetOverviewAsync()).Attributions);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_merges_entities_across_articles_by_canonical_name_and_kind(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        await t.Store.SaveAsync(TestDocuments.Budget(speakerName: "JANE  HOLT"));
        var found = await t.Store.FindSpeakersAsync("holt");
        var holt = Assert.Single(found);
        Assert.Equal(2, holt.Statements);
        Assert.Equal(2, holt.Articles);
        Assert.Equal("Jane Holt", holt.Entity.Name);

        // Same name, another kind: a different entity.
        var doc = TestDocuments.Budget(title: "Holt Foundation grant", speakerName: "Jane Holt");
        doc.Entities[0].Kind = EntityKind.Organization;
        await t.Store.SaveAsync(doc);
        Assert.Equal(2, (await t.Store.FindSpeakersAsync("jane holt")).Count);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Search_finds_stemmed_words_in_content(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        await t.Store.SaveAsync(TestDocuments.Budget());

        var hits = await t.Store.SearchAsync(new SearchQuery("negotiation"));
        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Contains("negotiations", h.Content));
        Assert.All(hits, h => Assert.Contains("\u0002", h.Snippet));

        var budget = Assert.Single(await t.Store.SearchAsync(new SearchQuery("budgets balancing")));
        Assert.Equal("Jane Holt", budget.Speaker!.Name);
        Assert.Equal("Budget vote delayed", budget.ArticleTitle);
        Assert.Equal("told", budget.CueText);

        Assert.Empty(await t.Store.SearchAsync(new SearchQuery("budget negotiations")));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Search_filters_by_speaker_kind_and_date(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        await t.Store.SaveAsync(TestDocuments.Budget());

        var bySpeaker = await t.Store.SearchAsync(new SearchQuery(null, Speaker: "holt"));
        Assert.Equal(2, bySpeaker.Count);
        Assert.Equal("Budget vote delayed", bySpeaker[0].ArticleTitle); // newest first without a text query

        var anonymous = await t.Store.SearchAsync(new SearchQuery(null, Kind: "anonymous"));
        Assert.Equal(["a senior diplomat", "Council members", "officials"], anonymous.Select(h => h.Speaker!.Name).Order(StringComparer.OrdinalIgnoreCase));
        // The diplomat's warning was rated 0.8 (the others 1).
        var likely = await t.Store.SearchAsync(new SearchQuery(null, Kind: "anonymous", MinConfidence: 0.9));
        Assert.Equal(["Council members", "officials"], likely.Select(h => h.Speaker!.Name).Order(StringComparer.OrdinalIgnoreCase));

        var secondHand = Assert.Single(await t.Store.SearchAsync(new SearchQuery(null, Kind: "second-hand")));
        Assert.Equal("officials", secondHand.Speaker!.Name);
        Assert.NotNull(secondHand.ParentId);

        Assert.Equal(2, (await t.Store.SearchAsync(new SearchQuery(null, Kind: "direct"))).Count);
        Assert.Single(await t.Store.SearchAsync(new SearchQuery(null, Kind: "outlet")));

        var since = await t.Store.SearchAsync(new SearchQuery(null, Speaker: "holt", Since: new DateTimeOffset(2016, 10, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Budget vote delayed", Assert.Single(since).ArticleTitle);

        var combined = await t.Store.SearchAsync(new SearchQuery("negotiations", Kind: "anonymous"));
        Assert.Equal("officials", Assert.Single(combined).Speaker!.Name);

        await Assert.ThrowsAsync<ArgumentException>(() => t.Store.SearchAsync(new SearchQuery("x", Kind: "bogus")));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Search_reads_query_syntax_and_sql_as_plain_words(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        foreach (var q in new[] { "\"unbalanced", "NEAR(a b) OR -x*", "'; drop table articles; --", "content:stalled AND", "(((", "💥" })
            await t.Store.SearchAsync(new SearchQuery(q));
        await t.Store.SearchAsync(new SearchQuery(null, Speaker: "'; drop table entities; --"));
        Assert.Equal(2, (await t.Store.SearchAsync(new SearchQuery("\"stalled*\""))).Count);
        Assert.Single(await t.Store.ListArticlesAsync());
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Statements_of_a_speaker_are_oldest_first(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Budget());
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        var holt = Assert.Single(await t.Store.FindSpeakersAsync("Jane"));
        var statements = await t.Store.GetStatementsAsync(holt.Entity.Id);
        Assert.Equal(["Talks resume as envoys weigh ceasefire", "Budget vote delayed"], statements.Select(s => s.ArticleTitle));
        Assert.Equal(holt.Entity, await t.Store.GetEntityAsync(holt.Entity.Id));
        Assert.Null(await t.Store.GetEntityAsync(987654));
        Assert.Null(await t.Store.GetArticleAsync(987654));
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Overview_counts_the_sourcing_profile(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        await t.Store.SaveAsync(TestDocuments.Budget());
        var o = await t.Store.GetOverviewAsync();
        Assert.Equal(2, o.Articles);
        Assert.Equal(6, o.Attributions);
        Assert.Equal(5, o.Speakers);
        Assert.Equal(3, o.Anonymous);
        Assert.Equal(1, o.SecondHand);
        var planet = o.Outlets.Single(p => p.Outlet == "Daily Planet");
        Assert.Equal((1, 4, 2, 1), (planet.Articles, planet.Attributions, planet.Anonymous, planet.SecondHand));
        Assert.Equal("Jane Holt", o.TopSpeakers[0].Entity.Name);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_lists_articles_with_paging(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        await t.Store.SaveAsync(TestDocuments.Budget());
        var all = await t.Store.ListArticlesAsync();
        Assert.Equal(["Talks resume as envoys weigh ceasefire", "Budget vote delayed"], all.Select(a => a.Title));
        Assert.Equal([4, 2], all.Select(a => a.Attributions));
        Assert.Equal("Budget vote delayed", Assert.Single(await t.Store.ListArticlesAsync(1, 1)).Title);
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_is_migrated_once_and_reopens_with_its_data(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await t.Store.SaveAsync(TestDocuments.Negotiations());
        Assert.Equal(1, await t.Store.SchemaVersionAsync());
        await using var again = await StoreFactory.OpenAsync(t.Db);
        Assert.Equal(1, await again.SchemaVersionAsync());
        Assert.Single(await again.ListArticlesAsync());
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_matches_ids_of_many_attributions_and_their_parents(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        var text = new System.Text.StringBuilder("Many voices\n\n");
        for (int i = 0; i < 450; i++) text.Append($"Speaker{i} said P{i} that Q{i}. ");
        var doc = new Hearsay.Text.Document(text.ToString());
        var parents = new List<Attribution>();
        for (int i = 0; i < 450; i++)
        {
            var speaker = new Entity($"e{i}", $"Speaker{i}", EntityKind.Person, true);
            speaker.Mentions.Add(TestDocuments.Find(doc, $"Speaker{i} "));
            doc.Entities.Add(speaker);
            var parent = new Attribution($"p{i}", AttributionKind.Indirect) { Speaker = speaker, Cue = TestDocuments.Find(doc, $"Speaker{i} said", $"Speaker{i} ".Length, 4) };
            parent.Content.Add(TestDocuments.Find(doc, $"P{i} "));
            var child = new Attribution($"c{i}", AttributionKind.Indirect) { Parent = parent };
            child.Content.Add(TestDocuments.Find(doc, $"Q{i}."));
            parents.Add(parent);
            doc.Attributions.Add(child);
        }
        doc.Attributions.AddRange(parents);
        var article = await t.Store.GetArticleAsync((await t.Store.SaveAsync(doc)).ArticleId);
        var byId = article!.Attributions.ToDictionary(a => a.Id);
        Assert.Equal(900, byId.Count);
        foreach (var child in article.Attributions.Where(a => a.LocalId.StartsWith('c')))
        {
            var parent = byId[child.ParentId!.Value];
            Assert.Equal("p" + child.LocalId[1..], parent.LocalId);
            Assert.Equal("Speaker" + child.LocalId[1..], parent.Speaker!.Name);
        }
    }

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_refuses_a_schema_newer_than_it_knows(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await using (var raw = await StoreFactory.OpenAsync(t.Db))
        {
            // A later Hearsay would have recorded version 99.
            var sql = backend == "sqlite"
                ? new Microsoft.Data.Sqlite.SqliteCommand("insert into schema_version values (99, 'future', 'x')", new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={t.Db}"))
                : (System.Data.Common.DbCommand)new Npgsql.NpgsqlCommand("insert into schema_version values (99, 'future', 'x')", new Npgsql.NpgsqlConnection(t.Db));
            await sql.Connection!.OpenAsync();
            await sql.ExecuteNonQueryAsync();
            await sql.Connection.DisposeAsync();
        }
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StoreFactory.OpenAsync(t.Db));
        Assert.Contains("schema version 99", e.Message);
    }

    [Fact]
    public void Store_argument_selects_the_backend()
    {
        Assert.False(StoreFactory.IsConnectionString("hearsay.db"));
        Assert.False(StoreFactory.IsConnectionString("/data/my=store.db"));
        Assert.True(StoreFactory.IsConnectionString("Host=localhost;Database=hearsay"));
        Assert.Equal("x.db", StoreFactory.Resolve("x.db"));
        string? saved = Environment.GetEnvironmentVariable(StoreFactory.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(StoreFactory.EnvironmentVariable, null);
            Assert.Equal("hearsay.db", StoreFactory.Resolve(null));
            Environment.SetEnvironmentVariable(StoreFactory.EnvironmentVariable, "Host=db;Database=news");
            Assert.Equal("Host=db;Database=news", StoreFactory.Resolve(null));
            Assert.Equal("other.db", StoreFactory.Resolve("other.db"));
        }
        finally { Environment.SetEnvironmentVariable(StoreFactory.EnvironmentVariable, saved); }
    }

    [Fact]
    public void Canonical_key_ignores_case_spacing_and_apostrophes() =>
        Assert.Equal(SqlArticleStore.CanonicalKey(" O’Brien  Smith "), SqlArticleStore.CanonicalKey("o'brien smith"));

    [Theory, SqliteBackend, PostgresBackend]
    public async Task Store_can_be_written_from_many_threads_and_connections(string backend)
    {
        await using var t = await TestStore.CreateAsync(backend);
        await using var other = await StoreFactory.OpenAsync(t.Db); // as a second process would
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? t.Store : other).SaveAsync(i % 3 == 0 ? TestDocuments.Negotiations(title: $"Talks {i % 10}") : TestDocuments.Budget(title: $"Budget {i % 10}")))));
        var articles = await t.Store.ListArticlesAsync(1000);
        Assert.Equal(articles.Count, results.Count(r => r.Outcome == SaveOutcome.Stored));
        Assert.Equal(articles.Count, articles.Select(a => a.Title).Distinct().Count());
        Assert.Single(await t.Store.FindSpeakersAsync("Jane Holt"));
    }
}
