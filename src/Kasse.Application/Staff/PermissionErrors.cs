namespace Kasse.Application.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PermissionErrors
{
    public const string ApprovalInvalid = "permission.approval-invalid";
    public const string ApprovalLocked = "permission.approval-locked";
    public const string ApprovalRequired = "permission.approval-required";
    public const string ApproverNotAllowed = "permission.approver-not-allowed";
    public const string Denied = "permission.denied";
}
