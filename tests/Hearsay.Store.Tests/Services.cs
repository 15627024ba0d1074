using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Hearsay.Testing;

/// <summary>
/// The services some tests need. Without them a test is skipped with the reason, unless
/// HEARSAY_REQUIRE_SERVICES=1 (CI), where it runs and fails.
/// </summary>
public static class Services
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Database=hearsay_test;Username=hearsay;Password=hearsay";

    public static bool Required => Environment.GetEnvironmentVariable("HEARSAY_REQUIRE_SERVICES") is "1" or "true";

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("HEARSAY_TEST_POSTGRES") is { Length: > 0 } cs ? cs : DefaultPostgres;

    private static readonly Lazy<string?> PostgresProblem = new(() =>
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Timeout = 3 };
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            return null;
        }
        catch (Exception e)
        {
            return $"PostgreSQL is not reachable ({e.Message.Split('\n')[0]}); set HEARSAY_TEST_POSTGRES or run .ci/run";
        }
    });

    /// <summary>Null when PostgreSQL can be used (or is required); else why the test is skipped.</summary>
    public static string? PostgresSkipReason => Required ? null : PostgresProblem.Value;
}

/// <summary>Supplies the "sqlite" backend to a store theory.</summary>
public sealed class SqliteBackendAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["sqlite"]];
}

/// <summary>Supplies the "postgres" backend to a store theory; skipped when PostgreSQL is unavailable and not required.</summary>
public sealed class PostgresBackendAttribute : DataAttribute
{
    public PostgresBackendAttribute() => Skip = Services.PostgresSkipReason;
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [["postgres"]];
}
