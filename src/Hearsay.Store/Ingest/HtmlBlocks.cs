using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Hearsay.Store.Ingest;

/// <summary>
/// The paragraphs of parsed HTML, one per block of text (a paragraph, heading, list item, quotation, table
/// cell, or the text between two line breaks), with the line breaks of the HTML source read as spaces: a
/// paragraph wrapped over several source lines stays one paragraph. Scripts, styles and forms are left out.
/// </summary>
internal static partial class HtmlBlocks
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "textarea", "dialog",
        "object", "embed", "canvas", "head",
    };

    /// <summary>Left out of a whole page's main text as well.</summary>
    private static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "header", "footer", "aside", "form", "menu",
    };

    /// <summary>Elements whose start and end break the text into blocks.</summary>
    private static readonly HashSet<string> BlockBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "address",
        "body", "header", "footer", "nav", "aside", "form",
    };

    [GeneratedRegex(@"comment|disqus|replies|related|sidebar|footer|header|menu|navigation|breadcrumb|share|social|promo|sponsor|advert|\bads?\b|banner|popup|newsletter|subscribe|pagination|cookie", RegexOptions.IgnoreCase)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"article|content|story|main|body", RegexOptions.IgnoreCase)]
    private static partial Regex Likely();

    /// <summary>A block of text, the element it was read from (by place in page order) and how much of it is link text.</summary>
    private sealed record Block(string Text, int Holder, int LinkChars);

    /// <summary>
    /// Every element walked, by place in page order: the place after its last descendant (so that "inside"
    /// is a range check) and its parent's place.
    /// </summary>
    private sealed record Walk(List<Block> Blocks, List<int> Ends, List<int> Parents);

    /// <summary>Every block of text under <paramref name="root"/>, in order.</summary>
    public static List<string> Paragraphs(INode root) => Read(root, mainTextOnly: false).Blocks.Select(b => b.Text).ToList();

    /// <summary>
    /// The main text of a whole page, for pages too large for SmartReader, in one walk. SmartReader's search
    /// for the article looks through the page again for many of its elements, so its time grows with the
    /// square of their number (seconds at 10,000 elements, a minute at 50,000). Here each block of text is
    /// kept with the element that holds it; the holder whose blocks carry the most text that is not link
    /// text (its parent's share counted at half) is the article, and the article is the blocks inside it
    /// whose text is mostly not links. Navigation, headers, footers, sidebars, forms and hidden elements are
    /// left out, and so are elements whose class or id names them as comments, related links, sharing
    /// buttons or advertising, unless it also names them as the article or its content.
    /// </summary>
    public static List<string> MainText(IDocument page)
    {
        if (page.Body is not { } body) return [];
        var (blocks, ends, parents) = Read(body, mainTextOnly: true);
        if (blocks.Count == 0) return [];
        // A block's holder is the element the text was read from (the <p>); the article is the element
        // around it, which the paragraphs of the article share.
        var score = new double[ends.Count];
        foreach (var block in blocks)
        {
            int own = Math.Max(0, block.Text.Length - block.LinkChars);
            if (own < 25) continue;
            int holder = parents[block.Holder] >= 0 ? parents[block.Holder] : block.Holder;
            score[holder] += own;
            if (parents[holder] >= 0) score[parents[holder]] += own / 2.0;
        }
        int best = 0;
        for (int i = 1; i < score.Length; i++) if (score[i] > score[best]) best = i;
        return blocks
            .Where(b => b.Holder >= best && b.Holder < ends[best] && b.LinkChars * 2 <= b.Text.Length)
            .Select(b => b.Text)
            .ToList();
    }

    private static Walk Read(INode root, bool mainTextOnly)
    {
        var walk = new Walk([], [], []);
        var text = new StringBuilder();
        int linkChars = 0, linkDepth = 0;
        var open = new Stack<int>();

        void Flush()
        {
            string line = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            text.Clear();
            if (line.Length > 0) walk.Blocks.Add(new Block(line, open.Count > 0 ? open.Peek() : 0, Math.Min(linkChars, line.Length)));
            linkChars = 0;
        }

        var stack = new Stack<(INode Node, int Place, bool Leaving)>();
        if (root is IElement) stack.Push((root, -1, false));
        else for (int i = root.ChildNodes.Length - 1; i >= 0; i--) stack.Push((root.ChildNodes[i], -1, false));
        while (stack.Count > 0)
        {
            var (node, place, leaving) = stack.Pop();
            if (leaving)
            {
                var element = (IElement)node;
                walk.Ends[place] = walk.Ends.Count;
                if (BlockBreaks.Contains(element.LocalName)) Flush();
                if (element.LocalName == "a") linkDepth--;
                open.Pop();
                continue;
            }
            if (node is IText t)
            {
                text.Append(t.Data);
                if (linkDepth > 0) linkChars += t.Data.Length;
                continue;
            }
            if (node is not IElement e || Skipped.Contains(e.LocalName) || mainTextOnly && IsFurniture(e))
            {
                if (node is IElement skipped && BlockBreaks.Contains(skipped.LocalName)) Flush();
                continue;
            }
            if (BlockBreaks.Contains(e.LocalName)) Flush();
            if (e.LocalName == "a") linkDepth++;
            int own = walk.Ends.Count;
            walk.Ends.Add(0);
            walk.Parents.Add(open.Count > 0 ? open.Peek() : -1);
            open.Push(own);
            stack.Push((e, own, true));
            // By index: AngleSharp finds a node's previous sibling by searching its parent's children.
            var children = e.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], -1, false));
        }
        Flush();
        return walk;
    }

    private static bool IsFurniture(IElement e) =>
        Furniture.Contains(e.LocalName)
        || e.LocalName is not ("body" or "article" or "main")
            && (e.ClassName + " " + e.Id) is { Length: > 1 } names && Unlikely().IsMatch(names) && !Likely().IsMatch(names)
        || e.HasAttribute("hidden")
        || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (e.GetAttribute("style") is { } style && style.Replace(" ", "").Contains("display:none", StringComparison.OrdinalIgnoreCase));
}
