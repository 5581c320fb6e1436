using System.Collections.Concurrent;
using System.Reflection;
using Kasse.Server.Tests.Infrastructure;
using Xunit.v3;

[assembly: Kasse.Browser.Tests.Infrastructure.ServerLogInOutput]

namespace Kasse.Browser.Tests.Infrastructure;

/// <summary>
/// Writes what the servers logged at warning or above while a browser test ran into that test's output, which the test
/// report shows with a failure: a timed-out expectation then says what the server saw (a refused write, a circuit's
/// exception, a call that took too long) on a CI machine whose console is gone.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ServerLogInOutput : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, long> Marks = new();

    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => Marks[test.UniqueID] = RecentLog.Mark;

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (!Marks.TryRemove(test.UniqueID, out var mark))
            return;
        var logged = RecentLog.Since(mark);
        if (logged.Count > 0)
            TestContext.Current.TestOutputHelper?.WriteLine("Logged by the servers while this test ran (warnings and errors):\n" + string.Join("\n", logged));
    }
}
