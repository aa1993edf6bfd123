using System.Diagnostics;

namespace AsyncKatas.Tests.K09_RunInExecutor;

/// <summary>
/// The exceptions done callbacks threw while it was listening. <c>ConcurrentFuture</c> (given) catches a
/// failing callback, as Python does, and only traces it; this listener takes the exception from the
/// trace's arguments, so a test can say that the callback threw, and what, instead of only that the
/// bridged task never ended. The kata tests run one at a time (katas.runsettings), so the trace is this test's.
/// </summary>
internal sealed class DoneCallbackErrors : TraceListener
{
    private readonly List<Exception> _thrown = [];

    private DoneCallbackErrors()
    {
    }

    /// <summary>Starts listening; dispose to stop.</summary>
    public static DoneCallbackErrors Listen()
    {
        var listener = new DoneCallbackErrors();
        Trace.Listeners.Add(listener);
        return listener;
    }

    /// <summary>What the callbacks threw, in order.</summary>
    public IReadOnlyList<Exception> Thrown { get { lock (_thrown) { return [.. _thrown]; } } }

    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? format, params object?[]? args)
    {
        if (args is null) return;
        lock (_thrown) { _thrown.AddRange(args.OfType<Exception>()); }
    }

    public override void Write(string? message)
    {
    }

    public override void WriteLine(string? message)
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Trace.Listeners.Remove(this);
        base.Dispose(disposing);
    }
}
