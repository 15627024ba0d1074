namespace Hearsay.Tests.Cli;

/// <summary>
/// The tests that capture <see cref="Console.Error"/>, which is one per process: they run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>Runs a command with standard error captured (from tests in <see cref="ConsoleCollection"/>).</summary>
internal static class StandardError
{
    public static (int Exit, string Error) Capture(Func<int> run)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try { return (run(), error.ToString()); }
        finally { Console.SetError(original); }
    }

    public static async Task<(int Exit, string Error)> CaptureAsync(Func<Task<int>> run)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try { return (await run(), error.ToString()); }
        finally { Console.SetError(original); }
    }
}
