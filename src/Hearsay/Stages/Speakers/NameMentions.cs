using Hearsay.Text;

namespace Hearsay.Stages.Speakers;

/// <summary>Proper-name mentions: entity-tagged spans when the recogniser has run, capitalised runs otherwise.</summary>
internal static class NameMentions
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "I", "He", "She", "They", "We", "It", "But", "And", "In", "On", "At", "This", "That", "Mr.", "Mrs.",
        "Ms.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "If",
    };

    /// <summary>Name mentions outside quotations, in text order (a quote's words are the speaker's, not the article's).</summary>
    public static List<TextRange> Find(Document document)
    {
        var names = new List<TextRange>();
        var tokens = document.Tokens;
        var quoted = new bool[tokens.Count];
        foreach (var quotation in document.Quotations)
            for (int k = quotation.FirstToken; k < quotation.EndToken; k++) quoted[k] = true;
        int i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (quoted[i]) { i++; continue; }
            bool tagged = token.EntityTag is not null;
            bool start = tagged ? token.EntityTag is "PERSON" or "ORGANIZATION" : IsCapitalised(token) && !NotNames.Contains(token.Text);
            if (!start) { i++; continue; }
            int end = i + 1;
            while (end < tokens.Count && tokens[end].Sentence == token.Sentence && !quoted[end]
                   && (tagged ? tokens[end].EntityTag == token.EntityTag : IsCapitalised(tokens[end]) && !NotNames.Contains(tokens[end].Text)))
                end++;
            // A title the recogniser left outside the name: "Mrs." + "Clinton".
            while (tagged && end < tokens.Count && tokens[end].Sentence == token.Sentence && !quoted[end]
                   && tokens[end].EntityTag == "O" && NotNames.Contains(tokens[end - 1].Text) && IsCapitalised(tokens[end])) end++;
            // ... and one before it: "Mrs." + "Clinton" tagged PERSON.
            int begin = i;
            if (tagged && begin > 0 && !quoted[begin - 1] && tokens[begin - 1].Sentence == token.Sentence
                && tokens[begin - 1].Text is "Mr." or "Mrs." or "Ms." or "Dr." or "Sen." or "Rep." or "Gov." or "Gen." or "President")
                begin--;
            bool sentenceInitialSingle = !tagged && end - i == 1 && (i == 0 || tokens[i - 1].Sentence != token.Sentence);
            bool titleOnly = Enumerable.Range(i, end - i).All(k => NotNames.Contains(tokens[k].Text));
            if (!sentenceInitialSingle && !titleOnly) names.Add(new TextRange(tokens[begin].Range.Start, tokens[end - 1].Range.End));
            i = end;
        }
        return names;
    }

    private static bool IsCapitalised(Token token) =>
        token.Shape == TokenShape.Word && char.IsUpper(token.Text[0]);
}
