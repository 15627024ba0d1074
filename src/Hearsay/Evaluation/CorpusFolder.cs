namespace Hearsay.Evaluation;

/// <summary>An article of a corpus folder: its text file and its annotation files, sorted by name.</summary>
/// <param name="AnnotationPaths">One file per annotator; the first is gold.</param>
public sealed record CorpusArticle(string Name, string TextPath, IReadOnlyList<string> AnnotationPaths)
{
    public string? GoldPath => AnnotationPaths.Count > 0 ? AnnotationPaths[0] : null;

    /// <summary>The annotator id of an annotation file (<c>&lt;article&gt;_&lt;annotator&gt;.ann</c>), or "" for <c>&lt;article&gt;.ann</c>.</summary>
    public string AnnotatorOf(string annotationPath)
    {
        string stem = Path.GetFileNameWithoutExtension(annotationPath);
        return stem.Length > Name.Length + 1 && stem.StartsWith(Name + "_", StringComparison.Ordinal) ? stem[(Name.Length + 1)..] : "";
    }
}

/// <summary>
/// A folder in the PolNeAR corpus layout: <c>text/&lt;article&gt;.txt</c> and
/// <c>attributions/&lt;article&gt;_&lt;annotator&gt;.ann</c>.
/// </summary>
public static class CorpusFolder
{
    public static bool IsCorpusFolder(string dir) => Directory.Exists(Path.Combine(dir, "text"));

    /// <summary>The folder's articles in name order (ordinal), each with its annotation files in name order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder has no text/ sub-folder.</exception>
    public static IReadOnlyList<CorpusArticle> Load(string dir)
    {
        string textDir = Path.Combine(dir, "text");
        if (!Directory.Exists(textDir)) throw new DirectoryNotFoundException($"{dir} has no text/ folder");
        var names = Directory.EnumerateFiles(textDir, "*.txt")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        var annotations = AnnotationFiles(Path.Combine(dir, "attributions"), names, out _);
        return names
            .Select(n => new CorpusArticle(n, Path.Combine(textDir, n + ".txt"),
                annotations.TryGetValue(n, out var files) ? files : []))
            .ToList();
    }

    /// <summary>
    /// The .ann files of a folder grouped by the article they belong to: <c>&lt;article&gt;.ann</c> or
    /// <c>&lt;article&gt;_&lt;anything&gt;.ann</c> (the longest article name that fits wins); files in name order.
    /// </summary>
    public static Dictionary<string, List<string>> AnnotationFiles(string dir, IReadOnlyCollection<string> articles,
        out List<string> unmatched)
    {
        unmatched = [];
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!Directory.Exists(dir)) return result;
        var known = articles as IReadOnlySet<string> ?? articles.ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(dir, "*.ann").Order(StringComparer.Ordinal))
        {
            string? article = ArticleOf(Path.GetFileNameWithoutExtension(path), known);
            if (article is null) { unmatched.Add(path); continue; }
            if (!result.TryGetValue(article, out var list)) result[article] = list = [];
            list.Add(path);
        }
        return result;
    }

    private static string? ArticleOf(string stem, IReadOnlySet<string> articles)
    {
        if (articles.Contains(stem)) return stem;
        for (int i = stem.LastIndexOf('_'); i > 0; i = stem.LastIndexOf('_', i - 1))
            if (articles.Contains(stem[..i])) return stem[..i];
        return null;
    }
}
