using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Stages.Entities;

/// <summary>Sets <see cref="Token.EntityTag"/> (PERSON, ORGANIZATION, LOCATION, MISC or O) on every token.</summary>
public sealed class EntityRecognizer(NerModel model) : IStage
{
    public string Name => "entity-recognizer";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech;
    public Layers Provides => Layers.NamedEntities;

    public NerModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    [ThreadStatic] private static NerWorkspace? t_workspace;

    public void Process(Document document)
    {
        var buffer = new SentenceBuffer();
        var workspace = t_workspace ??= new NerWorkspace();   // its scratch arrays (~170 KB) are reused, document after document
        var memory = new Dictionary<ulong, int>();
        foreach (var sentence in document.Sentences)
        {
            int n = buffer.Load(document, sentence, withTags: true);
            Model.Recognize(buffer.Words.AsSpan(0, n), buffer.Tags.AsSpan(0, n), memory, buffer.Indexes.AsSpan(0, n), workspace);
            for (int i = 0; i < n; i++)
            {
                int type = buffer.Indexes[i];
                document.Tokens[sentence.FirstToken + i].EntityTag = type < 0 ? NerModel.Outside : NerModel.Types[type];
            }
        }
    }
}
