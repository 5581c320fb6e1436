using Kasse.Application.Catalog;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Devices;
using Kasse.Domain.Inventory;
using Kasse.Domain.Menu;
using Kasse.Domain.Staff;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Demo;

public sealed record DemoSeedResult(bool StoreCreated, ImportReport Products);

/// <summary>
/// The demo store a newcomer sells from within a minute: a Danish købmand with a café corner, one till and
/// one user. Fixed ids so the README's examples work as they stand.
/// </summary>
public sealed class DemoSeeder(KasseDbContext db, StoreService stores, EmployeeService employees, ApiKeyService keys, ProductImporter importer,
    PrinterService printers, PaymentDevices payments)
{
    public static readonly Guid StoreId = Guid.Parse("0192f000-0000-7000-8000-000000000001");
    public static readonly Guid RegisterId = Guid.Parse("0192f000-0000-7000-8000-000000000101");
    public static readonly Guid EmployeeId = Guid.Parse("0192f000-0000-7000-8000-000000000201");
    public const string EmployeePin = "1234";

    /// <summary>The demo manager's back-office login. Published in the README: demo only, change it before real use.</summary>
    public const string EmployeeUserName = "mette";
    public const string EmployeePassword = "demo-only-password";
    public static readonly Guid PrinterId = Guid.Parse("0192f000-0000-7000-8000-000000000301");

    /// <summary>The café's self-service kiosk (docs/self-service.md): a register of kind Kiosk with the demo's card terminal and MobilePay.</summary>
    public static readonly Guid KioskRegisterId = Guid.Parse("0192f000-0000-7000-8000-000000000103");
    public const string KioskRegisterName = "Kiosk 1";

    /// <summary>The café's kitchen printers, one per station, on the same printer simulator as the receipt printer.</summary>
    public static readonly Guid KitchenPrinterId = Guid.Parse("0192f000-0000-7000-8000-000000000302");
    public static readonly Guid BarPrinterId = Guid.Parse("0192f000-0000-7000-8000-000000000303");

    /// <summary>The café's stations: their screens are /kitchen/{id}.</summary>
    public static readonly Guid KitchenStationId = Guid.Parse("0192f000-0000-7000-8000-000000000401");
    public static readonly Guid BarStationId = Guid.Parse("0192f000-0000-7000-8000-000000000402");
    public const string KitchenStationName = "Køkken";
    public const string BarStationName = "Bar";

    /// <summary>The demo's simulated card terminal and MobilePay merchant; while the demo register uses them, Kasse starts the simulators (DemoDevices).</summary>
    public const string TerminalPoiId = "SIM-0001";
    public const string MobilePayMerchant = "123456";

    /// <summary>Where tools/Kasse.PrinterEmulator listens by default; on start Kasse runs it for the demo on a free port instead (DemoDevices).</summary>
    public const string PrinterAddress = "127.0.0.1:9100";

    /// <summary>
    /// The demo store's API key, printed in the README so its curl examples work. It is NOT secret: it exists
    /// only where the demo store was seeded, and the server warns about it at every start.
    /// </summary>
    public const string DemoApiKey = "kasse_demo0000_demo-only-not-a-secret";
    public const string DemoApiKeyName = "demo (not secret)";

    /// <summary>The optional second demo store (<c>kasse seed demo --second-store</c>): a café whose cashier works only there.</summary>
    public static readonly Guid CafeStoreId = Guid.Parse("0192f000-0000-7000-8000-000000000002");
    public static readonly Guid CafeRegisterId = Guid.Parse("0192f000-0000-7000-8000-000000000102");
    public static readonly Guid CafeCashierId = Guid.Parse("0192f000-0000-7000-8000-000000000202");
    public const string CafeCashierPin = "5678";

    /// <summary>
    /// A second store shows stores as a boundary: Jonas works only in the café and cannot sign in at the first
    /// store's till; Mette, the first store's manager, does not see the café in the back office; the owner's key sees both.
    /// Not part of the default demo, so a newcomer's first minute stays one store and one till.
    /// </summary>
    public async Task SeedSecondStoreAsync(CancellationToken ct)
    {
        await stores.CreateAsync(new CreateStore(CafeStoreId, "Hansen Café", "Åboulevarden 3, 8000 Aarhus C", "12345678", "DK", "DKK",
            "Europe/Copenhagen", null, null), ct);
        await stores.CreateRegisterAsync(CafeStoreId, CafeRegisterId, "Café-kasse", ct);
        await employees.CreateAsync(CafeCashierId, "Jonas Café", nameof(Role.Cashier), CafeCashierPin, Languages.Danish, [CafeStoreId], false, ct);
    }

    /// <summary>Seeds only when the database has no store at all (first start).</summary>
    public async Task<DemoSeedResult?> SeedIfEmptyAsync(CancellationToken ct) =>
        await db.Stores.AnyAsync(ct) ? null : await SeedAsync(ct);

    public async Task<DemoSeedResult> SeedAsync(CancellationToken ct)
    {
        var created = !await db.Stores.AnyAsync(s => s.Id == StoreId, ct);
        await stores.CreateAsync(new CreateStore(StoreId, "Købmand Hansen", "Nørregade 12, 8000 Aarhus C", "12345678", "DK", "DKK",
            "Europe/Copenhagen", null, null), ct);
        await stores.CreateRegisterAsync(StoreId, RegisterId, "Kasse 1", ct);
        // The simulators in tools/ on their default ports; the server starts them on free ports and points the register there (DemoDevices).
        if (!await db.PaymentDeviceSettings.AnyAsync(s => s.RegisterId == RegisterId, ct))
            await payments.ChangeAsync(RegisterId, new ChangePaymentDevices(new Uri("http://127.0.0.1:8110/"), TerminalPoiId,
                new Uri("http://127.0.0.1:8120/"), MobilePayMerchant), ct);
        // The demo manager runs the demo store only; the demo API key is the owner's and reaches every store.
        await employees.CreateAsync(EmployeeId, "Mette Demo", nameof(Role.Manager), EmployeePin, Languages.Danish, [StoreId], false, ct);
        if (await db.Employees.AnyAsync(e => e.Id == EmployeeId && e.UserName == null, ct))
            await employees.ChangeAsync(EmployeeId, null, null, EmployeeUserName, EmployeePassword, null, ct);
        await keys.CreateKnownAsync(DemoApiKeyName, nameof(Role.Owner), DemoApiKey, "demo seeder", ct);
        if (!await db.Printers.AnyAsync(p => p.Id == PrinterId, ct))
            await printers.SaveAsync(StoreId, new SavePrinter(PrinterId, "Bonprinter", PrinterRole.Receipt, PrinterConnection.Network,
                PrinterAddress, RegisterId, Columns: PaperWidth.Mm80), ct);
        await SeedCafeFloorAsync(ct);
        await using var csv = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Kasse.DemoProducts.csv")
            ?? throw new InvalidOperationException("The demo catalogue is missing from the build.");
        var report = await importer.ImportAsync(csv, skipBadRows: false, ct);
        if (!report.Imported)
            throw DomainException.Invalid(DemoErrors.Catalogue, $"The demo catalogue has errors: {string.Join("; ", report.Errors)}");
        await SeedKitchenAsync(ct);
        await SeedCafeMenuAsync(ct);
        await SeedKioskAsync(ct);
        return new DemoSeedResult(created, report);
    }

    /// <summary>
    /// The café corner's menu: coffees with size, milk and extras (oat milk replaces milk in the recipe, an extra shot adds
    /// coffee), a sandwich with "uden løg", allergens on each, and a brunch combo at a set price.
    /// </summary>
    private async Task SeedCafeMenuAsync(CancellationToken ct)
    {
        if (await db.ModifierGroups.AnyAsync(g => g.StoreId == StoreId, ct))
            return;
        var menu = await db.Products.Where(p => p.Sku.StartsWith("CAF-") || p.Sku == "KOL-010").ToDictionaryAsync(p => p.Sku, ct);
        if (!menu.TryGetValue("CAF-005", out var demoLatte))
            return; // a catalogue without the café corner
        var category = demoLatte.CategoryId;
        Product Add(string sku, string name, decimal price, Unit unit, Allergens allergens, bool isCombo = false, decimal? cost = null)
        {
            var product = new Product(Guid.CreateVersion7(), sku, name, price, 25m, unit, category, cost);
            product.SetMenu(allergens, isCombo);
            db.Products.Add(product);
            return product;
        }
        Product Known(string sku, Allergens allergens)
        {
            var product = menu[sku];
            product.SetMenu(allergens, false);
            return product;
        }
        var beans = menu["KOL-010"];
        var milk = Add("CAF-101", "Mælk til café", 12m, Unit.Litre, Allergens.Milk, cost: 8m);
        var oat = Add("CAF-102", "Havredrik til café", 22m, Unit.Litre, Allergens.Gluten, cost: 15m);
        var latte = Known("CAF-005", Allergens.Milk);
        var cappuccino = Known("CAF-004", Allergens.Milk);
        var sandwich = Known("CAF-010", Allergens.Gluten | Allergens.Eggs | Allergens.Mustard);
        var croissant = Known("CAF-009", Allergens.Gluten | Allergens.Milk | Allergens.Eggs);
        var juice = Known("CAF-013", Allergens.None);
        Known("CAF-011", Allergens.Gluten | Allergens.Eggs | Allergens.Crustaceans);
        Known("CAF-014", Allergens.Gluten | Allergens.Milk | Allergens.Eggs);
        var brunch = Add("CAF-020", "Brunch", 119m, Unit.Piece, Allergens.None, isCombo: true);
        foreach (var coffee in new[] { latte, cappuccino })
        {
            var recipe = new Recipe(coffee.Id);
            recipe.Replace(1m, [(beans.Id, 18m, RecipeUnit.Gram, 0m), (milk.Id, coffee == latte ? 200m : 150m, RecipeUnit.Millilitre, 0m)]);
            db.Recipes.Add(recipe);
        }
        ModifierGroup Group(string name, int min, int max, params ModifierOption[] options)
        {
            var group = new ModifierGroup(Guid.CreateVersion7(), StoreId, name, min, max);
            group.ReplaceOptions(options);
            db.ModifierGroups.Add(group);
            return group;
        }
        ModifierOption Option(string name, decimal delta = 0m, Guid? productId = null, Guid? ingredientId = null, Guid? replaces = null, decimal? quantity = null) =>
            new(Guid.CreateVersion7(), name, delta, productId, ingredientId, replaces, quantity);
        var size = Group("Størrelse", 1, 1, Option("Lille", -5m), Option("Mellem"), Option("Stor", 8m));
        var milkChoice = Group("Mælk", 0, 1, Option("Havremælk", 5m, ingredientId: oat.Id, replaces: milk.Id), Option("Laktosefri", 3m));
        var extra = Group("Ekstra", 0, 2, Option("Ekstra shot", 6m, ingredientId: beans.Id, quantity: 0.009m), Option("Vaniljesirup", 5m));
        var onion = Group("Tilpas", 0, 3, Option("Uden løg"), Option("Uden mayo"), Option("Ekstra ost", 8m));
        var drink = Group("Vælg en drik", 1, 1, Option("Caffè latte", productId: latte.Id), Option("Appelsinjuice", productId: juice.Id));
        var bread = Group("Vælg brød", 1, 1, Option("Croissant", productId: croissant.Id), Option("Sandwich med kylling", 15m, productId: sandwich.Id));
        void Offer(Product product, params ModifierGroup[] groups)
        {
            for (var i = 0; i < groups.Length; i++)
                db.ProductModifierGroups.Add(new ProductModifierGroup(product.Id, groups[i].Id, i));
        }
        Offer(latte, size, milkChoice, extra);
        Offer(cappuccino, size, milkChoice, extra);
        Offer(sandwich, onion);
        Offer(brunch, drink, bread);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The café's self-service kiosk: a register of kind Kiosk on the same simulated card terminal and MobilePay as the till
    /// (DemoDevices points both at the simulators). A browser becomes its screen by a pairing code from the back office (Devices).
    /// </summary>
    private async Task SeedKioskAsync(CancellationToken ct)
    {
        await stores.CreateRegisterAsync(StoreId, KioskRegisterId, KioskRegisterName, ct);
        var kiosk = await db.Registers.FirstAsync(r => r.Id == KioskRegisterId, ct);
        if (kiosk.SetKind(RegisterKind.Kiosk))
            await db.SaveChangesAsync(ct);
        if (!await db.PaymentDeviceSettings.AnyAsync(s => s.RegisterId == KioskRegisterId, ct))
            await payments.ChangeAsync(KioskRegisterId, new ChangePaymentDevices(new Uri("http://127.0.0.1:8110/"), TerminalPoiId,
                new Uri("http://127.0.0.1:8120/"), MobilePayMerchant), ct);
    }

    /// <summary>The café corner's floor: 8 tables in the café and 4 in the courtyard, so the till's floor view shows at once.</summary>
    private async Task SeedCafeFloorAsync(CancellationToken ct)
    {
        if (await db.FloorAreas.AnyAsync(a => a.StoreId == StoreId, ct))
            return;
        var cafe = new FloorArea(Guid.CreateVersion7(), StoreId, "Caféen", 1);
        var courtyard = new FloorArea(Guid.CreateVersion7(), StoreId, "Gården", 2);
        db.FloorAreas.AddRange(cafe, courtyard);
        for (var n = 1; n <= 8; n++)
        {
            var (column, row) = ((n - 1) % 4, (n - 1) / 4);
            db.DiningTables.Add(new DiningTable(Guid.CreateVersion7(), StoreId, cafe.Id,
                new TablePlacement(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n % 4 == 0 ? 6 : 4,
                    n % 2 == 0 ? TableShape.Square : TableShape.Round, 1 + column * 3, 1 + row * 3, 2, 2)));
        }
        for (var n = 9; n <= 12; n++)
            db.DiningTables.Add(new DiningTable(Guid.CreateVersion7(), StoreId, courtyard.Id,
                new TablePlacement(n.ToString(System.Globalization.CultureInfo.InvariantCulture), 2, TableShape.Round, 1 + (n - 9) * 3, 1, 2, 2)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The café's kitchen: stations Køkken and Bar (drinks go to the bar, everything else to the kitchen), each with a kitchen
    /// printer on the demo printer simulator (DemoDevices points them at it) and its screen.
    /// </summary>
    private async Task SeedKitchenAsync(CancellationToken ct)
    {
        if (!await db.KitchenStations.AnyAsync(s => s.Id == KitchenStationId, ct))
        {
            db.KitchenStations.Add(new KitchenStation(KitchenStationId, StoreId, KitchenStationName, 1));
            db.KitchenStations.Add(new KitchenStation(BarStationId, StoreId, BarStationName, 2, warnAfterMinutes: 3, lateAfterMinutes: 6));
            var drinks = await db.Categories.Where(c => c.Name == "Drikkevarer" || c.Name == "Øl & vin").Select(c => c.Id).ToListAsync(ct);
            foreach (var category in drinks)
                db.KitchenRoutes.Add(new KitchenRoute(Guid.CreateVersion7(), StoreId, null, category, BarStationId, null));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Printers.AnyAsync(p => p.Id == KitchenPrinterId, ct))
            await printers.SaveAsync(StoreId, new SavePrinter(KitchenPrinterId, "Køkkenprinter", PrinterRole.Kitchen, PrinterConnection.Network,
                PrinterAddress, Station: KitchenStationName, Columns: PaperWidth.Mm80), ct);
        if (!await db.Printers.AnyAsync(p => p.Id == BarPrinterId, ct))
            await printers.SaveAsync(StoreId, new SavePrinter(BarPrinterId, "Barprinter", PrinterRole.Kitchen, PrinterConnection.Network,
                PrinterAddress, Station: BarStationName, Columns: PaperWidth.Mm80), ct);
    }
}
