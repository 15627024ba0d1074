using System.CommandLine;
using Hearsay.Store;
using Hearsay.Web;
using Microsoft.Extensions.Hosting;

namespace Hearsay.Cli.Commands;

/// <summary>`hearsay serve [--urls URL] [--db DB]`: the web UI and JSON API over the store.</summary>
public sealed class ServeCommand : ICliCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public int Order => 53;

    public Command Create()
    {
        var urls = new Option<string>("--urls") { Description = $"Where to listen (default {DefaultUrls}; loopback only unless you say otherwise).", DefaultValueFactory = _ => DefaultUrls };
        var db = StoreOption.Create();
        var command = new Command("serve", "Explore the store in a browser: search, articles with highlighted attributions, speakers; JSON API under /api/.") { urls, db };
        command.SetAction(async (parse, ct) =>
        {
            string store = StoreFactory.Resolve(parse.GetValue(db));
            // Open once up front so that a bad --db fails here with one line, not on the first request.
            await using (var check = await StoreOption.OpenAsync(store, ct)) { if (check is null) return ExitCodes.Failure; }
            var app = HearsayWebApp.Build(["--urls", parse.GetValue(urls)!, $"--{HearsayWebOptions.DbKey}={store}"]);
            Console.Error.WriteLine($"hearsay: serving {(StoreFactory.IsConnectionString(store) ? "PostgreSQL" : store)} at {parse.GetValue(urls)} (Ctrl+C to stop)");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
