using System.Diagnostics;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>
/// Validates a file with Debian's <c>xmllint</c> against the official schemas kept in the repository's
/// <c>reference/</c> folder. A missing tool or schema fails the test: never skipped.
/// </summary>
public static class SaftSchema
{
    private static readonly Lazy<string> Folder = new(PrepareSchemas);

    public const string NorwegianSchema = "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd";

    public static void AssertValid(byte[] xml, string schema)
    {
        var file = Path.Combine(Path.GetTempPath(), $"saft-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(file, xml);
        try
        {
            var (exit, output) = Run("xmllint", "--noout", "--schema", Path.Combine(Folder.Value, schema), file);
            Assert.True(exit == 0, $"The export does not validate against {schema}:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string PrepareSchemas()
    {
        if (Run("xmllint", "--version").Exit != 0)
            Assert.Fail("xmllint is needed to validate SAF-T exports and is not installed: run ./test.sh as root, or apt-get install libxml2-utils.");
        var reference = FindReference()
            ?? throw new InvalidOperationException("The SAF-T schemas were not found: reference/saf-t-dk/SAF-T.xsd is missing from the "
                + "repository the tests were built from.");
        var folder = Directory.CreateTempSubdirectory("kasse-saft-schema-").FullName;
        File.Copy(Path.Combine(reference, "saf-t-dk", "xmldsig-core-schema.xsd"), Path.Combine(folder, "xmldsig-core-schema.xsd"));
        // The schema imports XML-DSig from w3.org, which tests must not reach: point it at the local copy.
        File.WriteAllText(Path.Combine(folder, "SAF-T.xsd"), File.ReadAllText(Path.Combine(reference, "saf-t-dk", "SAF-T.xsd"))
            .Replace("http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd", "xmldsig-core-schema.xsd", StringComparison.Ordinal));
        var norwegian = Path.Combine(reference, "saf-t-cash-register", "Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd");
        if (!File.Exists(norwegian))
            throw new InvalidOperationException("The Norwegian SAF-T schema was not found at " + norwegian + ".");
        File.Copy(norwegian, Path.Combine(folder, NorwegianSchema));
        return folder;
    }

    private static string? FindReference()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "reference");
            if (File.Exists(Path.Combine(candidate, "saf-t-dk", "SAF-T.xsd")))
                return Path.GetFullPath(candidate);
        }
        return null;
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, program + " is not installed");
        }
    }
}
