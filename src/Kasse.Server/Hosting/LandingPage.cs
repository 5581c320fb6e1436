using Kasse.Application.Demo;

namespace Kasse.Server.Hosting;

internal static class LandingPage
{
    public static readonly string Html = $$"""
        <!doctype html>
        <html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Kasse</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .25rem}</style>
        </head><body>
        <h1>Kasse kører</h1>
        <p>Kasse is running. The till in the browser is on its way; until then, sell through the API.</p>
        <ul>
          <li><a href="/scalar/v1">API reference</a> (OpenAPI document at <a href="/openapi/v1.json">/openapi/v1.json</a>)</li>
          <li>Demo store <code>{{DemoSeeder.StoreId}}</code>, register <code>{{DemoSeeder.RegisterId}}</code>, cashier <code>{{DemoSeeder.EmployeeId}}</code> (PIN {{DemoSeeder.EmployeePin}})</li>
        </ul>
        </body></html>
        """;
}
