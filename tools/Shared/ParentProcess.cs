namespace Kasse.Tools;

/// <summary>Stops a simulator with the process that started it, so a demo killed hard leaves no simulator behind.</summary>
internal static class ParentProcess
{
    public static void StopWith(int parentId, Action stop)
    {
        var parent = System.Diagnostics.Process.GetProcessById(parentId);
        parent.EnableRaisingEvents = true;
        parent.Exited += (_, _) => stop();
        if (parent.HasExited)
            stop();
    }
}
