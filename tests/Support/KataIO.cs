using Microsoft.Extensions.Time.Testing;
using VirtualTimeLoop.FakeTime;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// What a kata program gets from its run (the tests call it <c>ProgramIO</c>): the loop's console and
/// threads, and its clock as a <see cref="FakeTimeProvider"/>, the kata clock this repository's design
/// names (VirtualTimeLoop.FakeTime: the loop moves it; nothing else can).
/// </summary>
public sealed class KataIO
{
    private readonly LoopEnvironment _run;

    internal KataIO(LoopEnvironment run)
    {
        _run = run;
        Time = run.FakeTime();
    }

    /// <summary>The program's console: each line is recorded with its virtual time.</summary>
    public TextWriter Out => _run.Out;

    /// <summary>The run's virtual clock, as a FakeTimeProvider.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The loop's threads for blocking work.</summary>
    public VirtualThreadPool Threads => _run.Threads;

    /// <summary>Everything printed so far, exactly.</summary>
    public string PrintedSoFar => _run.PrintedSoFar;
}

/// <summary>The virtual time a kata run's clock has moved since the start.</summary>
public static class KataClock
{
    extension(FakeTimeProvider time)
    {
        /// <summary>Virtual time since the run started.</summary>
        public TimeSpan Elapsed => time.GetUtcNow() - time.Start;
    }
}
