using System.Text.Json.Serialization;
using Hearsay.Pipeline;
using Hearsay.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;

namespace Hearsay.Web;

/// <summary>Settings of the web app; the store is named by the configuration key Hearsay:Db (else HEARSAY_DB, else hearsay.db).</summary>
public sealed record HearsayWebOptions
{
    public const string DbKey = "Hearsay:Db";
    /// <summary>Largest request body accepted, in bytes; larger requests get 413 with a JSON error.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;
}

/// <summary>
/// The ASP.NET Core app: server-rendered pages (<see cref="Pages"/>) and the JSON API (<see cref="Api"/>) over one store.
/// The CLI's <c>hearsay serve</c> and <see cref="Program"/> both start it through <see cref="Build"/>.
/// </summary>
public static class HearsayWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = new HearsayWebOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        // Bad parameters and bodies answer 400 (as problem JSON, through the status code pages) in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi();
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<IArticleStore>(sp =>
        {
            string db = StoreFactory.Resolve(sp.GetRequiredService<IConfiguration>()[HearsayWebOptions.DbKey]);
            return StoreFactory.OpenAsync(db).GetAwaiter().GetResult();
        });
        builder.Services.AddSingleton(_ => StandardPipeline.Create());
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            var limit = context.RequestServices.GetRequiredService<HearsayWebOptions>().MaxRequestBytes;
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                    detail: $"The body is {context.Request.ContentLength} bytes; the limit is {limit}.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            await next(context);
        });
        app.MapOpenApi();
        Api.Map(app);
        Pages.Map(app);
        return app;
    }
}
