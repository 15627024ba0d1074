using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hearsay.Testing;

/// <summary>A tiny HTTP server on 127.0.0.1 serving fixed pages, for feed and page fetching tests (never an outside address).</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (string ContentType, string Body)> _pages = new();
    private readonly CancellationTokenSource _stop = new();

    public LocalHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public void Add(string path, string contentType, string body) { lock (_pages) _pages[path.TrimStart('/')] = (contentType, body); }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            string path = context.Request.Url!.AbsolutePath.TrimStart('/');
            (string ContentType, string Body) page;
            bool found;
            lock (_pages) found = _pages.TryGetValue(path, out page);
            var bytes = Encoding.UTF8.GetBytes(found ? page.Body : "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = found ? page.ContentType : "text/plain";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
