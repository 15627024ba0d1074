using Hearsay.Output;
using Hearsay.Text;

namespace Hearsay.Tests.Nlp;

public class ConlluWriterTests
{
    [Fact]
    public void ConlluWriter_writes_the_silver_conventions()
    {
        const string text = "\u201cNo,\u201d Trump (R) said.";
        var doc = new Document(text, "d1");
        var spans = new (int Start, int End, TokenShape Shape, string Tag, int Head, string Rel, string Ner)[]
        {
            (0, 1, TokenShape.OpeningQuote, "``", 6, "punct", "O"),
            (1, 3, TokenShape.Word, "UH", 6, "discourse", "O"),
            (3, 4, TokenShape.Punctuation, ",", 6, "punct", "O"),
            (4, 5, TokenShape.ClosingQuote, "''", 6, "punct", "O"),
            (6, 11, TokenShape.Word, "NNP", 6, "nsubj", "PERSON"),
            (12, 13, TokenShape.Punctuation, "-LRB-", 4, "punct", "O"),
            (16, 20, TokenShape.Word, "VBD", -1, "root", "O"),
            (20, 21, TokenShape.Punctuation, ".", 6, "punct", "O"),
        };
        foreach (var s in spans)
            doc.Tokens.Add(new Token(doc.Tokens.Count, new TextRange(s.Start, s.End), text[s.Start..s.End], s.Shape)
            { Tag = s.Tag, Head = s.Head, Relation = s.Rel, EntityTag = s.Ner, Sentence = 0 });
        doc.Sentences.Add(new Sentence(0, new TextRange(0, text.Length), 0, doc.Tokens.Count, 0));
        doc.Layers = Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech | Layers.NamedEntities | Layers.Dependencies;

        var output = new StringWriter();
        ConlluWriter.Write(doc, output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("# newdoc id = d1", lines[0]);
        Assert.Equal("# sent_id = d1-1", lines[1]);
        Assert.Equal("1\t``\t_\t_\t``\t_\t7\tpunct\t_\tOffset=0-1|NER=O", lines[2].TrimEnd('\r'));
        Assert.Equal("4\t''\t_\t_\t''\t_\t7\tpunct\t_\tOffset=4-5|NER=O", lines[5].TrimEnd('\r'));
        Assert.Equal("5\tTrump\t_\t_\tNNP\t_\t7\tnsubj\t_\tOffset=6-11|NER=PERSON", lines[6].TrimEnd('\r'));
        Assert.StartsWith("6\t-LRB-\t", lines[7]);
        Assert.Equal("7\tsaid\t_\t_\tVBD\t_\t0\troot\t_\tOffset=16-20|NER=O", lines[8].TrimEnd('\r'));
    }
}
