using Hearsay.Text;

namespace Hearsay.Pipeline;

/// <summary>
/// One step of the pipeline with one job. A stage must be safe to call from several threads at once
/// on different documents: shared state (models) is read-only.
/// </summary>
public interface IStage
{
    string Name { get; }
    Layers Requires { get; }
    Layers Provides { get; }
    void Process(Document document);
}
