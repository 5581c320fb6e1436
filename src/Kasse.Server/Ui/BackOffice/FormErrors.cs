namespace Kasse.Server.Ui.BackOffice;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class FormErrors
{
    public const string Amount = "form.amount";
    public const string Json = "form.json";
    public const string Number = "form.number";
    public const string Points = "form.points";
    public const string PriceListLine = "form.price-list-line";
    public const string Url = "form.url";
}
