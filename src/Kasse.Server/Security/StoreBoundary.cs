using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Security;

/// <summary>Only a chain-wide caller (an Owner or Accountant for every store, the command line) may call this endpoint.</summary>
public sealed record ChainWideOnly(string Reason);

/// <summary>
/// The store boundary of the API, in one place rather than in every handler: before a handler runs, every id the
/// request names — in the route, the query or the body, by its name (storeId, registerId, saleId, sessionId, reportId,
/// locationId, countId, transferId, orderId, printerId, jobId, alertId, paymentId, customerId, giftCard…) — is
/// resolved to the store it belongs to and refused with 403 <c>store.not-yours</c> when that store is not the
/// caller's. An id that names nothing is left to the handler's own 404. An optional storeId left out by a caller
/// limited to one store is filled in with that store; a caller limited to several stores must name one. After the
/// handler, a single answer that carries a StoreId is checked again and a list drops the rows of other stores — a
/// backstop for reads whose store only the result knows (a receipt found by its printed code).
/// </summary>
public static class StoreBoundary
{
    /// <summary>Names of ids (route, query or body) whose store the boundary checks, with where to look it up.</summary>
    public static readonly IReadOnlyDictionary<string, string> CheckedIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["storeId"] = "store", ["fromStoreId"] = "store",
        ["registerId"] = "register",
        ["saleId"] = "sale", ["originalSaleId"] = "sale",
        ["sessionId"] = "register session",
        ["reportId"] = "X/Z report",
        ["paymentId"] = "terminal payment",
        ["locationId"] = "stock location", ["fromLocationId"] = "stock location",
        ["countId"] = "stock count",
        ["transferId"] = "stock transfer",
        ["orderId"] = "purchase order",
        ["printerId"] = "printer",
        ["jobId"] = "print job",
        ["alertId"] = "fraud alert",
        ["customerId"] = "customer",
        ["groupId"] = "customer group",
        ["punchId"] = "time punch",
        ["employeeId"] = "employee",
    };

    public static RouteGroupBuilder WithStoreBoundary(this RouteGroupBuilder api)
    {
        api.AddEndpointFilterFactory((factory, next) =>
        {
            var checks = ChecksFor(factory.MethodInfo, factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>());
            return async context =>
            {
                var actor = context.HttpContext.RequestServices.GetRequiredService<CurrentActor>().Value;
                // Anonymous requests reach only the sign-in endpoints, which check the store themselves.
                if (actor.IsChainWide || (actor.EmployeeId is null && actor.ApiKeyId is null))
                    return await next(context);
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ChainWideOnly>() is { } chainWide)
                    throw DomainException.Forbidden(StoreErrors.ChainWideOnly,
                        $"Only someone who works in every store may do this ({chainWide.Reason}). Your sign-in or API key is limited to some stores.");
                var resolver = context.HttpContext.RequestServices.GetRequiredService<StoreResolver>();
                foreach (var check in checks)
                    await check(context, actor, resolver);
                return Narrow(await next(context), actor);
            };
        });
        return api;
    }

    private delegate Task Check(EndpointFilterInvocationContext context, Actor actor, StoreResolver resolver);

    /// <summary>Worked out once per endpoint from its handler's parameters: which arguments, or which of their properties, carry ids to check.</summary>
    private static List<Check> ChecksFor(MethodInfo method, IServiceProviderIsService services)
    {
        var checks = new List<Check>();
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var index = i;
            var parameter = parameters[i];
            if (IsGuid(parameter.ParameterType) && parameter.Name is { } name && CheckedIds.ContainsKey(name))
                checks.Add((context, actor, resolver) => CheckValueAsync(context.Arguments[index], v => context.Arguments[index] = v,
                    parameter.ParameterType == typeof(Guid?), name, actor, resolver));
            // Services (a DbContext is one: its DbSets would be walked row by row) are not what the caller sent.
            else if (IsRequestShape(parameter.ParameterType) && !services.IsService(parameter.ParameterType))
                foreach (var path in IdProperties(parameter.ParameterType, depth: 0))
                    checks.Add((context, actor, resolver) => CheckPathAsync(context.Arguments[index], path, actor, resolver));
        }
        return checks;
    }

    private static bool IsGuid(Type type) => type == typeof(Guid) || type == typeof(Guid?);

    /// <summary>The project's own request records (bodies, bound queries); framework services and primitives are not.</summary>
    private static bool IsRequestShape(Type type) =>
        (type.Assembly == typeof(StoreBoundary).Assembly || type.Assembly.GetName().Name?.StartsWith("Kasse.", StringComparison.Ordinal) == true)
        && (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum)) && !type.IsAbstract;

    private static IEnumerable<PropertyInfo[]> IdProperties(Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
                continue;
            if (IsGuid(property.PropertyType) && CheckedIds.ContainsKey(property.Name))
                yield return [property];
            else if (depth < 2 && IsRequestShape(property.PropertyType))
                foreach (var inner in IdProperties(property.PropertyType, depth + 1))
                    yield return [property, .. inner];
            else if (depth < 2 && property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var element]
                     && typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && IsRequestShape(element))
                foreach (var inner in IdProperties(element, depth + 1))
                    yield return [property, .. inner];
        }
    }

    private static async Task CheckPathAsync(object? target, PropertyInfo[] path, Actor actor, StoreResolver resolver)
    {
        if (target is null)
            return;
        var property = path[0];
        if (path.Length == 1)
        {
            await CheckValueAsync(property.GetValue(target), v => property.SetValue(target, v), property.PropertyType == typeof(Guid?) && property.CanWrite,
                property.Name, actor, resolver);
            return;
        }
        var value = property.GetValue(target);
        if (value is IEnumerable items and not string)
            foreach (var item in items)
                await CheckPathAsync(item, path[1..], actor, resolver);
        else
        {
            await CheckPathAsync(value, path[1..], actor, resolver);
            // A struct (the sales reports' query) came back as a copy: put the filled-in store back.
            if (property.PropertyType.IsValueType && property.CanWrite)
                property.SetValue(target, value);
        }
    }

    private static async Task CheckValueAsync(object? value, Action<object?> fill, bool optional, string name, Actor actor, StoreResolver resolver)
    {
        if (value is Guid id)
        {
            var stores = await resolver.StoresOfAsync(CheckedIds[name], id);
            // Nothing found: the handler answers its own 404. A transfer is both stores' business.
            if (stores.Count > 0 && !stores.Any(actor.MayActIn))
                throw Actor.NotYours($"The {CheckedIds[name]} {id}");
            return;
        }
        if (!optional || !string.Equals(name, "storeId", StringComparison.OrdinalIgnoreCase))
            return;
        // An optional storeId left out means "every store" to a handler; for a store-limited caller it means theirs.
        if (actor.Stores is { Count: 1 } only)
        {
            fill(only.First());
            return;
        }
        throw DomainException.Invalid(StoreErrors.Required,
            $"Your sign-in or API key is limited to some stores: name the store with storeId (one of {string.Join(", ", actor.Stores ?? new HashSet<Guid>())}).");
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> StoreIdProperties = new();

    /// <summary>The backstop after the handler: one answer of another store is refused, a list loses other stores' rows.</summary>
    private static object? Narrow(object? result, Actor actor)
    {
        if (result is not IValueHttpResult { Value: { } value } || value is string)
            return result;
        if (StoreIdOf(value) is { } store)
            return actor.MayActIn(store) ? result : throw Actor.NotYours("The answer");
        if (value is not IList list || list.Count == 0 || list.Cast<object?>().FirstOrDefault(x => x is not null) is not { } first
            || StoreIdProperty(first.GetType()) is null)
            return result;
        var kept = list.Cast<object?>().Where(x => x is null || StoreIdOf(x) is not { } s || actor.MayActIn(s)).ToList();
        return kept.Count == list.Count ? result : TypedResults.Ok(kept);
    }

    private static Guid? StoreIdOf(object value) => StoreIdProperty(value.GetType())?.GetValue(value) as Guid?;

    private static PropertyInfo? StoreIdProperty(Type type) => StoreIdProperties.GetOrAdd(type, t =>
        t.GetProperty("StoreId", BindingFlags.Public | BindingFlags.Instance) is { } p && IsGuid(p.PropertyType) ? p : null);
}

