using System.Data.Common;
using System.Globalization;
using System.Text;
using Hearsay.Attributions;
using Hearsay.Store.Migrations;
using Hearsay.Text;

namespace Hearsay.Store;

/// <summary>
/// The store over ADO.NET, shared by SQLite and PostgreSQL: one schema, one set of queries, with the few
/// differences (full-text search, migration locking, id generation) left to the dialect subclasses.
/// All SQL takes values as parameters; only fixed fragments chosen by this code are spliced in.
/// </summary>
public abstract class SqlArticleStore : IArticleStore
{
    public abstract string Description { get; }
    public abstract bool ConcurrentWrites { get; }
    protected abstract IReadOnlyList<Migration> Migrations { get; }
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
    /// <summary>Blocks other processes from migrating at the same time (inside <paramref name="transaction"/>).</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
    /// <summary>Adds a stored article's attributions to the full-text index, where the database does not maintain it itself.</summary>
    protected abstract Task IndexArticleAsync(DbConnection connection, DbTransaction transaction, long articleId, CancellationToken cancellationToken);
    /// <summary>The FROM clause, WHERE condition, snippet expression and ORDER BY for a text query bound to @q (and @hl).</summary>
    protected abstract FullTextSql FullText { get; }
    /// <summary>The value to bind to @q for <paramref name="text"/>, or null when nothing searchable is left.</summary>
    protected abstract string? FullTextQuery(string text);
    /// <summary>A condition: <paramref name="column"/> contains the parameter, case-insensitively.</summary>
    protected abstract string ContainsIgnoreCase(string column, string parameter);

