namespace Kasse.Data;

/// <summary>
/// The answer given to a request that carried an Idempotency-Key, stored in the same transaction as its
/// effect, so a retried request gets the original answer and changes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public required int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public required string ContentType { get; init; }
    public string? Location { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
