namespace Hearsay.Web;

/// <summary>Runs the web UI and API on its own: <c>dotnet Hearsay.Web.dll --urls http://127.0.0.1:5080 --Hearsay:Db hearsay.db</c>.</summary>
public class Program
{
    public static async Task Main(string[] args) => await HearsayWebApp.Build(args).RunAsync();
}
