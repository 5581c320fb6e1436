namespace Kasse.Server.Api;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class IdempotencyErrors
{
    public const string Key = "idempotency.key";
    public const string KeyReused = "idempotency.key-reused";
}
