using System.Text.Json;
using System.Globalization;
using Kasse.Domain;
using Kasse.Server.Ui.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Api;

/// <summary>One mapping from every failure to application/problem+json, so all endpoints answer alike.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ErrorTexts texts, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = Describe(exception);
        if (exception is DomainException refusal)
            detail = texts.For(refusal, LanguageAsked(httpContext.Request));
        if (status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        else if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status507InsufficientStorage && code.StartsWith("database.", StringComparison.Ordinal))
            logger.LogWarning("Request {Method} {Path} refused: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = status;
        // A till waits this long before it tries again; the database is usually back within seconds.
        if (status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = "2";
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (int Status, string Code, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        // Checked first: EF wraps a lost connection or a full disk in DbUpdateException, which is not a conflict.
        _ when DatabaseFailure.IsDiskFull(exception) => (StatusCodes.Status507InsufficientStorage, "database.disk-full", "The disk is full",
            "Kasse's disk is full, so nothing more can be saved; this request saved nothing. Free space on the disk (or ask whoever looks after "
            + "the computer), then try again: everything saved before is intact."),
        _ when DatabaseFailure.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "database.unavailable", "The database is not available",
            "Kasse can't reach its database right now. Nothing was saved; try again in a moment."),
        DomainException e => e.Kind switch
        {
            ErrorKind.Invalid => (StatusCodes.Status400BadRequest, e.Code, "The request breaks a rule", e.Message),
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, e.Code, "Not found", e.Message),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, e.Code, "Not possible now", e.Message),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, e.Code, "Not allowed", e.Message),
            ErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, e.Code,
                e.Code.StartsWith("signing.", StringComparison.Ordinal) ? "Nothing can be signed" : "A device did not answer", e.Message),
        },
        BadHttpRequestException e => (e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request.too-large" : "request.malformed",
            e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "The request could not be read",
            Explain(e)),
        JsonException e => (StatusCodes.Status400BadRequest, "request.malformed", "The request could not be read", JsonMessage(e)),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "concurrency", "Changed by someone else",
            "Someone else changed this at the same moment. Load it again and retry."),
        DbUpdateException => (StatusCodes.Status409Conflict, "conflict", "Conflicting change",
            "The change conflicts with data saved at the same moment (for example a duplicate SKU or barcode). Load it again and retry."),
        OperationCanceledException => (499, "cancelled", "Cancelled", "The request was cancelled."),
        _ => (StatusCodes.Status500InternalServerError, "internal", "Something went wrong in Kasse",
            "An unexpected error happened and was logged. Nothing was saved by this request."),
    };

    /// <summary>
    /// The language a client asked for (Accept-Language, best first) among those Kasse speaks; English when none is
    /// asked. Not the UI's culture: a script calling the API of a Danish shop still gets the English it was written against.
    /// </summary>
    public static CultureInfo LanguageAsked(HttpRequest request)
    {
        foreach (var asked in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1.0))
        {
            var tag = asked.Value.Value ?? "";
            var language = UiLanguages.All.FirstOrDefault(l =>
                tag.Equals(l.Code, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(l.Code + "-", StringComparison.OrdinalIgnoreCase));
            if (language is not null && asked.Quality is not 0)
                return language.Culture;
        }
        return UiLanguages.English.Culture;
    }

    private static string Explain(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json => JsonMessage(json),
        // ASP.NET's own wording here speaks to the developer of the endpoint, not to the client.
        _ when e.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || e.Message.StartsWith("Required parameter", StringComparison.Ordinal)
            => "This request needs a JSON body (Content-Type: application/json); see /openapi/v1.json for its fields.",
        _ => e.Message,
    };

    private static string JsonMessage(JsonException e) =>
        e.Path is { Length: > 0 } path && path != "$"
            ? $"The JSON body is not valid at {path}: {FirstSentence(e.Message)}"
            : $"The JSON body is not valid: {FirstSentence(e.Message)}";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
