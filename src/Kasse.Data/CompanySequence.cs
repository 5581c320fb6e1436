namespace Kasse.Data;

/// <summary>The last SAF-T transaction number (<c>nr</c>) of a company: it runs per CVR, across its stores and registers.</summary>
public sealed class CompanySequence
{
    public required string CompanyId { get; init; }
    public long LastNumber { get; set; }
}
