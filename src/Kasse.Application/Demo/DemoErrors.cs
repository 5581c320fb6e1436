namespace Kasse.Application.Demo;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class DemoErrors
{
    public const string Catalogue = "demo.catalogue";
}
