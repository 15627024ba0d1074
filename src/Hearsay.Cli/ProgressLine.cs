using System.Diagnostics;

namespace Hearsay.Cli;

/// <summary>A one-line progress bar on standard error with count, rate and time left; silent when disabled.</summary>
public sealed class ProgressLine : IDisposable
{
    private readonly int _total;
    private readonly bool _enabled;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private int _done;

    public ProgressLine(int total, bool enabled)
    {
        _total = total;
        _enabled = enabled;
    }

    public void Advance(int count = 1)
    {
        _done += count;
        if (!_enabled) return;
        long now = _watch.ElapsedMilliseconds;
        if (now - _lastDraw < 100 && _done < _total) return;
        _lastDraw = now;
        double rate = _done / Math.Max(_watch.Elapsed.TotalSeconds, 1e-3);
        double left = rate > 0 ? (_total - _done) / rate : 0;
        int width = 30, filled = _total == 0 ? width : (int)((long)width * _done / _total);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{_total}  {rate:F1}/s  ETA {TimeSpan.FromSeconds(left):mm\\:ss}   ");
    }

    public void Dispose()
    {
        if (_enabled && _done > 0) Console.Error.Write("\r" + new string(' ', 80) + "\r");
    }
}
