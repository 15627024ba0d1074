namespace Hearsay.Tests.Cli;

/// <summary>Runs a command with standard error captured.</summary>
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
}
