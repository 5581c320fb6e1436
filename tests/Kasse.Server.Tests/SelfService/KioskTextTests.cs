using System.Text.RegularExpressions;
using Kasse.Server.Ui.Kiosk;

namespace Kasse.Server.Tests.SelfService;

/// <summary>
/// Every word the kiosk shows its guests (T("…") and Tf("…") in Ui/Kiosk) is there in Danish and German as well as English:
/// a guest who picks a flag never meets a text left in English.
/// </summary>
public sealed partial class KioskTextTests
{
    [GeneratedRegex("""\bTf?\("((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex GuestText();

    [Fact]
    public void Every_guest_text_of_the_kiosk_has_its_Danish_and_German()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Kasse.Server", "Ui", "Kiosk");
        var texts = Directory.EnumerateFiles(folder, "*.razor*")
            .SelectMany(file => GuestText().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.True(texts.Count >= 30, $"found only {texts.Count} kiosk texts");
        Assert.DoesNotContain(texts, t => !KioskText.HasAll(t));
        Assert.Equal("Zum Bestellen berühren", KioskText.Get(KioskText.German, "Touch to order"));
        Assert.Equal("45,00 kr.", KioskText.Money(KioskText.Danish, 45m, "DKK"));
        Assert.Equal("DKK 45.00", KioskText.Money(KioskText.English, 45m, "DKK"));
        Assert.Equal("45,00 DKK", KioskText.Money(KioskText.German, 45m, "DKK"));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Kasse.slnx")))
                return folder.FullName;
        throw new InvalidOperationException("The tests run from inside the repository (Kasse.slnx not found above " + AppContext.BaseDirectory + ").");
    }
}
