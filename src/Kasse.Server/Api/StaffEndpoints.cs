using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class StaffEndpoints
{
    public sealed record CreateEmployeeRequest(Guid Id, string Name, Role Role, string Pin);

    public sealed record SignInRequest(Guid EmployeeId, string Pin);

    public sealed record SignOutRequest(Guid EmployeeId);

    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder api)
    {
        var employees = api.MapGroup("/employees").WithTags("Staff");
        employees.MapGet("/", List).WithSummary("All employees (PINs are never returned)");
        employees.MapPost("/", Create).WithSummary("Add an employee with a 4–6 digit PIN (stored hashed)");
        var till = api.MapGroup("/registers/{registerId:guid}").WithTags("Staff");
        till.MapPost("/sign-in", SignIn).WithSummary("A cashier signs in at the till with their PIN (journaled)");
        till.MapPost("/sign-out", SignOut).WithSummary("A cashier signs out of the till (journaled)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<EmployeeView>>> List(EmployeeService employees, CancellationToken ct) =>
        TypedResults.Ok(await employees.ListAsync(ct));

    private static async Task<Ok<EmployeeView>> SignIn(Guid registerId, SignInRequest request, EmployeeService employees, CancellationToken ct) =>
        TypedResults.Ok(await employees.SignInAsync(registerId, request.EmployeeId, request.Pin, ct));

    private static async Task<Ok<EmployeeView>> SignOut(Guid registerId, SignOutRequest request, EmployeeService employees, CancellationToken ct) =>
        TypedResults.Ok(await employees.SignOutAsync(registerId, request.EmployeeId, ct));

    private static async Task<Created<EmployeeView>> Create(CreateEmployeeRequest request, EmployeeService employees, CancellationToken ct)
    {
        var employee = await employees.CreateAsync(request.Id, request.Name, request.Role, request.Pin, ct);
        return TypedResults.Created($"/api/v1/employees/{employee.Id}", employee);
    }
}
