namespace Kasse.Application.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ActorErrors
{
    public const string NotYourself = "actor.not-yourself";
}
