namespace Hearsay.Nlp;

/// <summary>Anything that scores a set of hashed features per class: the trained model, or the perceptron while it trains.</summary>
public interface IFeatureScorer
{
    /// <summary>Sums the class weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    void Score(ReadOnlySpan<uint> features, Span<float> scores);
}
