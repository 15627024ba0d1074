namespace Hearsay.Input;

/// <summary>One article to read: a file, or standard input ("-").</summary>
public sealed record InputItem(string Path)
{
    public bool IsStandardInput => Path == "-";
    public string Stem => IsStandardInput ? "stdin" : System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>Expands the command-line inputs: files as given, directories recursively (*.txt), "-" for stdin.</summary>
public static class InputSource
{
    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs, string pattern = "*.txt")
    {
        foreach (var input in inputs)
        {
            if (input == "-") { yield return new InputItem("-"); continue; }
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return new InputItem(file);
                continue;
            }
            yield return new InputItem(input);
        }
    }
}
