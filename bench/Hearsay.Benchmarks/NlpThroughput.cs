using System.Diagnostics;
using System.Runtime.CompilerServices;
using Hearsay.Nlp;
using Hearsay.Pipeline;
using Hearsay.Stages.Entities;
using Hearsay.Stages.Parsing;
using Hearsay.Stages.Tagging;
using Hearsay.Stages.Tokenization;
using Hearsay.Text;

namespace Hearsay.Benchmarks;

/// <summary>
/// The end-to-end NLP measurement over silver dev in one process: model load time, words per second of
/// each stage and of the whole (single thread, best of several passes after a warm-up), peak memory,
/// and agreement with the silver annotations on our own tokenization (tokens matched by character
/// offsets). Run: dotnet run -c Release --project bench/Hearsay.Benchmarks -- --nlp-throughput [CORPUS]
/// </summary>
internal static class NlpThroughput
{
    public const string Argument = "--nlp-throughput";

    [ModuleInitializer]
    internal static void RunWhenAsked() => MeasurementMode.RunWhenAsked(Argument, Run);

    public static int Run(string? corpus, TextWriter output)
    {
        if (corpus is null || !File.Exists(Path.Combine(corpus, "silver", "dev.conllu.gz")))
        {
            output.WriteLine("corpus not found: pass the folder holding silver/dev.conllu.gz");
            return 2;
        }
        var loadWatch = Stopwatch.StartNew();
        var models = EnglishModels.Load();
        double loadSeconds = loadWatch.Elapsed.TotalSeconds;
        if (!models.IsComplete) models = NlpCorpus.LoadModels();
        var articles = NlpCorpus.LoadDev(corpus);
        int silverTokens = articles.Sum(a => a.SilverTokens);

        var stages = new IStage[]
        {
            new ParagraphSplitter(), new Tokenizer(), new SentenceSplitter(),
            new PosTagger(models.Pos!), new EntityRecognizer(models.Ner!), new DependencyParser(models.Parser!),
        };
        var pipeline = stages.Aggregate(new PipelineBuilder(), (b, s) => b.Use(s)).Build();

        // Warm up (JIT, caches), then time the whole pipeline and each stage, best of several passes.
        foreach (var a in articles) pipeline.Process(a.Text, a.Id);
        const int passes = 5;
        double endToEnd = double.MaxValue;
        var perStage = new double[stages.Length];
        Array.Fill(perStage, double.MaxValue);
        for (int pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var a in articles) pipeline.Process(a.Text, a.Id);
            endToEnd = Math.Min(endToEnd, watch.Elapsed.TotalSeconds);

            var docs = articles.Select(a => new Document(a.Text, a.Id)).ToArray();
            for (int s = 0; s < stages.Length; s++)
            {
                watch.Restart();
                foreach (var d in docs) { stages[s].Process(d); d.Layers |= stages[s].Provides; }
                perStage[s] = Math.Min(perStage[s], watch.Elapsed.TotalSeconds);
            }
        }
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var results = articles.Select(a => pipeline.Process(a.Text, a.Id)).ToArray();
        int ourTokens = results.Sum(d => d.Tokens.Count), ourWords = results.Sum(d => d.WordCount);
        var agreement = Agreement.Measure(articles, results);

