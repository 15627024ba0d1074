namespace Hearsay.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Some inputs could not be processed; the rest were.</summary>
    public const int SomeInputsFailed = 1;
    public const int UsageError = 2;
    /// <summary>Nothing could be processed (no inputs found, store unreachable).</summary>
    public const int Failure = 3;
}
