using Hearsay.Nlp;
using Hearsay.Stages.Chains;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Quotes;
using Hearsay.Stages.Reported;
using Hearsay.Stages.Tagging;
using Hearsay.Stages.Speakers;
using Hearsay.Stages.Tokenization;

namespace Hearsay.Pipeline;

/// <summary>Settings for <see cref="StandardPipeline"/>.</summary>
public sealed record StandardPipelineOptions
{
    private static readonly Lazy<EnglishModels> ShippedModels = new(EnglishModels.Load);

    /// <summary>The shipped models (embedded in the library, loaded once per process on first use).</summary>
    public static StandardPipelineOptions Default => new() { Models = ShippedModels.Value };

    /// <summary>Tokenization and the rule-based stages only: no statistical models.</summary>
    public static StandardPipelineOptions WithoutModels { get; } = new();

    /// <summary>Source kinds and aliases (outlets, government bodies, anonymity markers); null for the built-in list.</summary>
    public SourceLexicon? Lexicon { get; init; }

    /// <summary>Tagger, entity recogniser and parser models (e.g. <see cref="EnglishModels.Load()"/>); null leaves those stages out.</summary>
    public EnglishModels? Models { get; init; }

    /// <summary>The full-attribution labeller's model; null loads the shipped one (when <see cref="FullAttribution"/>).</summary>
    public AttributionModel? Attribution { get; init; }

    /// <summary>Whether to find indirect, mixed and non-verbal attributions besides direct quotes.</summary>
    public bool FullAttribution { get; init; } = true;

    /// <summary>Attributions the confidence model rates below this are left out; null for the labeller's default (<see cref="AttributionTaggerOptions.MinConfidence"/>).</summary>
    public double? MinConfidence { get; init; }
}

/// <summary>The pipeline Hearsay runs by default, stage by stage, in the order the stages need.</summary>
public static class StandardPipeline
{
    public static HearsayPipeline Create(StandardPipelineOptions? options = null)
    {
        options ??= StandardPipelineOptions.Default;
        var builder = new PipelineBuilder()
            .Use(new ParagraphSplitter())
            .Use(new Tokenizer())
            .Use(new SentenceSplitter());
        if (options.Models?.Pos is { } pos) builder.Use(new PosTagger(pos));
        if (options.Models?.Pos != null && options.Models.Ner is { } ner) builder.Use(new EntityRecognizer(ner));
        if (options.Models?.Pos != null && options.Models.Parser is { } parser) builder.Use(new DependencyParser(parser));
        builder
            .Use(new QuotationFinder())
            .Use(new QuoteAttributor());
        if (options.FullAttribution && (options.Attribution ?? AttributionModel.LoadShipped()) is { } attribution)
            builder.Use(new AttributionTagger(attribution, options.MinConfidence is { } least
                ? AttributionTaggerOptions.Default with { MinConfidence = least }
                : AttributionTaggerOptions.Default));
        builder.Use(new SpeakerResolver(options.Lexicon))
            .Use(new SourcingChains(options.Lexicon));
        return builder.Build();
    }
}
