namespace VirtualTimeLoop;

/// <summary>
/// What a program gets from the loop: where to print, the clock to sleep on, and the threads to
/// run blocking work on. Code under test takes these as plain BCL types (TextWriter, TimeProvider, TaskScheduler).
/// </summary>
public sealed class ProgramIO
{
    private readonly RecordingWriter _out;

    internal ProgramIO(RecordingWriter output, VirtualClock time, VirtualThreadPool threads)
    {
        _out = output;
        Time = time;
        Threads = threads;
    }

    /// <summary>The program's console.</summary>
    public TextWriter Out => _out;

    /// <summary>The virtual clock: every sleep goes through it.</summary>
    public VirtualClock Time { get; }

    /// <summary>The loop's threads for blocking work (the loop's "default executor").</summary>
    public VirtualThreadPool Threads { get; }

    /// <summary>Everything printed so far, exactly.</summary>
    public string PrintedSoFar => _out.Text;
}
