using Kasse.Data;
using Kasse.Data.Postgres;
using Kasse.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// Kasse runs on each provider's compiled model (src/Kasse.Data.*/CompiledModel), not on one built from the entity
/// configurations at start. A model change that is not compiled again would leave the running model behind the code
/// (a new column silently never saved), so the committed files must be exactly what `dotnet ef dbcontext optimize`
/// makes of today's configuration: the command to run is in the failure message.
/// </summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_sqlite_compiled_model_is_the_configured_model() =>
        AssertCompiledModelIsCurrent(new SqliteDesignTimeFactory().CreateDbContext([]), typeof(SqliteDatabase).Assembly, "Kasse.Data.Sqlite");

    [Fact]
    public void The_postgres_compiled_model_is_the_configured_model() =>
        AssertCompiledModelIsCurrent(new PostgresDesignTimeFactory().CreateDbContext([]), typeof(PostgresDatabase).Assembly, "Kasse.Data.Postgres");

    private static void AssertCompiledModelIsCurrent(KasseDbContext context, System.Reflection.Assembly providerAssembly, string project)
    {
        using var _ = context;
        var committed = Path.Combine(RepositoryRoot(), "src", project, "CompiledModel");
        var generated = Directory.CreateTempSubdirectory("kasse-compiled-model-").FullName;
        try
        {
            // The same services and options the EF command line uses (DbContextOperations.Optimize).
#pragma warning disable EF1001 // the design-time services builder is EF's internal API; the test pins the EF version it was written for
            var services = new DesignTimeServicesBuilder(providerAssembly, providerAssembly, new OperationReporter(handler: null), []).Build(context);
#pragma warning restore EF1001
            services.GetRequiredService<ICompiledModelScaffolder>().ScaffoldModel(
                context.GetService<IDesignTimeModel>().Model,
                generated,
                new CompiledModelCodeGenerationOptions
                {
                    ContextType = typeof(KasseDbContext),
                    ModelNamespace = project + ".CompiledModel",
                    Language = "C#",
                    UseNullableReferenceTypes = true,
                    Suffix = "",
                    GeneratedFileNames = new HashSet<string>(),
                });

            var command = $"dotnet ef dbcontext optimize --project src/{project} --output-dir CompiledModel --namespace {project}.CompiledModel --context KasseDbContext";
            Assert.True(Names(committed).SetEquals(Names(generated)),
                $"The compiled model's files differ from the configuration's; run: {command}");
            foreach (var name in Names(generated))
            {
                var want = Text(Path.Combine(generated, name)).Split('\n');
                var have = Text(Path.Combine(committed, name)).Split('\n');
                var line = Enumerable.Range(0, Math.Max(want.Length, have.Length)).FirstOrDefault(i => i >= want.Length || i >= have.Length || want[i] != have[i], -1);
                if (line >= 0)
                    Assert.Fail($"{project}/CompiledModel/{name} is not what the configuration makes (line {line + 1}: "
                        + $"'{(line < have.Length ? have[line].Trim() : "")}' where the configuration makes '{(line < want.Length ? want[line].Trim() : "")}'); run: {command}");
            }
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    private static HashSet<string> Names(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs").Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Line endings aside (a checkout on Windows must not fail the test), and the model's id, which EF makes new each
    /// time it writes the files.
    /// </summary>
    private static string Text(string path) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path).ReplaceLineEndings("\n"), @"modelId: new Guid\(""[0-9a-f-]{36}""\)", "modelId: new Guid(…)");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Kasse.slnx")))
                return folder.FullName;
        throw new InvalidOperationException("The tests run from inside the repository (Kasse.slnx not found above " + AppContext.BaseDirectory + ").");
    }
}
