using Hearsay.Text;

namespace Hearsay.Output;

/// <summary>
/// Writes tokens, tags, entities and dependencies in the silver CoNLL-U conventions: XPOS = Penn tag,
/// FORM = the token in CoreNLP's PTB form (see <see cref="Hearsay.Nlp.PtbNormalizer"/>),
/// HEAD/DEPREL = basic dependencies, MISC = Offset=start-end|NER=tag (code-point offsets into the text).
/// </summary>
public static class ConlluWriter
{
    public static void Write(Document doc, TextWriter writer)
    {
        var map = CodePointMap.For(doc.Text);
        writer.Write("# newdoc id = ");
        writer.WriteLine(doc.Id);
        foreach (var sentence in doc.Sentences)
        {
            writer.Write("# sent_id = ");
            writer.Write(doc.Id);
            writer.Write('-');
            writer.WriteLine(sentence.Index + 1);
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var token = doc.Tokens[i];
                int id = i - sentence.FirstToken + 1;
                int head = token.Head < 0 ? 0 : token.Head - sentence.FirstToken + 1;
                string relation = token.Relation ?? (token.Head < 0 ? "root" : "dep");
                if (token.Relation is null && token.Head < 0 && doc.Has(Layers.Dependencies) == false) relation = "_";
                var points = map.ToCodePoints(token.Range);
                string form = Hearsay.Nlp.PtbNormalizer.Normalize(token).Replace(' ', '\u00A0').Replace('\n', '\u00A0').Replace('\t', '\u00A0');
                writer.WriteLine(string.Join('\t', id, form, "_", "_", token.Tag ?? "_", "_",
                    doc.Has(Layers.Dependencies) ? head.ToString() : "_", doc.Has(Layers.Dependencies) ? relation : "_", "_",
                    $"Offset={points.Start}-{points.End}|NER={token.EntityTag ?? "O"}"));
            }
            writer.WriteLine();
        }
    }
}
