namespace Kasse.Server.Security;

public static class KasseClaims
{
    public const string EmployeeId = "kasse:employee";
    public const string ApiKeyId = "kasse:api-key";
    public const string RegisterId = "kasse:register";
    public const string Role = "kasse:role";
    public const string Scope = "kasse:scope";
    public const string Name = "kasse:name";

    /// <summary>The stores the employee or key may act in, as stored (<c>*</c> for the whole chain).</summary>
    public const string Stores = "kasse:stores";
}

public static class KasseSchemes
{
    public const string Selector = "Kasse";
    public const string ApiKey = "ApiKey";
    public const string Cookie = "Cookie";
}
