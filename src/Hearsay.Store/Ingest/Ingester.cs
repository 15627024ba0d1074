using System.Collections.Concurrent;
using System.Threading.Channels;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Store.Ingest;

public sealed record IngestOptions
{
    /// <summary>Articles read and extracted at once; defaults to the number of cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

public readonly record struct IngestProgress(int Done, int Total, int Stored, int Duplicates, int Failed);

public sealed record IngestReport(int Total, int Stored, int Duplicates, IReadOnlyList<IngestFailure> Failures, bool Interrupted, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? (Stored + Duplicates) / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads and extracts articles on several threads and stores them from one writer (several for PostgreSQL),
/// each article in its own transaction. An article whose text is already stored is skipped before extraction, so a run that was
/// interrupted can be started again: what was committed is kept, the rest is done, nothing is stored twice.
/// </summary>
public sealed class Ingester(IArticleStore store, HearsayPipeline pipeline, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Called once for each item that fails, as it fails (from any thread).</summary>
    public event Action<IngestFailure>? Failed;

    public async Task<IngestReport> RunAsync(IReadOnlyList<IngestItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var failures = new ConcurrentQueue<IngestFailure>();
        int done = 0, stored = 0, duplicates = 0, failed = 0;
        void Report() => progress?.Report(new IngestProgress(Volatile.Read(ref done), items.Count, Volatile.Read(ref stored), Volatile.Read(ref duplicates), Volatile.Read(ref failed)));
        void Fail(IngestFailure failure)
        {
            failures.Enqueue(failure);
            Interlocked.Increment(ref failed);
            Interlocked.Increment(ref done);
            Failed?.Invoke(failure);
            Report();
        }

        int parallelism = Math.Max(1, _options.Parallelism);
        // One writer for SQLite (it has one write lock); for PostgreSQL, as many writers as extractors, so that
        // round trips and commits overlap with each other and with extraction.
        int writers = store.ConcurrentWrites ? parallelism : 1;
        var extracted = Channel.CreateBounded<(IngestItem Item, Document Document)>(new BoundedChannelOptions(parallelism * 2) { SingleReader = writers == 1 });

        var writer = Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (item, document) in extracted.Reader.ReadAllAsync(CancellationToken.None))
            {
                if (cancellationToken.IsCancellationRequested) continue; // drain without storing
                try
                {
                    // Not cancelled half-way: each save is one transaction, committed or not at all.
                    var result = await store.SaveAsync(document, CancellationToken.None);
                    Interlocked.Increment(ref result.Outcome == SaveOutcome.Stored ? ref stored : ref duplicates);
                    Interlocked.Increment(ref done);
                    Report();
                }
                catch (Exception e)
                {
                    Fail(new IngestFailure(item.Label, "cannot store: " + IngestSources.Describe(e)));
                }
            }
        }, CancellationToken.None)));

        bool interrupted = false;
        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    Document document;
                    try
                    {
                        document = await item.LoadAsync(ct);
                        if (await store.ContainsAsync(ContentHash.Of(document.Text), ct))
                        {
                            Interlocked.Increment(ref duplicates);
                            Interlocked.Increment(ref done);
                            Report();
                            return;
                        }
                        document = pipeline.Process(document);
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
                    catch (Exception e)
                    {
                        Fail(new IngestFailure(item.Label, IngestSources.Describe(e)));
                        return;
                    }
                    await extracted.Writer.WriteAsync((item, document), ct);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }
        finally
        {
            extracted.Writer.Complete();
            await writer;
        }
        return new IngestReport(items.Count, stored, duplicates, failures.ToArray(), interrupted, started.Elapsed);
    }
}
