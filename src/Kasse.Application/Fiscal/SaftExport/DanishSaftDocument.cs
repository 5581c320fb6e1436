using Kasse.Domain.Stores;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// The Danish SAF-T Cash Register file (<c>SAF-T.xsd</c> v1.0.3) up to the registers: header, company,
/// VAT codes, period, employees, articles, basics and the location. Element order follows the schema.
/// </summary>
public static class DanishSaftDocument
{
    public const string Namespace = "urn:StandardAuditFile-Taxation-CashRegister:DK";

    /// <summary>The schema version the file follows (SAF-T.xsd, Danish Tax Agency, 2024-06-14).</summary>
    public const string AuditFileVersion = "1.0.3";

    public const string SoftwareName = "Kasse";
    public const string SoftwareCompany = "Kasse (open-source point of sale)";

    public static void WriteHeader(SaftXml x, SaftMasterData data, SaftExportRequest request, DateTimeOffset createdLocal, string version)
    {
        x.Start("header");
        x.Text("fiscalYear", request.From.Year == request.To.Year
            ? Year(request.From)
            : Year(request.From) + "-" + Year(request.To));
        x.Date("startDate", request.From);
        x.Date("endDate", request.To);
        x.Text("curCode", data.Store.Currency);
        x.Date("dateCreated", createdLocal);
        x.Time("timeCreated", createdLocal);
        x.Text("softwareDesc", SoftwareName);
        x.Text("softwareVersion", version, 20);
        x.Text("softwareCompanyName", SoftwareCompany);
        x.Text("auditfileVersion", x.Format.AuditfileVersion);
        x.Text("headerComment", data.HeaderComment, 999);
        x.End();
    }

    /// <summary>Opens <c>company</c> and writes it down to the location's address; the registers follow.</summary>
    public static void StartCompany(SaftXml x, SaftMasterData data, SaftExportRequest request)
    {
        var store = data.Store;
        x.Start("company");
        x.Text("companyIdent", data.CompanyIdent);
        x.Text("companyName", store.Name, 100);
        x.Text("taxRegistrationCountry", store.CountryCode);
        x.Text("taxRegIdent", x.Format.TaxRegistration(data.CompanyIdent));
        WriteAddress(x, data.Address, store.CountryCode);
        WriteVatCodes(x, store);
        WritePeriod(x, request);
        WriteEmployees(x, data.Employees, store);
        WriteArticles(x, data.Articles, store);
        WriteBasics(x, data.Basics);
        x.Start("location");
        x.Text("name", store.Name, 100);
        WriteAddress(x, data.Address, store.CountryCode);
    }

    public static void EndCompany(SaftXml x)
    {
        x.End(); // location
        x.End(); // company
    }

    public static void StartRegister(SaftXml x, SaftRegister register)
    {
        x.Start("cashregister");
        x.Text("registerID", register.Id, 100);
        x.Text("regDesc", register.Description, 999);
    }

    private static void WriteAddress(SaftXml x, SaftAddress address, string country)
    {
        x.Start("streetAddress");
        x.Text("streetname", address.Street);
        x.Text("number", address.Number);
        x.Text("city", address.City);
        x.Text("postalCode", address.PostalCode);
        x.Text("country", country);
        x.End();
    }

    private static void WriteVatCodes(SaftXml x, Store store)
    {
        var entered = SaftDates.CreatedAt(store.Id, DateTimeOffset.UnixEpoch);
        var local = store.LocalTime(entered);
        x.Start("vatCodeDetails");
        foreach (var rate in store.VatRates.OrderByDescending(r => r.Percent))
        {
            x.Start("vatCodeDetail");
            x.Text("vatCode", rate.Code, 20);
            x.Date("dateOfEntry", local);
            x.Text("vatDesc", string.IsNullOrWhiteSpace(rate.Description) ? rate.Code : rate.Description, 100);
            x.Text("standardVatCode", x.Format.StandardVatCode(rate.Percent));
            x.End();
        }
        x.End();
    }

    private static void WritePeriod(SaftXml x, SaftExportRequest request)
    {
        x.Start("periods");
        x.Start("period");
        x.Count("periodNumber", 1);
        x.Text("periodDesc", SaftExportRequest.Day(request.From) + " - " + SaftExportRequest.Day(request.To));
        x.Date("startDatePeriod", request.From);
        x.Text("startTimePeriod", "00:00:00");
        x.Date("endDatePeriod", request.To);
        x.Text("endTimePeriod", "23:59:59");
        x.End();
        x.End();
    }

    private static void WriteEmployees(SaftXml x, IReadOnlyList<SaftEmployee> employees, Store store)
    {
        x.Start("employees");
        foreach (var employee in employees)
        {
            x.Start("employee");
            x.Text("empID", employee.Id);
            x.Date("dateOfEntry", store.LocalTime(employee.EnteredAt));
            x.Time("timeOfEntry", store.LocalTime(employee.EnteredAt));
            x.Text("firstName", employee.FirstName, 50);
            x.Text("surName", employee.SurName, 100);
            if (employee.Role is { } role)
            {
                x.Start("employeeRole");
                x.Text("roleType", role, 50);
                x.End();
            }
            x.End();
        }
        x.End();
    }

    private static void WriteArticles(SaftXml x, IReadOnlyList<SaftArticle> articles, Store store)
    {
        x.Start("articles");
        foreach (var article in articles)
        {
            x.Start("article");
            x.Text("artID", article.Id);
            x.Date("dateOfEntry", store.LocalTime(article.EnteredAt));
            x.OptionalText("artGroupID", article.GroupId);
            x.Text("artDesc", article.Description, 999);
            x.End();
        }
        x.End();
    }

    private static void WriteBasics(SaftXml x, IReadOnlyList<SaftBasic> basics)
    {
        x.Start("basics");
        foreach (var basic in basics)
        {
            x.Start("basic");
            x.Text("basicType", basic.BasicType);
            x.Text("basicID", basic.BasicId);
            x.OptionalText("predefinedBasicID", basic.PredefinedBasicId);
            x.Text("basicDesc", basic.Description, 999);
            x.End();
        }
        x.End();
    }

    private static string Year(DateOnly day) => day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The standard VAT code (<c>standardVatCode</c>) of a sales VAT rate, per country's SAF-T Cash Register.</summary>
public static class SaftVatCodes
{
    /// <summary>
    /// Denmark: the schema points to an "overview of standard vat codes" it does not ship. The Danish Tax
    /// Agency's technical description numbers its sales codes itself: 1 = output VAT on goods and services
    /// (salgsmoms, 25 %, Denmark's only rate), 2 = sales exempt from VAT (0 %). Norway's numbers (3, 5) mean
    /// something else there and are not used in a Danish file.
    /// </summary>
    public static string Danish(decimal percent) => percent == 0m ? "2" : "1";

    /// <summary>
    /// Norway: Skatteetaten's standard tax codes for sales: 3 = output VAT at the general rate, 31 the reduced
    /// (food) rate, 32 raw fish, 33 the low rate, 5 = sales exempt (zero rate).
    /// </summary>
    public static string Norwegian(decimal percent) => percent switch
    {
        0m => "5",
        15m => "31",
        12m => "33",
        11.11m => "32",
        _ => "3",
    };
}
