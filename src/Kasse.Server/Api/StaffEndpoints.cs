using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class StaffEndpoints
{
    /// <summary>Stores the employee works in; none named: see docs/staff.md (an Owner or Accountant is then chain-wide, others get the only store).</summary>
    public sealed record CreateEmployeeRequest(Guid Id, string Name, string Role, string Pin, IReadOnlyList<Guid>? Stores = null, bool AllStores = false);

    public sealed record ChangeEmployeeRequest(string? Role = null, string? Pin = null, string? UserName = null, string? Password = null, bool? Active = null,
        IReadOnlyList<Guid>? Stores = null, bool? AllStores = null);

    public sealed record SignInRequest(Guid EmployeeId, string Pin);

    public sealed record SignOutRequest(Guid EmployeeId);

    public sealed record SaveRoleRequest(IReadOnlyList<Permission> Permissions);

    public sealed record RenameRoleRequest(string Name);

    public sealed record CreateApiKeyRequest(string Name, string Role, IReadOnlyList<Permission>? Scope = null, IReadOnlyList<Guid>? Stores = null,
        bool AllStores = false);

    public sealed record SettingRequest(decimal Value);

    public sealed record ApprovalSettingsView(decimal DiscountApprovalPercent);

    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup("/employees").WithTags("Staff");
        employees.MapGet("/", List).RequirePermission(Permission.Browse).WithSummary("All employees (PINs and passwords are never returned)");
        employees.MapPost("/", Create).RequirePermission(Permission.ManageUsers).WithSummary("Add an employee with a role, a 4–6 digit PIN (stored hashed) and the stores they work in (audited)");
        employees.MapPatch("/{employeeId:guid}", Change).RequirePermission(Permission.ManageUsers)
            .WithSummary("Change an employee's role, PIN or back-office login (userName + password, at least 12 characters), or deactivate them (audited)");

        var till = api.MapGroup("/registers/{registerId:guid}").WithTags("Staff");
        till.MapPost("/sign-in", SignIn).AllowAnonymous("signing in at the till is how a cashier gets a session")
            .RequireRateLimiting(KasseSecurity.SignInRateLimit)
            .WithSummary("A cashier signs in at the till with their PIN (journaled, audited): starts a session cookie; wrong PINs lock the employee out with a growing wait");
        till.MapPost("/sign-out", SignOut).RequireSignedIn().WithSummary("A cashier signs out of the till (journaled) and the session ends");

        var roles = api.MapGroup("/roles").WithTags("Staff");
        roles.MapGet("/", ListRoles).RequirePermission(Permission.ManageUsers, Permission.ManageRoles, Permission.ViewAudit)
            .WithSummary("The permission matrix: every role and what it may do");
        // The permission matrix is the chain's: one store's owner does not redefine what a cashier may do everywhere.
        var chainRoles = new ChainWideOnly("roles apply in every store");
        roles.MapPut("/{name}", SaveRole).RequirePermission(Permission.ManageRoles).WithMetadata(chainRoles)
            .WithSummary("Set what a role may do; a new name creates a custom role (the owner's; audited)");
        roles.MapPost("/{name}/rename", RenameRole).RequirePermission(Permission.ManageRoles).WithMetadata(chainRoles)
            .WithSummary("Rename a custom role; its employees and API keys move with it (audited)");
        roles.MapDelete("/{name}", DeleteRole).RequirePermission(Permission.ManageRoles).WithMetadata(chainRoles)
            .WithSummary("Delete a custom role that no employee or live API key has (audited)");
        api.MapGet("/permissions", Catalogue).WithTags("Staff").RequirePermission(Permission.ManageUsers, Permission.ManageRoles, Permission.ViewAudit)
            .WithSummary("The catalogue of permissions a role can be given");

        var keys = api.MapGroup("/api-keys").WithTags("Staff");
        keys.MapGet("/", ListKeys).RequirePermission(Permission.ManageApiKeys).WithSummary("API keys with their role, scope and last use (never the key)");
        keys.MapPost("/", CreateKey).RequirePermission(Permission.ManageApiKeys)
            .WithSummary("Make an API key for an integration, limited to stores (allStores only for Owner/Accountant); the answer shows the key once, only its hash is kept (audited)");
        keys.MapDelete("/{keyId:guid}", RevokeKey).RequirePermission(Permission.ManageApiKeys).WithSummary("Revoke an API key at once (audited)");

        var settings = api.MapGroup("/settings/approvals").WithTags("Staff");
        settings.MapGet("/", ApprovalSettings).RequirePermission(Permission.Sell, Permission.ManageSettings)
            .WithSummary("Approval limits: a discount above discountApprovalPercent needs DiscountAboveLimit or a supervisor's approval");
        settings.MapPut("/discount-percent", SetDiscountLimit).RequirePermission(Permission.ManageSettings)
            .WithMetadata(new ChainWideOnly("the approval limit applies in every store"))
            .WithSummary("Change the discount approval limit in percent (audited)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<EmployeeView>>> List(EmployeeService employees, CancellationToken ct) =>
        TypedResults.Ok(await employees.ListAsync(ct));

    private static async Task<Created<EmployeeView>> Create(CreateEmployeeRequest request, EmployeeService employees, CancellationToken ct)
    {
        var employee = await employees.CreateAsync(request.Id, request.Name, request.Role, request.Pin, Kasse.Domain.Languages.Danish, request.Stores,
            request.AllStores, ct);
        return TypedResults.Created($"/api/v1/employees/{employee.Id}", employee);
    }

    private static async Task<Ok<EmployeeView>> Change(Guid employeeId, ChangeEmployeeRequest request, EmployeeService employees, CancellationToken ct) =>
        TypedResults.Ok(await employees.ChangeAsync(employeeId, request.Role, request.Pin, request.UserName, request.Password, request.Active, request.Stores,
            request.AllStores, ct));

    private static async Task<Ok<EmployeeView>> SignIn(Guid registerId, SignInRequest request, TillSignIn till, HttpContext http, CancellationToken ct)
    {
        var signedIn = await till.SignInAsync(registerId, request.EmployeeId, request.Pin, ct);
        await KasseSecurity.SignInAsync(http, signedIn, registerId);
        return TypedResults.Ok(signedIn.Employee);
    }

    private static async Task<Ok<EmployeeView>> SignOut(Guid registerId, SignOutRequest request, TillSignIn till, HttpContext http, CancellationToken ct)
    {
        var employee = await till.SignOutAsync(registerId, request.EmployeeId, ct);
        await AuthEndpoints.EndSessionAsync(http);
        return TypedResults.Ok(employee);
    }

    private static async Task<Ok<IReadOnlyList<RoleView>>> ListRoles(RoleService roles, CancellationToken ct) => TypedResults.Ok(await roles.ListAsync(ct));

    private static async Task<Ok<RoleView>> SaveRole(string name, SaveRoleRequest request, RoleService roles, CancellationToken ct) =>
        TypedResults.Ok(await roles.SaveAsync(name, request.Permissions, ct));

    private static async Task<Ok<RoleView>> RenameRole(string name, RenameRoleRequest request, RoleService roles, CancellationToken ct) =>
        TypedResults.Ok(await roles.RenameAsync(name, request.Name, ct));

    private static async Task<NoContent> DeleteRole(string name, RoleService roles, CancellationToken ct)
    {
        await roles.DeleteAsync(name, ct);
        return TypedResults.NoContent();
    }

    private static Ok<IReadOnlyList<PermissionView>> Catalogue() => TypedResults.Ok(RoleService.Catalogue());

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListKeys(ApiKeyService keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct));

    private static async Task<Created<CreatedApiKey>> CreateKey(CreateApiKeyRequest request, ApiKeyService keys, CurrentActor actor, CancellationToken ct)
    {
        var key = await keys.CreateAsync(request.Name, request.Role, request.Scope, request.Stores, request.AllStores, actor.Value.Name, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Key.Id}", key);
    }

    private static async Task<Ok<ApiKeyView>> RevokeKey(Guid keyId, ApiKeyService keys, CancellationToken ct) => TypedResults.Ok(await keys.RevokeAsync(keyId, ct));

    private static async Task<Ok<ApprovalSettingsView>> ApprovalSettings(StaffSettings settings, CancellationToken ct) =>
        TypedResults.Ok(new ApprovalSettingsView(await settings.GetAsync(StaffSettingKeys.DiscountApprovalPercent, StaffSettingKeys.DefaultDiscountApprovalPercent, ct)));

    private static async Task<Ok<ApprovalSettingsView>> SetDiscountLimit(SettingRequest request, StaffSettings settings, CancellationToken ct)
    {
        if (request.Value is < 0 or > 100)
            throw Kasse.Domain.DomainException.Invalid(SettingErrors.Value, "The discount approval limit is a percentage from 0 to 100.");
        await settings.SetAsync(StaffSettingKeys.DiscountApprovalPercent, request.Value, StaffSettingKeys.DefaultDiscountApprovalPercent, ct);
        return TypedResults.Ok(new ApprovalSettingsView(request.Value));
    }
}
