using System.Globalization;
using Kasse.Domain;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// What to export: one store's journal and sales over whole business days, <paramref name="From"/> to
/// <paramref name="To"/> inclusive, in the store's own time zone.
/// </summary>
public sealed record SaftExportRequest(Guid StoreId, DateOnly From, DateOnly To, SaftCountry Country = SaftCountry.DK)
{
    public static SaftExportRequest Create(Guid storeId, DateOnly? from, DateOnly? to, string? country = null)
    {
        var format = country?.Trim().ToUpperInvariant() switch
        {
            null or "" or "DK" => SaftCountry.DK,
            "NO" => SaftCountry.NO,
            _ => throw DomainException.Invalid(ExportErrors.Country, $"SAF-T Cash Register files are made for DK (Denmark) or NO (Norway), not '{country}'."),
        };
        if (from is null || to is null)
            throw DomainException.Invalid(ExportErrors.Period, "Give the period to export as from and to dates (yyyy-MM-dd), e.g. from=2026-01-01&to=2026-01-31.");
        if (to < from)
            throw DomainException.Invalid(ExportErrors.Period,
                $"The period ends ({Day(to.Value)}) before it starts ({Day(from.Value)}).");
        return new SaftExportRequest(storeId, from.Value, to.Value, format);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The file an export made, and what is in it.</summary>
public sealed record SaftExportResult(string FileName, int Transactions, int Events, string Sha256, long JournalSequence);
