using Hearsay.Attributions;
using Hearsay.Text;

namespace Hearsay.Evaluation;

/// <summary>
/// One attribution as the scorer sees it: the text ranges of its source, cue and content (each role may
/// be several fragments, or none), and the brat event type it came from. Ranges are UTF-16 positions.
/// </summary>
public sealed record AttributionSpans(
    IReadOnlyList<TextRange> Source,
    IReadOnlyList<TextRange> Cue,
    IReadOnlyList<TextRange> Content,
    string EventType = AttributionSpans.WithSource)
{
    public const string WithSource = "Attribution";
    public const string NoSource = "Attribution-no-source";

    public static AttributionSpans From(Attribution attribution)
    {
        static TextRange[] One(TextRange? range) => range is { IsEmpty: false } r ? [r] : [];
        return new AttributionSpans(
            One(attribution.Source),
            One(attribution.Cue),
            attribution.Content.Where(c => !c.IsEmpty).Order().ToArray(),
            attribution.Source is null ? NoSource : WithSource);
    }

    /// <summary>The attributions as univocal spans: those nested inside their parent's content are left out.</summary>
    public static IReadOnlyList<AttributionSpans> From(IEnumerable<Attribution> attributions) => Scored(attributions).Select(From).ToArray();

    /// <summary>The attributions that are scored, in order: all but those nested inside their parent's content.</summary>
    public static List<Attribution> Scored(IEnumerable<Attribution> attributions) =>
        attributions.Where(a => !Stages.Reported.AttributionNester.IsReportedInside(a)).ToList();

    public IReadOnlyList<TextRange> Role(Role role) => role switch
    {
        Evaluation.Role.Source => Source,
        Evaluation.Role.Cue => Cue,
        _ => Content,
    };
}

/// <summary>The three parts of an attribution that are scored.</summary>
public enum Role
{
    Source,
    Cue,
    Content,
}