        output.WriteLine($"articles {articles.Count}, silver tokens {silverTokens:N0}, our tokens {ourTokens:N0}, our words {ourWords:N0}");
        output.WriteLine($"model load (embedded resources): {loadSeconds * 1000:F0} ms");
        double tokenize = perStage[0] + perStage[1] + perStage[2];
        output.WriteLine($"{"stage",-44} {"seconds",8} {"words/s",12}");
        void Row(string name, double seconds) => output.WriteLine($"{name,-44} {seconds,8:F3} {silverTokens / seconds,12:N0}");
        Row("tokenize + sentences", tokenize);
        Row("POS tagger", perStage[3]);
        Row("NER", perStage[4]);
        Row("parser", perStage[5]);
        Row("tagging (tokenize + POS + NER)", tokenize + perStage[3] + perStage[4]);
        Row("end to end (tokenize + POS + NER + parse)", endToEnd);
        output.WriteLine($"peak working set: {peak / 1024.0 / 1024.0:F0} MB");
        output.WriteLine("(words = silver CoreNLP tokens of the same texts, so every system is divided by the same count)");
        agreement.Write(output);
        output.WriteLine($"json {{\"system\":\"hearsay\",\"words\":{silverTokens},\"seconds\":{endToEnd:F4},\"taggingSeconds\":{tokenize + perStage[3] + perStage[4]:F4},\"wordsPerSecond\":{silverTokens / endToEnd:F0},\"taggingWordsPerSecond\":{silverTokens / (tokenize + perStage[3] + perStage[4]):F0},\"posAgreement\":{agreement.PosAll:F4},\"uposAgreement\":{agreement.UposAll:F4},\"peakMB\":{peak / 1048576.0:F0}}}");
        return 0;
    }

    /// <summary>Agreement of our output with silver, over tokens whose character offsets match exactly.</summary>
    private sealed class Agreement
    {
        public int Silver, Aligned, Pos, Upos, Heads, Labelled;
        public int GoldEntities, PredictedEntities, CorrectEntities;
        public double PosAll => (double)Pos / Silver;
        public double UposAll => (double)Upos / Silver;

        public static Agreement Measure(List<NlpArticle> articles, Document[] docs)
        {
            var r = new Agreement();
            for (int a = 0; a < articles.Count; a++)
            {
                var doc = docs[a];
                var ours = new Dictionary<(int, int), Token>();
                foreach (var t in doc.Tokens) ours[(t.Range.Start, t.Range.End)] = t;
                var goldEntities = new HashSet<(int, int, string)>();
                foreach (var s in articles[a].Sentences)
                {
                    for (int i = 0; i < s.Count; i++)
                    {
                        r.Silver++;
                        if (!ours.TryGetValue((s.Starts[i], s.Ends[i]), out var t)) continue;
                        r.Aligned++;
                        if (t.Tag == s.Tags[i]) r.Pos++;
                        if (UniversalTags.Compatible(s.Tags[i], UniversalTags.Of(t.Tag ?? ""))) r.Upos++;
                        var silverHead = s.Heads[i] < 0 ? (-1, -1) : (s.Starts[s.Heads[i]], s.Ends[s.Heads[i]]);
                        var ourHead = t.Head < 0 ? (-1, -1) : (doc.Tokens[t.Head].Range.Start, doc.Tokens[t.Head].Range.End);
                        if (silverHead == ourHead) { r.Heads++; if (t.Relation == s.Relations[i]) r.Labelled++; }
                    }
                    var types = NerTrainer.GoldTypes(s);
                    foreach (var (start, end, type) in NerTrainer.Spans(types))
                        goldEntities.Add((s.Starts[start], s.Ends[end - 1], NerModel.Types[type]));
                }
                var predicted = new HashSet<(int, int, string)>();
                for (int i = 0; i < doc.Tokens.Count;)
                {
                    string tag = doc.Tokens[i].EntityTag ?? "O";
                    int j = i + 1;
                    if (tag != "O")
                    {
                        while (j < doc.Tokens.Count && doc.Tokens[j].EntityTag == tag && doc.Tokens[j].Sentence == doc.Tokens[i].Sentence) j++;
                        predicted.Add((doc.Tokens[i].Range.Start, doc.Tokens[j - 1].Range.End, tag));
                    }
                    i = j;
                }
                r.GoldEntities += goldEntities.Count;
                r.PredictedEntities += predicted.Count;
                r.CorrectEntities += predicted.Count(goldEntities.Contains);
            }
            return r;
        }

        public void Write(TextWriter o)
        {
            o.WriteLine($"on our tokenization: {Aligned:N0} of {Silver:N0} silver tokens ({100.0 * Aligned / Silver:F2}%) have a token with the same offsets");
            o.WriteLine($"  POS (Penn) agreement: {100.0 * Pos / Silver:F2}% of all silver tokens, {100.0 * Pos / Aligned:F2}% of matched tokens");
            o.WriteLine($"  POS (universal, compatible) agreement: {100.0 * Upos / Silver:F2}% of all silver tokens");
            o.WriteLine($"  heads: UAS {100.0 * Heads / Silver:F2}% LAS {100.0 * Labelled / Silver:F2}% of all silver tokens");
            double p = (double)CorrectEntities / PredictedEntities, rc = (double)CorrectEntities / GoldEntities;
            o.WriteLine($"  entities: P {100 * p:F2}% R {100 * rc:F2}% F1 {200 * p * rc / (p + rc):F2}% (gold {GoldEntities:N0})");
        }
    }
}

/// <summary>Penn Treebank tags to Universal POS tags, for comparing with taggers that only give the latter.</summary>
internal static class UniversalTags
{
    public static string Of(string penn) => penn switch
    {
        "CC" => "CCONJ", "CD" => "NUM", "DT" or "PDT" or "WDT" => "DET", "EX" => "PRON", "FW" or "LS" => "X",
        "IN" => "ADP", "JJ" or "JJR" or "JJS" => "ADJ", "MD" => "AUX", "NN" or "NNS" => "NOUN", "NNP" or "NNPS" => "PROPN",
        "POS" or "TO" => "PART", "PRP" or "PRP$" or "WP" or "WP$" => "PRON", "RB" or "RBR" or "RBS" or "WRB" => "ADV",
        "RP" => "ADP", "SYM" or "#" or "$" => "SYM", "UH" => "INTJ",
        "VB" or "VBD" or "VBG" or "VBN" or "VBP" or "VBZ" => "VERB",
        _ => "PUNCT",
    };

    /// <summary>
    /// Whether a universal tag is a fair reading of a Penn tag: the Penn tag set does not separate
    /// auxiliaries from verbs, subordinators from prepositions, or determiner-like pronouns.
    /// </summary>
    public static bool Compatible(string penn, string upos)
    {
        string main = Of(penn);
        if (upos == main) return true;
        return penn switch
        {
            "IN" => upos is "SCONJ" or "ADV",
            "VB" or "VBD" or "VBG" or "VBN" or "VBP" or "VBZ" or "MD" => upos is "AUX" or "VERB",
            "DT" or "WDT" or "PDT" => upos is "PRON",
            "PRP$" or "WP$" => upos is "DET",
            "RP" => upos is "PART" or "ADV",
            "TO" => upos is "ADP",
            "CC" => upos is "SCONJ",
            "$" or "#" or "SYM" => upos is "PUNCT",
            _ => false,
        };
    }
}
