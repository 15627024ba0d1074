using System.CommandLine;

namespace Hearsay.Cli.Commands;

/// <summary>`hearsay who NAME`: what each matching speaker said over time, with article and date.</summary>
public sealed class WhoCommand : ICliCommand
{
    public int Order => 52;

    public Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Part of the speaker's name (case-insensitive)." };
        var limit = new Option<int>("--limit", "-n") { Description = "Most statements shown per speaker.", DefaultValueFactory = _ => 100 };
        var db = StoreOption.Create();
        var command = new Command("who", "What a speaker said over time, with article and date.") { name, limit, db };
        command.SetAction(async (parse, ct) =>
        {
            string n = parse.GetValue(name)!;
            if (string.IsNullOrWhiteSpace(n)) { Console.Error.WriteLine("hearsay: NAME is empty"); return ExitCodes.UsageError; }
            await using var store = await StoreOption.OpenAsync(parse.GetValue(db), ct);
            if (store is null) return ExitCodes.Failure;
            var speakers = await store.FindSpeakersAsync(n, 10, ct);
            if (speakers.Count == 0)
            {
                Console.Error.WriteLine($"hearsay: no speaker's name contains '{n}'");
                return ExitCodes.SomeInputsFailed;
            }
            foreach (var speaker in speakers)
            {
                var e = speaker.Entity;
                Console.WriteLine($"{e.Name} ({e.Kind}{(e.Named ? "" : ", unnamed")}, speaker {e.Id}): {speaker.Statements} statements in {speaker.Articles} articles");
                foreach (var s in await store.GetStatementsAsync(e.Id, parse.GetValue(limit), ct))
                    Console.WriteLine("  " + SearchCommand.Format(s));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
