using System.Reflection;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Microsoft.AspNetCore.Components;

namespace Kasse.Server.Ui.Access;

/// <summary>A page a signed-in employee may open if their role has any one of <see cref="AnyOf"/> (none listed: any signed-in employee).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PageNeedsAttribute(params Permission[] anyOf) : Attribute
{
    public IReadOnlyList<Permission> AnyOf { get; } = anyOf;
}

/// <summary>A page anyone who reaches the Kasse node may open, and why that is safe.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PageOpenAttribute(string because) : Attribute
{
    public string Because { get; } = because;
}

public enum PageVerdict
{
    Allowed,
    SignInFirst,
    NotAllowed,
}

/// <summary>
/// Who may open which page. Every routable page carries <see cref="PageNeedsAttribute"/> or
/// <see cref="PageOpenAttribute"/>; a page with neither is refused to everyone (and fails the page test).
/// The same rule answers the page's HTTP request and every navigation inside the circuit.
/// </summary>
public static class PageAccess
{
    public const string SignInPath = "/backoffice/sign-in";
    public const string SignOutPath = "/ui/sign-out";

    public static bool HasRule(Type page) => page.GetCustomAttribute<PageNeedsAttribute>() is not null || page.GetCustomAttribute<PageOpenAttribute>() is not null;

    public static PageVerdict Decide(Type page, Actor actor)
    {
        if (page.GetCustomAttribute<PageOpenAttribute>() is not null)
            return PageVerdict.Allowed;
        if (IsAnonymous(actor))
            return PageVerdict.SignInFirst;
        return page.GetCustomAttribute<PageNeedsAttribute>() is { } needs && (needs.AnyOf.Count == 0 || needs.AnyOf.Any(actor.May))
            ? PageVerdict.Allowed
            : PageVerdict.NotAllowed;
    }

    public static bool IsAnonymous(Actor actor) => actor.EmployeeId is null && actor.ApiKeyId is null && actor.Permissions.Count == 0;

    /// <summary>Every page with an @page route in the UI, with its routes.</summary>
    public static IReadOnlyList<(Type Page, IReadOnlyList<string> Routes)> RoutablePages() =>
        typeof(PageAccess).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (t, (IReadOnlyList<string>)t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template).ToList()))
            .Where(p => p.Item2.Count > 0)
            .ToList();

    /// <summary>The sign-in page, coming back to <paramref name="returnPath"/> afterwards (a local path only).</summary>
    public static string SignInUrl(string? returnPath) =>
        IsLocalPath(returnPath) && !returnPath!.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase)
            ? $"{SignInPath}?returnUrl={Uri.EscapeDataString(returnPath)}"
            : SignInPath;

    /// <summary>
    /// Only a path on this site: a parameter must never send anyone elsewhere. Browsers read a backslash as a slash
    /// and drop tabs and newlines, so "/\host" and "/%09/host" mean "//host" (another site); no control character
    /// passes at all.
    /// </summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || path[1] is not ('/' or '\\')) && !path.Any(char.IsControl);

    /// <summary>
    /// Where to send someone back to: <paramref name="returnUrl"/> if it is a local path, else <paramref name="fallback"/>;
    /// anything outside printable ASCII percent-encoded (UTF-8), as a Location header may only carry that.
    /// </summary>
    public static string LocalTarget(string? returnUrl, string fallback)
    {
        var target = IsLocalPath(returnUrl) ? returnUrl! : fallback;
        if (target.All(c => c is > ' ' and < '\x7f'))
            return target;
        var encoded = new System.Text.StringBuilder(target.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
