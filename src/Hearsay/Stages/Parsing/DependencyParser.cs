using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Parsing;

/// <summary>
/// Sets <see cref="Token.Head"/> (document-level token index, -1 for the sentence root) and
/// <see cref="Token.Relation"/> on every token, sentence by sentence.
/// </summary>
public sealed class DependencyParser(ParserModel model) : IStage
{
    public string Name => "dependency-parser";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech;
    public Layers Provides => Layers.Dependencies;

    public ParserModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    public void Process(Document document)
    {
        var buffer = new SentenceBuffer();
        var workspace = new ParserModel.Workspace(Model);
        foreach (var sentence in document.Sentences)
        {
            int n = buffer.Load(document, sentence, withTags: true);
            Model.Parse(buffer.Words.AsSpan(0, n), buffer.Tags.AsSpan(0, n), buffer.Indexes.AsSpan(0, n), buffer.Labels.AsSpan(0, n), workspace);
            for (int i = 0; i < n; i++)
            {
                var token = document.Tokens[sentence.FirstToken + i];
                int head = buffer.Indexes[i];
                token.Head = head < 0 ? -1 : sentence.FirstToken + head;
                int label = buffer.Labels[i];
                token.Relation = label < 0 ? "dep" : Model.Labels[label];
            }
        }
    }
}
