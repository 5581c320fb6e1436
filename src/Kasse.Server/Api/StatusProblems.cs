using Microsoft.AspNetCore.Http;

namespace Kasse.Server.Api;

/// <summary>
/// Says what to do for the answers ASP.NET Core gives before any endpoint runs (no such route, wrong method,
/// wrong content type, body too large), which otherwise reach the client as a problem with only a title.
/// </summary>
public static class StatusProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
            return;
        var request = context.HttpContext.Request;
        var (code, detail) = problem.Status switch
        {
            // The compile-time request delegates answer a route or query value they cannot read (take=ten, a
            // malformed UUID) with a bare 400 before the endpoint runs.
            StatusCodes.Status400BadRequest => ("request.malformed",
                $"A value in {request.Method} {request.Path}{request.QueryString} is not in the form Kasse expects: numbers are digits, ids are UUIDs, dates are yyyy-MM-dd. The API is described at /openapi/v1.json."),
            StatusCodes.Status404NotFound => ("route.not-found",
                $"Kasse has nothing at {request.Method} {request.Path}. Check the path, and that ids are UUIDs; the API is described at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("method.not-allowed",
                $"{request.Path} does not take {request.Method}; it takes {context.HttpContext.Response.Headers.Allow}."),
            StatusCodes.Status413PayloadTooLarge => ("request.too-large",
                $"The request body is larger than the {Kasse.Server.Hosting.KasseWebApp.MaxRequestBodyBytes / 1024} KB Kasse accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("request.media-type",
                $"Send the body as JSON with Content-Type: application/json (this request said '{request.ContentType}')."),
            _ => ("http." + problem.Status, problem.Title ?? "The request could not be handled."),
        };
        problem.Detail = detail;
        problem.Extensions.TryAdd("code", code);
    }
}
