using System.CommandLine;
using System.Globalization;
using Hearsay.Store;

namespace Hearsay.Cli.Commands;

/// <summary>`hearsay search [QUERY] [--speaker S] [--kind K] [--since DATE] [--min-confidence P]`: stored attributions whose content matches.</summary>
public sealed class SearchCommand : ICliCommand
{
    public int Order => 51;

    public Command Create()
    {
        var query = new Argument<string?>("QUERY") { Description = "Words to find in what was said (all must occur; stemmed).", Arity = ArgumentArity.ZeroOrOne };
        var speaker = new Option<string?>("--speaker") { Description = "Only speakers whose name contains this (case-insensitive)." };
        var kind = new Option<string?>("--kind") { Description = $"Only this kind: {string.Join(", ", SqlArticleStore.Kinds)}." };
        var since = new Option<string?>("--since") { Description = "Only articles published on or after this date (2016-09-30)." };
        var limit = new Option<int>("--limit", "-n") { Description = "Most results shown.", DefaultValueFactory = _ => 50 };
        var minConfidence = HearsayCli.MinConfidenceOption("Only attributions whose confidence (the estimated probability that they are right, 0 to 1) is at least this.");
        var db = StoreOption.Create();
        var command = new Command("search", "Search what was said across the stored articles.") { query, speaker, kind, since, limit, minConfidence, db };
        command.SetAction(async (parse, ct) =>
        {
            string? q = parse.GetValue(query), s = parse.GetValue(speaker), k = parse.GetValue(kind), sinceText = parse.GetValue(since);
            if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(s) && string.IsNullOrWhiteSpace(k) && string.IsNullOrWhiteSpace(sinceText))
            {
                Console.Error.WriteLine("hearsay: give a QUERY, --speaker, --kind or --since");
                return ExitCodes.UsageError;
            }
            DateTimeOffset? sinceDate = null;
            if (!string.IsNullOrWhiteSpace(sinceText))
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                {
                    Console.Error.WriteLine($"hearsay: --since must be a date like 2016-09-30, not '{sinceText}'");
                    return ExitCodes.UsageError;
                }
                sinceDate = d;
            }
            await using var store = await StoreOption.OpenAsync(parse.GetValue(db), ct);
            if (store is null) return ExitCodes.Failure;
            IReadOnlyList<Statement> hits;
            try { hits = await store.SearchAsync(new SearchQuery(q, s, k, sinceDate, parse.GetValue(limit), parse.GetValue(minConfidence)), ct); }
            catch (ArgumentException e) { Console.Error.WriteLine($"hearsay: {e.Message}"); return ExitCodes.UsageError; }
            foreach (var hit in hits) Console.WriteLine(Format(hit));
            Console.Error.WriteLine($"{hits.Count} attribution{(hits.Count == 1 ? "" : "s")}");
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Format(Statement s)
    {
        string date = s.Published?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated   ";
        string who = s.Speaker is { } e ? $"{e.Name}{(e.Named ? "" : " (unnamed)")}" : s.SourceText ?? "unattributed";
        string content = (s.Snippet ?? s.Content).Replace("\u0002", "").Replace("\u0003", "").ReplaceLineEndings(" ");
        if (content.Length > 240) content = content[..239] + "…";
        string chain = s.ParentId is null ? "" : " [second-hand]";
        return $"{date}  {s.Outlet ?? "-",-14} article {s.ArticleId,-5} {who} {s.CueText ?? "-"}: {(content.Length > 0 && content[0] is '"' or '“' or '\'' or '‘' ? content : $"“{content}”")}{chain}  ({s.ArticleTitle})";
    }
}