/// <summary>Finds the store an id belongs to; empty when the id names nothing (the handler then answers 404).</summary>
public sealed class StoreResolver(KasseDbContext db)
{
    public async Task<IReadOnlyList<Guid>> StoresOfAsync(string kind, Guid id)
    {
        Guid? one = kind switch
        {
            "store" => id,
            "register" => await db.Registers.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "sale" => await db.Sales.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "register session" => await db.RegisterSessions.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "X/Z report" => await db.RegisterReports.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "terminal payment" => await db.TerminalPayments.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "stock location" => await db.StockLocations.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "stock count" => await db.StockCounts.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "purchase order" => await db.PurchaseOrders.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "printer" => await db.Printers.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "print job" => await db.PrintJobs.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "fraud alert" => await db.FraudAlerts.Where(x => x.Id == id).Select(x => x.StoreId).FirstOrDefaultAsync(),
            "customer" => await db.Customers.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "customer group" => await db.CustomerGroups.Where(x => x.Id == id).Select(x => (Guid?)x.StoreId).FirstOrDefaultAsync(),
            "time punch" => await (from p in db.TimePunches join r in db.Registers on p.RegisterId equals r.Id where p.Id == id select (Guid?)r.StoreId)
                .FirstOrDefaultAsync(),
            _ => null,
        };
        if (one is { } store)
            return [store];
        if (kind == "employee")
        {
            // A chain-wide employee works everywhere, so any store's caller may name them; one with no store yet
            // (Guid.Empty stands for "nowhere", so the list is never empty) belongs to nobody's stores.
            var stored = await db.Employees.Where(e => e.Id == id).Select(e => e.Stores).FirstOrDefaultAsync();
            return stored is null || Kasse.Domain.Staff.StoreAccess.Parse(stored) is not { } stores ? [] : [.. stores, Guid.Empty];
        }
        if (kind != "stock transfer")
            return [];
        var transfer = await db.StockTransfers.Where(t => t.Id == id).Select(t => new { t.FromLocationId, t.ToLocationId }).FirstOrDefaultAsync();
        if (transfer is null)
            return [];
        return await db.StockLocations.Where(l => l.Id == transfer.FromLocationId || l.Id == transfer.ToLocationId).Select(l => l.StoreId).ToListAsync();
    }
}
