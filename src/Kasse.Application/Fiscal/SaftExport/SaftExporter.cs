using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// Produces the Danish SAF-T Cash Register file of one store for whole business days, from its electronic
/// journal and its completed sales, and then journals the export itself (SAF-T 13020) in its own transaction.
/// Sales and events are read a page at a time, so a year's file is written in bounded memory.
/// </summary>
public sealed class SaftExporter(KasseDbContext db, FiscalJournal journal, ISaftEventReports reports, TimeProvider clock)
{
    private const int Page = 500;

    public static readonly string SoftwareVersion = Version();

    /// <summary>The file name the Danish rules give: <c>SAF-T Cash Register_&lt;CVR&gt;_&lt;yyyyMMddHHmmss&gt;_1_1.xml</c>.</summary>
    public static string FileName(string companyIdent, DateTimeOffset createdLocal) =>
        $"SAF-T Cash Register_{companyIdent}_{createdLocal.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}_1_1.xml";

    public async Task<SaftExportResult> ExportAsync(SaftExportRequest request, Stream output, CancellationToken ct)
    {
        var store = await StoreService.FindStoreAsync(db, request.StoreId, ct);
        var format = SaftFormat.For(request.Country);
        var company = format.CompanyIdent(store);
        var created = store.LocalTime(clock.Now());
        var fileName = FileName(company, created);

        (int Transactions, int Events) written;
        byte[] hash;
        await using (await db.BeginReadSnapshotAsync(ct))
        {
            using var sha = SHA256.Create();
            // A CryptoStream over a hash passes every byte through to the output and hashes it on the way.
            await using (var hashing = new CryptoStream(output, sha, CryptoStreamMode.Write, leaveOpen: true))
            {
                written = await WriteAsync(store, format, company, request, created, hashing, ct);
            }
            hash = sha.Hash!;
        }

        var sha256 = Convert.ToHexStringLower(hash);
        var entry = await db.InTransactionAsync(async () =>
        {
            var recorded = await journal.AppendAsync(store.Id, clock.Now(), JournalEventKind.JournalExported, null, null, null,
                SaftExportPayload.For(fileName, request, written.Transactions, written.Events, sha256), ct);
            await db.SaveChangesAsync(ct);
            return recorded;
        }, ct);
        return new SaftExportResult(fileName, written.Transactions, written.Events, sha256, entry.Sequence);
    }

    /// <summary>The CVR as the Danish file wants it: eight digits (a "DK" prefix and spaces are dropped).</summary>
    public static string CompanyIdent(Store store) => SaftFormat.Danish.CompanyIdent(store);

    private async Task<(int Transactions, int Events)> WriteAsync(Store store, SaftFormat format, string company, SaftExportRequest request,
        DateTimeOffset created, Stream output, CancellationToken ct)
    {
        var start = StartOf(store, request.From);
        var end = StartOf(store, request.To.AddDays(1));
        var entries = db.JournalEntries.AsNoTracking().Where(e => e.StoreId == store.Id && e.At >= start && e.At < end);
        var sales = db.Sales.AsNoTracking()
            .Where(s => s.StoreId == store.Id && s.Status == SaleStatus.Completed && s.ClosedAt >= start && s.ClosedAt < end);
        // Drops and pay-ins signed as transactions (11010/11011); older, unsigned ones are only events.
        var movements = db.CashMovements.AsNoTracking()
            .Where(m => m.StoreId == store.Id && m.TransactionNumber != null && m.At >= start && m.At < end);

        var master = await MasterDataAsync(store, format, company, request, entries, sales, movements, ct);
        var employees = master.Employees.Select(e => e.Id).ToHashSet();
        var articles = master.Articles.ToDictionary(a => a.Id);
        var certificates = format.Certificates ? await CertificatesAsync(sales, movements, ct) : [];
        var groups = master.Basics.Where(b => b.BasicType == SaftCodeLists.ArticleGroupType).Select(b => b.BasicId).ToHashSet();

        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        using var writer = XmlWriter.Create(output, settings);
        var x = new SaftXml(writer, format);
        writer.WriteStartDocument();
        x.Start("auditfile");
        DanishSaftDocument.WriteHeader(x, master, request, created, SoftwareVersion);
        DanishSaftDocument.StartCompany(x, master, request);

        int transactionCount = 0, eventCount = 0;
        foreach (var register in master.Registers)
        {
            DanishSaftDocument.StartRegister(x, register);
            var header = new SaftReportHeader(company, store.Name, register.Id, DefaultGroup(master));
            eventCount += await WriteEventsAsync(x, store, register.RegisterId, entries, employees, groups, header, ct);
            if (register.RegisterId is { } registerId)
                transactionCount += await WriteTransactionsAsync(x, store, register, registerId, sales, movements, employees, articles, certificates, ct);
            x.End();
        }
        DanishSaftDocument.EndCompany(x);
        x.End();
        writer.WriteEndDocument();
        writer.Flush();
        return (transactionCount, eventCount);
    }

