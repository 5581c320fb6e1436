using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Ui.Localization;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// The words a refusal puts into its text reach a cashier in their language: a permission is named as the role page
/// names it (never its enum name). (A sale's state in Danish: ErrorTextsTests.)
/// </summary>
public sealed class ErrorArgumentsTests
{
    [Fact]
    public void An_approval_refusal_names_the_permission_in_words_in_both_languages()
    {
        var permission = Permission.RefundWithoutReceipt;
        var what = "a return without a receipt";
        var refusal = DomainException.Forbidden(Kasse.Application.Staff.PermissionErrors.ApprovalRequired,
            $"This needs a supervisor's approval ({permission}: {what}). Ask a supervisor to enter their PIN.");

        var danish = ErrorTexts.Default.For(refusal, UiLanguages.Danish.Culture);
        var english = ErrorTexts.Default.For(refusal, UiLanguages.English.Culture);

        Assert.Equal("Dette kræver en leders godkendelse: Retur uden bon. Bed en leder om at indtaste sin PIN-kode.", danish);
        Assert.Equal("This needs a supervisor's approval (Return without a receipt: a return without a receipt). Ask a supervisor to enter their PIN.", english);
    }
}
