using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Testing;

/// <summary>
/// Hand-made articles with hand-made entities and attributions, so store and web tests do not depend on
/// what the extractor finds. Ranges are found by searching the text for the quoted phrases.
/// </summary>
public static class TestDocuments
{
    /// <summary>A named speaker, a cue, split content, and a chain: the Post reports what unnamed officials said.</summary>
    public static Document Negotiations(string? title = null, DateTimeOffset? published = null, string? outlet = "Daily Planet")
    {
        title ??= "Talks resume as envoys weigh ceasefire";
        string text = title + "\n\n" +
            "\"We are committed to negotiations,\" Secretary Jane Holt said on Monday, \"and we will keep talking.\"\n\n" +
            "The Washington Post reported that officials said the negotiations had stalled over border guarantees.\n\n" +
            "A senior diplomat, speaking on condition of anonymity, warned that a deal was not close.";
        var doc = new Document(text, "negotiations");
        doc.Metadata.Title = title;
        doc.Metadata.TitleRange = new TextRange(0, title.Length);
        doc.Metadata.Outlet = outlet;
        doc.Metadata.Author = "Lois Lane";
        doc.Metadata.Published = published ?? new DateTimeOffset(2016, 9, 12, 0, 0, 0, TimeSpan.Zero);
        doc.Metadata.Url = "https://example.org/talks";

        var holt = Entity(doc, "e1", "Jane Holt", EntityKind.Person, true, "Secretary Jane Holt");
        var post = Entity(doc, "e2", "The Washington Post", EntityKind.Outlet, true, "The Washington Post");
        var officials = Entity(doc, "e3", "officials", EntityKind.Anonymous, false, "officials");
        var diplomat = Entity(doc, "e4", "a senior diplomat", EntityKind.Anonymous, false, "A senior diplomat");

        var a1 = new Attribution("a1", AttributionKind.Direct) { Speaker = holt, Source = Find(doc, "Secretary Jane Holt"), Cue = Find(doc, "said on Monday"), Rule = "test" };
        a1.Content.Add(Find(doc, "We are committed to negotiations,"));
        a1.Content.Add(Find(doc, "and we will keep talking."));
        var a2 = new Attribution("a2", AttributionKind.Indirect) { Speaker = post, Source = Find(doc, "The Washington Post"), Cue = Find(doc, "reported"), Rule = "test" };
        a2.Content.Add(Find(doc, "officials said the negotiations had stalled over border guarantees"));
        var a3 = new Attribution("a3", AttributionKind.Indirect) { Speaker = officials, Source = Find(doc, "officials"), Cue = Find(doc, "said the", 0, 4), Parent = a2, Rule = "test" };
        a3.Content.Add(Find(doc, "the negotiations had stalled over border guarantees"));
        var a4 = new Attribution("a4", AttributionKind.Indirect) { Speaker = diplomat, Source = Find(doc, "A senior diplomat"), Cue = Find(doc, "warned"), Rule = "test", Confidence = 0.8 };
        a4.Content.Add(Find(doc, "a deal was not close"));
        // Children first on purpose: the store must insert parents before children.
        doc.Attributions.AddRange([a3, a1, a2, a4]);
        return doc;
    }

    /// <summary>A second article quoting the same person, to check that entities merge across articles.</summary>
    public static Document Budget(string? title = null, DateTimeOffset? published = null, string? outlet = "Morning Ledger", string speakerName = "Jane Holt")
    {
        title ??= "Budget vote delayed";
        string text = title + "\n\n" +
            "\"The budget will be balanced next year,\" " + speakerName + " told reporters.\n\n" +
            "Council members said they needed more time.";
        var doc = new Document(text, "budget");
        doc.Metadata.Title = title;
        doc.Metadata.Outlet = outlet;
        doc.Metadata.Published = published ?? new DateTimeOffset(2016, 10, 3, 0, 0, 0, TimeSpan.Zero);
        var holt = Entity(doc, "e1", speakerName, EntityKind.Person, true, speakerName);
        var council = Entity(doc, "e2", "Council members", EntityKind.Group, false, "Council members");
        var a1 = new Attribution("a1", AttributionKind.Direct) { Speaker = holt, Source = Find(doc, speakerName), Cue = Find(doc, "told") };
        a1.Content.Add(Find(doc, "The budget will be balanced next year,"));
        var a2 = new Attribution("a2", AttributionKind.Indirect) { Speaker = council, Source = Find(doc, "Council members"), Cue = Find(doc, "said") };
        a2.Content.Add(Find(doc, "they needed more time"));
        doc.Attributions.AddRange([a1, a2]);
        return doc;
    }

    /// <summary>An article whose title, text and speaker name try to inject markup.</summary>
    public const string HostileTitle = "<script>window.__pwned = 1</script> Breaking <img src=x onerror=\"window.__pwned = 1\">";
    public const string HostileQuote = "<img src=x onerror=\"window.__pwned=1\"> is <b>not</b> a tag";
    public const string HostileSpeaker = "Mallory <script>alert(1)</script>";

    public static Document Hostile()
    {
        string text = HostileTitle + "\n\n\"" + HostileQuote + ",\" " + HostileSpeaker + " said.\n\n<script>window.__pwned = 2</script> \" onmouseover=\"window.__pwned=3";
        var doc = new Document(text, "hostile");
        doc.Metadata.Title = HostileTitle;
        doc.Metadata.Outlet = "<b>Evil</b> Outlet";
        doc.Metadata.Url = "javascript:alert(1)";
        doc.Metadata.Published = new DateTimeOffset(2016, 9, 20, 0, 0, 0, TimeSpan.Zero);
        var mallory = Entity(doc, "e1", HostileSpeaker, EntityKind.Person, true, HostileSpeaker);
        var a = new Attribution("a1", AttributionKind.Direct) { Speaker = mallory, Source = Find(doc, HostileSpeaker), Cue = Find(doc, "said.", 0, 4) };
        a.Content.Add(Find(doc, HostileQuote + ","));
        doc.Attributions.Add(a);
        return doc;
    }

    private static Entity Entity(Document doc, string id, string name, EntityKind kind, bool named, string mention)
    {
        var e = new Entity(id, name, kind, named);
        e.Mentions.Add(Find(doc, mention));
        doc.Entities.Add(e);
        return e;
    }

    /// <summary>The range of <paramref name="phrase"/> (or of its first <paramref name="length"/> characters from <paramref name="skip"/>).</summary>
    public static TextRange Find(Document doc, string phrase, int skip = 0, int length = -1)
    {
        int at = doc.Text.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{phrase}' is not in the text");
        return new TextRange(at + skip, at + skip + (length < 0 ? phrase.Length : length));
    }
}