    private async Task<int> WriteEventsAsync(SaftXml x, Store store, Guid? registerId, IQueryable<JournalEntry> entries,
        HashSet<string> employees, HashSet<string> groups, SaftReportHeader header, CancellationToken ct)
    {
        string ArticleGroup(Guid? categoryId) =>
            categoryId is { } category && x.Format.Id(category) is var id && groups.Contains(id) ? id : ArticleGroups.SaleOfGoods;

        var count = 0;
        long after = 0;
        while (true)
        {
            var page = await entries.Where(e => e.RegisterId == registerId && e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            var pageReports = await reports.ForEntriesAsync(page, ct);
            foreach (var entry in page)
                DanishSaftEvent.Write(x, entry, store.LocalTime(entry.At), Employee(x.Format, entry.EmployeeId, employees),
                    pageReports.GetValueOrDefault(entry.Sequence), header, id => Employee(x.Format, id, employees), ArticleGroup);
            count += page.Count;
            if (page.Count < Page)
                return count;
            after = page[^1].Sequence;
        }
    }

    /// <summary>
    /// The register's transactions in the order of its signature chain (the company's <c>nr</c>): its receipts,
    /// and its drops and pay-ins, so a reader checks each signature against the one before it in the file.
    /// </summary>
    private async Task<int> WriteTransactionsAsync(SaftXml x, Store store, SaftRegister register, Guid registerId, IQueryable<Sale> sales,
        IQueryable<CashMovement> movements, HashSet<string> employees, Dictionary<string, SaftArticle> articles, Dictionary<string, string> certificates,
        CancellationToken ct)
    {
        var receipts = RegisterChain.PagedAsync(async (after, token) =>
            {
                var page = await sales.Where(s => s.RegisterId == registerId && s.TransactionNumber > after)
                    .OrderBy(s => s.TransactionNumber).Take(Page).ToListAsync(token);
                var printed = await PrintedCopiesAsync(store.Id, page.Select(s => s.Id).ToList(), token);
                return page.Select(sale => new ChainItem(sale.TransactionNumber!.Value, sale, null,
                    printed.Count(p => p.SaleId == sale.Id && p.Kind == nameof(JournalEventKind.CopyReceipt)),
                    printed.Count(p => p.SaleId == sale.Id && p.Kind == nameof(JournalEventKind.ProvisionalReceipt)))).ToList();
            }, i => i.Number, Page, ct);
        var cash = RegisterChain.PagedAsync(async (after, token) =>
            (await movements.Where(m => m.RegisterId == registerId && m.TransactionNumber > after)
                .OrderBy(m => m.TransactionNumber).Take(Page).ToListAsync(token))
            .Select(m => new ChainItem(m.TransactionNumber!.Value, null, m, 0, 0)).ToList(), i => i.Number, Page, ct);

        var count = 0;
        await foreach (var item in RegisterChain.MergeAsync(receipts, cash, i => i.Number, ct))
        {
            if (item.Sale is { } sale)
                DanishSaftTransaction.Write(x, sale, new SaftTransactionContext(register.Description, store.LocalTime(sale.ClosedAt!.Value),
                    sale.KeyVersion is { } key ? certificates.GetValueOrDefault(key, "") : "",
                    Employee(x.Format, sale.CashierId, employees),
                    productId => Article(x.Format, productId, articles),
                    item.Copies, item.Provisionals));
            else if (item.Movement is { } movement)
                DanishSaftTransaction.Write(x, movement, register.Description, store.LocalTime(movement.At),
                    movement.KeyVersion is { } key ? certificates.GetValueOrDefault(key, "") : "",
                    Employee(x.Format, movement.EmployeeId, employees));
            count++;
        }
        return count;
    }

    private sealed record ChainItem(long Number, Sale? Sale, CashMovement? Movement, int Copies, int Provisionals);

    private async Task<List<(Guid? SaleId, string Kind)>> PrintedCopiesAsync(Guid storeId, List<Guid> saleIds, CancellationToken ct) =>
        (await db.JournalEntries.AsNoTracking()
            .Where(e => e.StoreId == storeId && e.SaleId != null && saleIds.Contains(e.SaleId.Value)
                && (e.Kind == nameof(JournalEventKind.CopyReceipt) || e.Kind == nameof(JournalEventKind.ProvisionalReceipt)))
            .Select(e => new { e.SaleId, e.Kind }).ToListAsync(ct))
        .Select(e => (e.SaleId, e.Kind)).ToList();

    private async Task<SaftMasterData> MasterDataAsync(Store store, SaftFormat format, string company, SaftExportRequest request,
        IQueryable<JournalEntry> entries, IQueryable<Sale> sales, IQueryable<CashMovement> movements, CancellationToken ct)
    {
        var fallback = StartOf(store, request.From);

        // Employees who did something in the period, and Kasse itself for events no one signed in caused.
        var employeeIds = (await entries.Where(e => e.EmployeeId != null).Select(e => e.EmployeeId!.Value).Distinct().ToListAsync(ct))
            .Union(await sales.Where(s => s.CashierId != null).Select(s => s.CashierId!.Value).Distinct().ToListAsync(ct))
            .Union(await movements.Where(m => m.EmployeeId != null).Select(m => m.EmployeeId!.Value).Distinct().ToListAsync(ct))
            .Union(await reports.EmployeesAsync(store.Id, fallback, StartOf(store, request.To.AddDays(1)), ct))
            .ToList();
        var employees = (await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id)).ToListAsync(ct))
            .OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => SaftEmployee.From(e, fallback, format)).ToList();
        employees.Insert(0, SaftEmployee.NoOne(SaftDates.CreatedAt(store.Id, fallback)));

        // The catalogue is the articles' master data; each category is an article group mapped to its 04xxx code.
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Sku).ToListAsync(ct);
        var articles = products.Select(p => new SaftArticle(format.Id(p.Id), SaftDates.CreatedAt(p.Id, fallback),
            p.CategoryId is { } c && categories.ContainsKey(c) ? format.Id(c) : ArticleGroups.SaleOfGoods,
            $"{p.Sku} {p.Name}")).ToList();
        var customLines = await sales.SelectMany(s => s.Lines).AnyAsync(l => l.ProductId == null, ct);

        var basics = new List<SaftBasic>();
        foreach (var id in articles.Select(a => a.GroupId).Distinct())
            basics.Add(Guid.TryParseExact(id, format.Country == SaftCountry.NO ? "N" : "D", out var categoryId)
                ? new SaftBasic(SaftCodeLists.ArticleGroupType, id!, ArticleGroups.ForCategory(categories[categoryId].Name), categories[categoryId].Name)
                : SaftCodeLists.ArticleGroup(id!));
        if (customLines && basics.All(b => b.BasicId != ArticleGroups.SaleOfGoods))
            basics.Add(SaftCodeLists.ArticleGroup(ArticleGroups.SaleOfGoods));

        var kinds = await sales.Select(s => s.Kind).Distinct().ToListAsync(ct);
        basics.AddRange(kinds.Order().Select(k => k == SaleKind.Sale ? SaftCodeLists.SaleLine : SaftCodeLists.ReturnLine));
        if (await sales.SelectMany(s => s.Lines).AnyAsync(l => l.IsVoucher, ct))
            basics.Add(SaftCodeLists.VoucherLine);
        if (await sales.SelectMany(s => s.Lines).AnyAsync(l => l.LineDiscountAmount != 0m, ct))
            basics.Add(SaftCodeLists.LineDiscount);
        if (await sales.AnyAsync(s => s.SaleDiscountAmount != 0m, ct))
            basics.Add(SaftCodeLists.SaleDiscount);
        var promotions = await sales.SelectMany(s => s.Promotions).Select(p => new { p.Source, p.SourceId, p.Name }).Distinct().ToListAsync(ct);
        basics.AddRange(promotions.GroupBy(p => (p.Source, p.SourceId))
            .Select(g => SaftCodeLists.Promotion(g.Key.Source, g.Key.SourceId, g.Select(p => p.Name).Order(StringComparer.Ordinal).First()))
            .OrderBy(b => b.BasicId, StringComparer.Ordinal));
        if (await sales.SelectMany(s => s.Payments).AnyAsync(p => p.Tip != 0m, ct))
            basics.Add(SaftCodeLists.Tip);
        basics.AddRange(kinds.Order().Select(SaftCodeLists.Transaction));
        var methods = await sales.SelectMany(s => s.Payments).Select(p => p.Method).Distinct().ToListAsync(ct);
        var movementKinds = await movements.Select(m => m.Kind).Distinct().ToListAsync(ct);
        // A drop or pay-in transaction is paid in cash (12001).
        if (movementKinds.Count > 0)
            methods.Add(PaymentMethod.Cash);
        basics.AddRange(methods.Select(SaftCodeLists.Payment).DistinctBy(b => b.BasicId).OrderBy(b => b.BasicId, StringComparer.Ordinal));
        // The cash codes an X or Z report's pay-ins, pay-outs and counted difference are typed with, and the drop and pay-in transactions'.
        var reportsInFile = await entries.AnyAsync(e => e.Kind == nameof(JournalEventKind.XReport) || e.Kind == nameof(JournalEventKind.ZReport), ct);
        if (reportsInFile)
            basics.Add(SaftCodeLists.CashDifference);
        if (reportsInFile || movementKinds.Contains(CashMovementKind.Drop))
            basics.Add(SaftCodeLists.OutPayment);
        if (reportsInFile || movementKinds.Contains(CashMovementKind.PayIn))
            basics.Add(SaftCodeLists.InPayment);
        // The export's own code is always listed: this file is about to be journaled with it.
        var events = (await entries.Select(e => e.EventCode).Distinct().ToListAsync(ct))
            .Append(SaftCodes.EventCode(JournalEventKind.JournalExported)).Distinct().Order(StringComparer.Ordinal);
        basics.AddRange(events.Select(SaftCodeLists.Event));

        var registers = (await db.Registers.AsNoTracking().Where(r => r.StoreId == store.Id).ToListAsync(ct))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new SaftRegister(format.Id(r.Id), r.Name, r.Id)).ToList();
        if (await entries.AnyAsync(e => e.RegisterId == null, ct))
            registers.Add(new SaftRegister(format.Id(store.Id),
                $"The Kasse node of {store.Name}: events that belong to no single till (application start and stop, price changes, journal exports)", null));

        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.CompanyId == store.CompanyId).ToListAsync(ct);
        var comment = $"Kasse SAF-T Cash Register export of {store.Name} ({store.Id:D}), business days {SaftExportRequest.Day(request.From)} to {SaftExportRequest.Day(request.To)}, times in {store.TimeZoneId}.";
        if (format.Country == SaftCountry.NO)
            comment += " Signatures by the Norwegian rules (RSA-SHA1); the public key of each key version is Kasse's signing certificate of that version.";
        if (keys.Count == 0 || keys.Any(k => k.IsSelfSigned))
            comment += " Transactions signed with Kasse's self-signed demo key are NOT valid for filing; configure the business's certificate.";

        if (articles.Count == 0)
            articles.Add(new SaftArticle("0", fallback, null, "The catalogue has no products"));
        return new SaftMasterData(store, company, SaftAddress.Parse(store.Address), employees, articles, basics, registers, comment);
    }

    /// <summary>
    /// Each key version's certificate as PEM text (BEGIN/END CERTIFICATE, base64 wrapped at 64 characters): the
    /// form the agency's validator reads the public key from.
    /// </summary>
    private async Task<Dictionary<string, string>> CertificatesAsync(IQueryable<Sale> sales, IQueryable<CashMovement> movements, CancellationToken ct)
    {
        var versions = (await sales.Where(s => s.KeyVersion != null).Select(s => s.KeyVersion!).Distinct().ToListAsync(ct))
            .Union(await movements.Where(m => m.KeyVersion != null).Select(m => m.KeyVersion!).Distinct().ToListAsync(ct)).ToList();
        return (await db.SigningKeys.AsNoTracking().Where(k => versions.Contains(k.KeyVersion)).ToListAsync(ct))
            .ToDictionary(k => k.KeyVersion, k => Pem(k.Certificate));
    }

    public static string Pem(string base64Der) => PemEncoding.WriteString("CERTIFICATE", Convert.FromBase64String(base64Der));

    private static (string? ArticleId, string GroupId) Article(SaftFormat format, Guid? productId, Dictionary<string, SaftArticle> articles) =>
        productId is { } id && articles.TryGetValue(format.Id(id), out var article)
            ? (article.Id, article.GroupId ?? ArticleGroups.SaleOfGoods)
            : (null, ArticleGroups.SaleOfGoods);

    private static string Employee(SaftFormat format, Guid? id, HashSet<string> known) =>
        id is { } guid && format.Id(guid) is var text && known.Contains(text) ? text : DanishSignature.NoEmployee;

    private static string DefaultGroup(SaftMasterData master) =>
        master.Basics.FirstOrDefault(b => b.BasicType == SaftCodeLists.ArticleGroupType)?.BasicId ?? ArticleGroups.SaleOfGoods;

    private static DateTimeOffset StartOf(Store store, DateOnly day)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), store.TimeZone);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    private static string Version()
    {
        var version = typeof(SaftExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SaftExporter).Assembly.GetName().Version?.ToString() ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
