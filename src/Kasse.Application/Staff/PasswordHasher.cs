using System.Globalization;
using System.Security.Cryptography;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Back-office passwords: PBKDF2-HMAC-SHA512 with 210,000 iterations (OWASP's current advice; ASP.NET Core
/// Identity's hasher uses 100,000) and a 16-byte salt. The iteration count is stored, so it can rise later.
/// </summary>
public static class PasswordHasher
{
    private const int Iterations = 210_000;

    public static string Hash(string password)
    {
        Employee.EnsureValidPassword(password);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA512, 32);
        return string.Create(CultureInfo.InvariantCulture, $"pbkdf2-sha512${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != "pbkdf2-sha512" || password.Length > 200)
            return false;
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), int.Parse(parts[1], CultureInfo.InvariantCulture),
            HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