    protected sealed record FullTextSql(string From, string Where, string Snippet, string OrderBy);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // ---- schema -------------------------------------------------------------------------------------

    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "create table if not exists schema_version (version integer primary key, name text not null, applied_at text not null)",
            cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockForMigrationAsync(connection, transaction, cancellationToken);
        int current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        int known = Migrations.Max(m => m.Version);
        if (current > known)
            throw new InvalidOperationException($"the store has schema version {current}, newer than this version of Hearsay knows ({known}); upgrade Hearsay");
        foreach (var migration in Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = Command(connection, transaction,
                "insert into schema_version (version, name, applied_at) values (@v, @n, @t)",
                ("v", migration.Version), ("n", migration.Name), ("t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await CurrentVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "select coalesce(max(version), 0) from schema_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    // ---- writing ------------------------------------------------------------------------------------

    public async Task<bool> ContainsAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "select 1 from articles where content_hash = @h", ("h", contentHash));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Rows per multi-row INSERT: few round trips per article, well under both databases' parameter limits.</summary>
    private const int RowsPerInsert = 200;

    public async Task<SaveResult> SaveAsync(Document document, CancellationToken cancellationToken = default)
    {
        var meta = document.Metadata;
        string hash = ContentHash.Of(document.Text);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long articleId;
        await using (var insert = Command(connection, transaction, """
            insert into articles (content_hash, title, author, outlet, published, url, origin, text, ingested_at)
            values (@hash, @title, @author, @outlet, @published, @url, @origin, @text, @ingested)
            on conflict (content_hash) do nothing
            returning id
            """,
            ("hash", hash), ("title", meta.Title), ("author", meta.Author), ("outlet", meta.Outlet),
            ("published", meta.Published?.ToUniversalTime()), ("url", meta.Url), ("origin", meta.Origin ?? document.Id),
            ("text", document.Text), ("ingested", DateTimeOffset.UtcNow)))
        {
            var inserted = await insert.ExecuteScalarAsync(cancellationToken);
            if (inserted is null or DBNull)
            {
                await transaction.RollbackAsync(cancellationToken);
                await using var find = Command(connection, null, "select id from articles where content_hash = @h", ("h", hash));
                return new SaveResult(SaveOutcome.Duplicate, Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
            }
            articleId = Convert.ToInt64(inserted, CultureInfo.InvariantCulture);
        }

        var entityIds = await SaveEntitiesAsync(connection, transaction, document, cancellationToken);

        var mentions = document.Entities.SelectMany(e => e.Mentions.Select(m => (Entity: e, Range: m))).ToList();
        foreach (var chunk in mentions.Chunk(RowsPerInsert))
        {
            var parameters = new List<(string, object?)> { ("a", articleId) };
            var rows = new List<string>();
            for (int i = 0; i < chunk.Length; i++)
            {
                rows.Add($"(@a, @e{i}, @s{i}, @x{i})");
                parameters.Add(($"e{i}", entityIds[chunk[i].Entity])); parameters.Add(($"s{i}", chunk[i].Range.Start)); parameters.Add(($"x{i}", chunk[i].Range.End));
            }
            await using var m = Command(connection, transaction, $"insert into mentions (article_id, entity_id, start_pos, end_pos) values {string.Join(", ", rows)}", [.. parameters]);
            await m.ExecuteNonQueryAsync(cancellationToken);
        }

        // Level by level, parents before children, so that parent_id can point at a stored row.
        var attributionIds = new Dictionary<Attribution, long>(ReferenceEqualityComparer.Instance);
        foreach (var level in document.Attributions.GroupBy(Depth).OrderBy(g => g.Key))
        {
            foreach (var chunk in level.Chunk(RowsPerInsert))
            {
                // Rows come back with their ordinal, so ids are matched without relying on RETURNING order.
                var parameters = new List<(string, object?)> { ("article", articleId) };
                var rows = new List<string>();
                for (int i = 0; i < chunk.Length; i++)
                {
                    var a = chunk[i];
                    rows.Add($"(@article, @l{i}, @k{i}, @sp{i}, @p{i}, @ss{i}, @se{i}, @st{i}, @cs{i}, @ce{i}, @ct{i}, @spans{i}, @c{i}, @r{i}, @conf{i})");
                    parameters.AddRange([
                        ($"l{i}", a.Id), ($"k{i}", a.Kind.ToString()),
                        ($"sp{i}", a.Speaker is { } speaker ? entityIds[speaker] : null),
                        ($"p{i}", a.Parent is { } parent && attributionIds.TryGetValue(parent, out long p) ? p : null),
                        ($"ss{i}", a.Source?.Start), ($"se{i}", a.Source?.End), ($"st{i}", a.Source is { } s ? document.Slice(s) : null),
                        ($"cs{i}", a.Cue?.Start), ($"ce{i}", a.Cue?.End), ($"ct{i}", a.Cue is { } c ? document.Slice(c) : null),
                        ($"spans{i}", FormatSpans(a.Content)), ($"c{i}", string.Join(" … ", a.Content.Select(document.Slice))),
                        ($"r{i}", a.Rule), ($"conf{i}", a.Confidence)]);
                }
                string sql = $"""
                    insert into attributions (article_id, local_id, kind, speaker_id, parent_id, source_start, source_end, source_text,
                                              cue_start, cue_end, cue_text, content_spans, content, rule, confidence)
                    values {string.Join(", ", rows)}
                    returning id
                    """;
                await using var insert = Command(connection, transaction, sql, [.. parameters]);
                var ids = new List<long>();
                await using (var r = await insert.ExecuteReaderAsync(cancellationToken))
                    while (await r.ReadAsync(cancellationToken)) ids.Add(r.GetInt64(0));
                // Identity values are handed out in VALUES order within one statement; sorting makes the match explicit.
                ids.Sort();
                for (int i = 0; i < chunk.Length; i++) attributionIds[chunk[i]] = ids[i];
            }
        }
        await IndexArticleAsync(connection, transaction, articleId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(SaveOutcome.Stored, articleId);
    }

    /// <summary>Upserts the document's entities (and any speaker not listed among them) in one statement per chunk.</summary>
    private static async Task<Dictionary<Entity, long>> SaveEntitiesAsync(DbConnection connection, DbTransaction transaction, Document document, CancellationToken cancellationToken)
    {
        var all = document.Entities.Concat(document.Attributions.Select(a => a.Speaker).OfType<Entity>())
            .Distinct(ReferenceEqualityComparer.Instance).Cast<Entity>().ToList();
        // One row per (key, kind): an upsert may not touch the same row twice.
        // Sorted, so that concurrent writers lock entity rows in the same order and cannot deadlock.
        var byKey = all.GroupBy(e => (Key: CanonicalKey(e.Name), Kind: e.Kind.ToString()))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ToList();
        var idsByKey = new Dictionary<(string Key, string Kind), long>();
        foreach (var chunk in byKey.Chunk(RowsPerInsert))
        {
            var parameters = new List<(string, object?)>();
            var rows = new List<string>();
            for (int i = 0; i < chunk.Length; i++)
            {
                var first = chunk[i].First();
                rows.Add($"(@n{i}, @k{i}, @t{i}, @b{i})");
                parameters.AddRange([($"n{i}", first.Name), ($"k{i}", chunk[i].Key.Key), ($"t{i}", chunk[i].Key.Kind), ($"b{i}", first.Named)]);
            }
            await using var upsert = Command(connection, transaction, $"""
                insert into entities (name, name_key, kind, named) values {string.Join(", ", rows)}
                on conflict (name_key, kind) do update set named = entities.named
                returning id, name_key, kind
                """, [.. parameters]);
            await using var r = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) idsByKey[(r.GetString(1), r.GetString(2))] = r.GetInt64(0);
        }
        var ids = new Dictionary<Entity, long>(ReferenceEqualityComparer.Instance);
        foreach (var group in byKey)
            foreach (var e in group) ids[e] = idsByKey[group.Key];
        return ids;
    }

    private static int Depth(Attribution attribution)
    {
        int depth = 0;
        for (var p = attribution.Parent; p is not null && depth < 64; p = p.Parent) depth++;
        return depth;
    }

    /// <summary>The key entities are merged on: case, spacing and apostrophe style do not matter.</summary>
    public static string CanonicalKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool space = false;
        foreach (char ch in name.Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(ch is '’' or '‘' ? '\'' : char.ToLowerInvariant(ch));
        }
        return sb.ToString();
    }

    private static string FormatSpans(IEnumerable<TextRange> ranges) =>
        string.Join(",", ranges.Select(r => $"{r.Start}-{r.End}"));

    private static IReadOnlyList<Span> ParseSpans(string spans, string text)
    {
        var list = new List<Span>();
        foreach (var part in spans.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = part.IndexOf('-');
            int start = int.Parse(part.AsSpan(0, dash), CultureInfo.InvariantCulture);
            int end = int.Parse(part.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            list.Add(new Span(start, end, SafeSlice(text, start, end)));
        }
        return list;
    }

    private static string SafeSlice(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        return text[start..end];
    }

    // ---- reading ------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(int limit = 100, int offset = 0, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, """
            select ar.id, ar.title, ar.outlet, ar.published, (select count(*) from attributions a where a.article_id = ar.id)
            from articles ar order by ar.id limit @limit offset @offset
            """, ("limit", Math.Clamp(limit, 0, 10_000)), ("offset", Math.Max(0, offset)));
        var list = new List<ArticleSummary>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            list.Add(new ArticleSummary(r.GetInt64(0), NullableString(r, 1), NullableString(r, 2), NullableDate(r, 3), ToInt(r.GetValue(4))));
        return list;
    }

    public async Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        string text;
        StoredArticle article;
        await using (var command = Command(connection, null,
            "select id, content_hash, text, title, author, outlet, published, url, origin, ingested_at from articles where id = @id", ("id", id)))
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await r.ReadAsync(cancellationToken)) return null;
            text = r.GetString(2);
            article = new StoredArticle(r.GetInt64(0), r.GetString(1), text, NullableString(r, 3), NullableString(r, 4), NullableString(r, 5),
                NullableDate(r, 6), NullableString(r, 7), NullableString(r, 8), r.GetFieldValue<DateTimeOffset>(9), []);
        }
        var attributions = new List<StoredAttribution>();
        await using (var command = Command(connection, null, """
            select a.id, a.local_id, a.kind, e.id, e.name, e.kind, e.named, a.source_start, a.source_end, a.cue_start, a.cue_end,
                   a.content_spans, a.parent_id, a.rule, a.confidence
            from attributions a left join entities e on e.id = a.speaker_id
            where a.article_id = @id order by a.id
            """, ("id", id)))
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                attributions.Add(new StoredAttribution(
                    r.GetInt64(0), id, r.GetString(1), Enum.Parse<AttributionKind>(r.GetString(2)),
                    ReadEntity(r, 3),
                    r.IsDBNull(7) ? null : MakeSpan(text, ToInt(r.GetValue(7)), ToInt(r.GetValue(8))),
                    r.IsDBNull(9) ? null : MakeSpan(text, ToInt(r.GetValue(9)), ToInt(r.GetValue(10))),
                    ParseSpans(r.GetString(11), text),
                    r.IsDBNull(12) ? null : r.GetInt64(12),
                    NullableString(r, 13),
                    r.GetDouble(14)));
            }
        }
        return article with { Attributions = attributions };
    }

    private static Span MakeSpan(string text, int start, int end) => new(start, end, SafeSlice(text, start, end));

    private const string StatementColumns = """
        a.id, a.article_id, ar.title, ar.outlet, ar.published, e.id, e.name, e.kind, e.named,
        a.source_text, a.cue_text, a.kind, a.content
        """;

    public async Task<IReadOnlyList<Statement>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var parameters = new List<(string, object?)> { ("limit", Math.Clamp(query.Limit, 1, 1000)) };
        var where = new List<string>();
        string from = "attributions a", snippet = "null", orderBy = "ar.published desc, a.id desc";
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            string? q = FullTextQuery(query.Text);
            if (q is null) return [];
            var ft = FullText;
            from = ft.From;
            where.Add(ft.Where);
            snippet = ft.Snippet;
            orderBy = ft.OrderBy;
            parameters.Add(("q", q));
            parameters.Add(("hl", "StartSel=\u0002, StopSel=\u0003, MaxWords=40, MinWords=15, HighlightAll=false"));
        }
        if (!string.IsNullOrWhiteSpace(query.Speaker))
        {
            where.Add(ContainsIgnoreCase("e.name", "@speaker"));
            parameters.Add(("speaker", query.Speaker.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(query.Kind))
            where.Add(KindCondition(query.Kind, parameters));
        if (query.Since is { } since)
        {
            where.Add("ar.published >= @since");
            parameters.Add(("since", since.ToUniversalTime()));
        }
        if (query.MinConfidence is { } least)
        {
            where.Add("a.confidence >= @least");
            parameters.Add(("least", least));
        }
        string sql = $"""
            select {StatementColumns}, {snippet}, a.parent_id
            from {from} join articles ar on ar.id = a.article_id left join entities e on e.id = a.speaker_id
            {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")}
            order by {orderBy}
            limit @limit
            """;
        return await ReadStatementsAsync(sql, parameters, cancellationToken);
    }

    /// <summary>The kinds <c>--kind</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["anonymous", "named", "second-hand", "direct", "indirect", "mixed", .. Enum.GetNames<EntityKind>().Select(n => n.ToLowerInvariant())];

    private static string KindCondition(string kind, List<(string, object?)> parameters)
    {
        string k = kind.Trim().ToLowerInvariant();
        switch (k)
        {
            case "anonymous" or "unnamed": return "(e.id is not null and not e.named)";
            case "named": return "e.named";
            case "second-hand" or "secondhand" or "chained": return "a.parent_id is not null";
        }
        if (Enum.TryParse<AttributionKind>(k, ignoreCase: true, out var ak))
        {
            parameters.Add(("akind", ak.ToString()));
            return "a.kind = @akind";
        }
        if (Enum.TryParse<EntityKind>(k, ignoreCase: true, out var ek))
        {
            parameters.Add(("ekind", ek.ToString()));
            return "e.kind = @ekind";
        }
        throw new ArgumentException($"unknown kind '{kind}'; use one of: {string.Join(", ", Kinds)}");
    }

    public async Task<IReadOnlyList<SpeakerSummary>> FindSpeakersAsync(string name, int limit = 20, CancellationToken cancellationToken = default)
    {
        string sql = $"""
            select e.id, e.name, e.kind, e.named, count(a.id), count(distinct a.article_id)
            from entities e left join attributions a on a.speaker_id = e.id
            where {ContainsIgnoreCase("e.name", "@name")}
            group by e.id, e.name, e.kind, e.named
            order by count(a.id) desc, e.name
            limit @limit
            """;
        return await ReadSpeakersAsync(sql, [("name", name.Trim()), ("limit", Math.Clamp(limit, 1, 1000))], cancellationToken);
    }

    private async Task<IReadOnlyList<SpeakerSummary>> ReadSpeakersAsync(string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, sql, [.. parameters]);
        var list = new List<SpeakerSummary>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            list.Add(new SpeakerSummary(ReadEntity(r, 0)!, ToInt(r.GetValue(4)), ToInt(r.GetValue(5))));
        return list;
    }

    public async Task<StoredEntity?> GetEntityAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "select id, name, kind, named from entities where id = @id", ("id", id));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? ReadEntity(r, 0) : null;
    }

    public Task<IReadOnlyList<Statement>> GetStatementsAsync(long entityId, int limit = 500, CancellationToken cancellationToken = default) =>
        ReadStatementsAsync($"""
            select {StatementColumns}, null, a.parent_id
            from attributions a join articles ar on ar.id = a.article_id left join entities e on e.id = a.speaker_id
            where a.speaker_id = @entity
            order by case when ar.published is null then 1 else 0 end, ar.published, a.article_id, a.id
            limit @limit
            """, [("entity", entityId), ("limit", Math.Clamp(limit, 1, 10_000))], cancellationToken);

    private async Task<IReadOnlyList<Statement>> ReadStatementsAsync(string sql, IReadOnlyList<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, sql, [.. parameters]);
        var list = new List<Statement>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new Statement(
                r.GetInt64(0), r.GetInt64(1), NullableString(r, 2), NullableString(r, 3), NullableDate(r, 4),
                ReadEntity(r, 5), NullableString(r, 9), NullableString(r, 10),
                Enum.Parse<AttributionKind>(r.GetString(11)), r.GetString(12), NullableString(r, 13),
                r.IsDBNull(14) ? null : r.GetInt64(14)));
        }
        return list;
    }

    public async Task<CorpusOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        int articles, attributions, speakers, anonymous, secondHand;
        await using (var command = Command(connection, null, """
            select (select count(*) from articles),
                   (select count(*) from attributions),
                   (select count(distinct speaker_id) from attributions),
                   (select count(*) from attributions a join entities e on e.id = a.speaker_id where not e.named),
                   (select count(*) from attributions where parent_id is not null)
            """))
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            await r.ReadAsync(cancellationToken);
            (articles, attributions, speakers, anonymous, secondHand) =
                (ToInt(r.GetValue(0)), ToInt(r.GetValue(1)), ToInt(r.GetValue(2)), ToInt(r.GetValue(3)), ToInt(r.GetValue(4)));
        }
        var outlets = new List<OutletProfile>();
        await using (var command = Command(connection, null, """
            select coalesce(ar.outlet, ''), count(distinct ar.id), count(a.id),
                   coalesce(sum(case when e.id is not null and not e.named then 1 else 0 end), 0),
                   coalesce(sum(case when a.parent_id is not null then 1 else 0 end), 0)
            from articles ar left join attributions a on a.article_id = ar.id left join entities e on e.id = a.speaker_id
            group by coalesce(ar.outlet, '')
            order by count(distinct ar.id) desc, coalesce(ar.outlet, '')
            limit 20
            """))
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                outlets.Add(new OutletProfile(r.GetString(0), ToInt(r.GetValue(1)), ToInt(r.GetValue(2)), ToInt(r.GetValue(3)), ToInt(r.GetValue(4))));
        }
        var top = await ReadSpeakersAsync("""
            select e.id, e.name, e.kind, e.named, count(a.id), count(distinct a.article_id)
            from entities e join attributions a on a.speaker_id = e.id
            group by e.id, e.name, e.kind, e.named
            order by count(a.id) desc, e.name
            limit 15
            """, [], cancellationToken);
        return new CorpusOverview(articles, attributions, speakers, anonymous, secondHand, outlets, top);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static StoredEntity? ReadEntity(DbDataReader r, int first) =>
        r.IsDBNull(first) ? null
        : new StoredEntity(r.GetInt64(first), r.GetString(first + 1), Enum.Parse<EntityKind>(r.GetString(first + 2)), r.GetBoolean(first + 3));

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateTimeOffset? NullableDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
    private static int ToInt(object value) => value is DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
