namespace Kasse.Domain;

/// <summary>
/// Names the texts of every refusal: Errors.resx (English, the templates the throw sites use) and Errors.da.resx
/// (Danish), keyed by code, or by code#2, code#3 … when one code has several texts.
/// </summary>
public sealed class Errors
{
    private Errors() { }
}
