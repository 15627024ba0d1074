namespace Hearsay.Input;

/// <summary>One article to read: a file, or standard input ("-").</summary>
public sealed record InputItem(string Path)
{
    public bool IsStandardInput => Path == "-";
    public string Stem => IsStandardInput ? "stdin" : System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>Expands the command-line inputs: files as given, directories recursively (files with one of the given extensions, .txt by default), "-" for stdin.</summary>
public static class InputSource
{
    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs, IReadOnlyCollection<string>? extensions = null)
    {
        extensions ??= [".txt"];
        foreach (var input in inputs)
        {
            if (input == "-") { yield return new InputItem("-"); continue; }
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                             .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                             .Order(StringComparer.Ordinal))
                    yield return new InputItem(file);
                continue;
            }
            yield return new InputItem(input);
        }
    }
}
