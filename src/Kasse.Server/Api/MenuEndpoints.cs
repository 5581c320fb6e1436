using Kasse.Application.Menu;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>The café's menu: a store's modifier groups (size, milk, extras, a combo's choices) and each product's allergens, combo flag and groups.</summary>
public static class MenuEndpoints
{
    public static RouteGroupBuilder MapMenu(this RouteGroupBuilder api)
    {
        var menu = api.MapGroup("/stores/{storeId:guid}/menu").WithTags("Restaurant");
        menu.MapGet("/modifier-groups", Groups).RequirePermission(Permission.Browse)
            .WithSummary("The store's modifier groups, each with its options (name, price change, a combo's component product, a recipe change)");
        menu.MapPost("/modifier-groups", AddGroup).RequirePermission(Permission.EditProducts)
            .WithSummary("Add a modifier group: name, minChoices (0 optional, 1+ required), maxChoices, options (audited)");
        menu.MapPut("/modifier-groups/{groupId:guid}", ChangeGroup).RequirePermission(Permission.EditProducts)
            .WithSummary("Change a modifier group and its options; give an existing option's id to keep it (audited)");
        menu.MapDelete("/modifier-groups/{groupId:guid}", DeleteGroup).RequirePermission(Permission.EditProducts)
            .WithSummary("Remove a modifier group: products stop offering it; sales keep their copy of what was chosen (audited)");
        menu.MapGet("/products/{productId:guid}", ProductMenu).RequirePermission(Permission.Browse)
            .WithSummary("A product's allergens (the EU's 14), whether it is a combo, and the store's modifier groups it offers, in order");
        menu.MapPut("/products/{productId:guid}", SaveProductMenu).RequirePermission(Permission.EditProducts)
            .WithSummary("Set a product's allergens, combo flag and the store's modifier groups it offers, in order (audited)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ModifierGroupView>>> Groups(Guid storeId, MenuService menu, CancellationToken ct) =>
        TypedResults.Ok(await menu.GroupsAsync(storeId, ct));

    private static async Task<Created<ModifierGroupView>> AddGroup(Guid storeId, SaveModifierGroup request, MenuService menu, CancellationToken ct)
    {
        var group = await menu.AddGroupAsync(storeId, request, ct);
        return TypedResults.Created($"/api/v1/stores/{storeId}/menu/modifier-groups", group);
    }

    private static async Task<Ok<ModifierGroupView>> ChangeGroup(Guid storeId, Guid groupId, SaveModifierGroup request, MenuService menu, CancellationToken ct) =>
        TypedResults.Ok(await menu.ChangeGroupAsync(storeId, groupId, request, ct));

    private static async Task<NoContent> DeleteGroup(Guid storeId, Guid groupId, MenuService menu, CancellationToken ct)
    {
        await menu.DeleteGroupAsync(storeId, groupId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ProductMenuView>> ProductMenu(Guid storeId, Guid productId, MenuService menu, CancellationToken ct) =>
        TypedResults.Ok(await menu.ProductMenuAsync(storeId, productId, ct));

    private static async Task<Ok<ProductMenuView>> SaveProductMenu(Guid storeId, Guid productId, SaveProductMenu request, MenuService menu, CancellationToken ct) =>
        TypedResults.Ok(await menu.SaveProductMenuAsync(storeId, productId, request, ct));
}
