namespace Hearsay.Benchmarks;

/// <summary>
/// The measurements that are not BenchmarkDotNet benchmarks (<c>--nlp-throughput</c>, <c>--pipeline-stages</c>):
/// each hooks in as a module initializer, so BenchmarkDotNet's switcher never sees its argument.
/// </summary>
internal static class MeasurementMode
{
    /// <summary>When the command line holds <paramref name="argument"/>, runs the measurement on the corpus named after it (or found) and exits.</summary>
    public static void RunWhenAsked(string argument, Func<string?, TextWriter, int> run)
    {
        var args = Environment.GetCommandLineArgs();
        int at = Array.IndexOf(args, argument);
        if (at < 0) return;
        string? corpus = at + 1 < args.Length ? args[at + 1] : NlpCorpus.Find();
        Environment.Exit(run(corpus, Console.Out));
    }
}
