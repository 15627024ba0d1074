using System.CommandLine;
using System.Reflection;

namespace Hearsay.Cli;

/// <summary>The `hearsay` command line: every <see cref="ICliCommand"/> in this assembly under one root.</summary>
public static class HearsayCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Hearsay: who said what, according to whom, in news articles.");
        var commands = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Order);
        foreach (var command in commands) root.Subcommands.Add(command.Create());
        return root;
    }

    /// <summary>Runs the command line; an unknown command or option, or a value out of range, exits with <see cref="ExitCodes.UsageError"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        int code = await parsed.InvokeAsync();
        return parsed.Errors.Count > 0 ? ExitCodes.UsageError : code;
    }

    /// <summary>`--min-confidence P`: a probability from 0 to 1; any other value is a usage error.</summary>
    public static Option<double?> MinConfidenceOption(string description)
    {
        var option = new Option<double?>("--min-confidence") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is < 0 or > 1) result.AddError("--min-confidence must lie between 0 and 1.");
        });
        return option;
    }

    /// <summary>
    /// Makes an input that looks like an option ("--frmat") and names no file a usage error, instead of one
    /// more input that is not found: a list-of-inputs argument otherwise takes unknown options in.
    /// </summary>
    public static void RejectUnknownOptions(Argument<string[]> inputs)
    {
        inputs.Validators.Add(result =>
        {
            foreach (string input in result.GetValueOrDefault<string[]>() ?? [])
                if (input.StartsWith("--", StringComparison.Ordinal) && !File.Exists(input) && !Directory.Exists(input))
                    result.AddError($"Unknown option {input}.");
        });
    }
}
