namespace VirtualTimeLoop;

/// <summary>
/// What a program run on the loop gets from it: where to print, the clock to sleep on, and the threads
/// to run blocking work on. Code under test takes these as plain BCL types (TextWriter, TimeProvider, TaskScheduler).
/// </summary>
public sealed class LoopEnvironment
{
    private readonly RecordingWriter _out;

    internal LoopEnvironment(RecordingWriter output, VirtualClock time, VirtualThreadPool threads)
    {
        _out = output;
        Time = time;
        Threads = threads;
    }

    /// <summary>The program's console: every line is recorded with the virtual time it was written at.</summary>
    public TextWriter Out => _out;

    /// <summary>The virtual clock: every sleep goes through it.</summary>
    public VirtualClock Time { get; }

    /// <summary>The loop's threads for blocking work (the loop's "default executor").</summary>
    public VirtualThreadPool Threads { get; }

    /// <summary>Everything printed so far, exactly.</summary>
    public string PrintedSoFar => _out.Text;
}
