using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Tagging;

/// <summary>Sets <see cref="Token.Tag"/> (Penn Treebank) on every token, sentence by sentence.</summary>
public sealed class PosTagger(PosModel model) : IStage
{
    public string Name => "pos-tagger";
    public Layers Requires => Layers.Tokens | Layers.Sentences;
    public Layers Provides => Layers.PartOfSpeech;

    public PosModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    public void Process(Document document)
    {
        var buffer = new SentenceBuffer();
        var scores = new float[Model.Weights.Stride];
        foreach (var sentence in document.Sentences)
        {
            int n = buffer.Load(document, sentence, withTags: false);
            Model.Tag(buffer.Words.AsSpan(0, n), buffer.Indexes.AsSpan(0, n), scores);
            for (int i = 0; i < n; i++) document.Tokens[sentence.FirstToken + i].Tag = Model.TagName(buffer.Indexes[i]);
        }
    }
}
