namespace Hearsay.Input;

/// <summary>One article to read: a file, or standard input ("-").</summary>
public sealed record InputItem(string Path)
{
    public bool IsStandardInput => Path == "-";
    /// <summary>An http(s) URL rather than a file.</summary>
    public bool IsUrl => InputSource.IsHttpUrl(Path);
    /// <summary>The name outputs take: the file name without its extension, or a URL's last path segment (its host when it has none).</summary>
    public string Stem => IsStandardInput ? "stdin" : IsUrl ? UrlStem(new Uri(Path)) : System.IO.Path.GetFileNameWithoutExtension(Path);

    private static string UrlStem(Uri uri)
    {
        string? segment = uri.Segments.LastOrDefault(s => s.Trim('/').Length > 0)?.Trim('/');
        string name = segment is null ? "" : System.IO.Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(segment));
        return name.Length > 0 && name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0 ? name : uri.Host;
    }
}

/// <summary>Expands the command-line inputs: files as given, directories recursively (files with one of the given extensions, .txt by default), "-" for stdin.</summary>
public static class InputSource
{
    /// <summary>Whether <paramref name="s"/> is an absolute http or https URL (on Unix "/path" parses as a file: URI, which is not).</summary>
    public static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// A link as an absolute http(s) URL: itself when absolute, else resolved against <paramref name="baseUrl"/>; null
    /// when empty, of another scheme, or relative with no usable base.
    /// </summary>
    public static string? ResolveHttpUrl(string? link, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        // On Unix "/path" parses as an absolute file: URI, so only http(s) counts as absolute here.
        if (IsHttpUrl(link)) return new Uri(link).ToString();
        if (link.Contains("://")) return null;
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, link, out var resolved)
            && IsHttpUrl(resolved.ToString())) return resolved.ToString();
        return null;
    }

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
