using BenchmarkDotNet.Attributes;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;
using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Benchmarks;

/// <summary>
/// Each statistical stage alone over the silver dev articles (or a sample text without the corpus),
/// single thread. Divide the words (printed in setup) by the mean time for words per second.
/// Run: dotnet run -c Release --project bench/Hearsay.Benchmarks -- --filter '*NlpBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class NlpBenchmarks
{
    private EnglishModels _models = null!;
    private string[] _texts = null!;
    private Document[] _tokenized = null!, _tagged = null!;
    private PosTagger _tagger = null!;
    private EntityRecognizer _recognizer = null!;
    private DependencyParser _parser = null!;
    private HearsayPipeline _tokenization = null!, _endToEnd = null!;

    [GlobalSetup]
    public void Setup()
    {
        _models = NlpCorpus.LoadModels();
        if (!_models.IsComplete) throw new InvalidOperationException("The NLP benchmarks need models/pos.bin, ner.bin and parser.bin.");
        string? corpus = NlpCorpus.Find();
        _texts = corpus is null ? Enumerable.Repeat(NlpCorpus.SampleText, 200).ToArray() : NlpCorpus.LoadDev(corpus).Select(a => a.Text).ToArray();
        _tagger = new PosTagger(_models.Pos!);
        _recognizer = new EntityRecognizer(_models.Ner!);
        _parser = new DependencyParser(_models.Parser!);
        _tokenization = new PipelineBuilder().Use(new ParagraphSplitter()).Use(new Tokenizer()).Use(new SentenceSplitter()).Build();
        _endToEnd = new PipelineBuilder().Use(new ParagraphSplitter()).Use(new Tokenizer()).Use(new SentenceSplitter())
            .Use(_tagger).Use(_recognizer).Use(_parser).Build();
        _tokenized = _texts.Select(t => _tokenization.Process(t)).ToArray();
        _tagged = _texts.Select(t => _tokenization.Process(t)).ToArray();
        foreach (var d in _tagged) _tagger.Process(d);
        Console.WriteLine($"// {_texts.Length} texts, {_tokenized.Sum(d => d.Tokens.Count):N0} tokens, {_tokenized.Sum(d => d.WordCount):N0} words");
    }

    [Benchmark(Description = "tokenize + sentences")]
    public int Tokenize()
    {
        int n = 0;
        foreach (var t in _texts) n += _tokenization.Process(t).Tokens.Count;
        return n;
    }

    [Benchmark(Description = "POS tagger")]
    public void Tag() { foreach (var d in _tokenized) _tagger.Process(d); }

    [Benchmark(Description = "NER")]
    public void Recognize() { foreach (var d in _tagged) _recognizer.Process(d); }

    [Benchmark(Description = "parser")]
    public void Parse() { foreach (var d in _tagged) _parser.Process(d); }

    [Benchmark(Description = "end to end (tokenize + POS + NER + parse)")]
    public int EndToEnd()
    {
        int n = 0;
        foreach (var t in _texts) n += _endToEnd.Process(t).Tokens.Count;
        return n;
    }

    [Benchmark(Description = "load models (embedded)")]
    public EnglishModels Load() => EnglishModels.Load();
}
