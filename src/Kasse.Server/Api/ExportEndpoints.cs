using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Fiscal.SaftExport;
using Microsoft.AspNetCore.Mvc;

namespace Kasse.Server.Api;

public static class ExportEndpoints
{
    public const string XmlContentType = "application/xml";

    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        var exports = api.MapGroup("/stores/{storeId:guid}/exports").WithTags("Fiscal journal");
        exports.MapGet("/saf-t", SaftCashRegister)
            .WithSummary("The SAF-T Cash Register file of the store for whole business days (?from=yyyy-MM-dd&to=yyyy-MM-dd; country=DK, the default, or NO for a store in Norway); the export is journaled (13020)").RequirePermission(Permission.ExportSaft)
            .Produces(StatusCodes.Status200OK, contentType: XmlContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SaftCashRegister(Guid storeId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] string? country,
        SaftExporter exporter, CancellationToken ct)
    {
        var request = SaftExportRequest.Create(storeId, from, to, country);
        // A temporary file, not memory: a year's export can be large. It is deleted when the response is sent.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            var result = await exporter.ExportAsync(request, file, ct);
            file.Position = 0;
            return TypedResults.File(file, XmlContentType, result.FileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
