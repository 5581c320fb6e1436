using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>The journal's record of an export (13020): which file, which days, what it held and its SHA-256.</summary>
public static class SaftExportPayload
{
    public static string For(string fileName, SaftExportRequest request, int transactions, int events, string sha256)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            var format = SaftFormat.For(request.Country);
            w.WriteString("format", $"SAF-T Cash Register {format.Country} {format.AuditfileVersion}");
            w.WriteString("file", fileName);
            w.WriteString("from", SaftExportRequest.Day(request.From));
            w.WriteString("to", SaftExportRequest.Day(request.To));
            w.WriteNumber("transactions", transactions);
            w.WriteNumber("events", events);
            w.WriteString("sha256", sha256);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
