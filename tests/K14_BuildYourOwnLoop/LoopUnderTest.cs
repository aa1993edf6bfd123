using System.Diagnostics;
using AsyncKatas.K14_BuildYourOwnLoop;
using AsyncKatas.Tests.Support;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

/// <summary>
/// One run of the learner's <see cref="EventLoop"/> on a virtual clock. The loop runs on a thread of
/// its own, and the test waits for it at most <see cref="Guard"/> of real time, so a loop that hangs
/// fails the test with a message instead of hanging the test run.
/// </summary>
internal sealed class LoopUnderTest
{
    /// <summary>Real time a run may take. A correct loop needs a few milliseconds.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(5);

    private static readonly Kata Kata = KataContext.Of(typeof(LoopUnderTest));
    private readonly TimeSpan _guard;
    private readonly TimeSpan _horizon;

    /// <summary>EventLoop.Horizon when a test does not set it (the stub gives it).</summary>
    private static readonly TimeSpan DefaultHorizon = TimeSpan.FromHours(1);
    private int _loopThreadId = -1;

    public LoopUnderTest(TimeSpan? horizon = null, TimeSpan? guard = null)
    {
        _guard = guard ?? Guard;
        _horizon = horizon ?? DefaultHorizon;
        Clock = new LoopTestClock(_horizon * 10);
        Out = new TimedWriter(Clock, () => Volatile.Read(ref _loopThreadId));
        Loop = horizon is { } h ? new EventLoop(Clock) { Horizon = h } : new EventLoop(Clock);
    }

    public LoopTestClock Clock { get; }
    public TimedWriter Out { get; }
    public TimeProvider Time => Clock;
    public EventLoop Loop { get; }

    /// <summary>The managed id of the thread that called <see cref="EventLoop.Run"/>.</summary>
    public int LoopThreadId => Volatile.Read(ref _loopThreadId);

    /// <summary>What Run threw, if it threw.</summary>
    public Exception? Thrown { get; private set; }

    /// <summary>True when Run had not returned after <see cref="Guard"/> of real time.</summary>
    public bool Hung { get; private set; }

    public TimeSpan WallTime { get; private set; }

    /// <summary>Calls <c>Loop.Run(main)</c> on a new thread and waits for it, at most <see cref="Guard"/>.</summary>
    public LoopUnderTest Run(Func<Task> main)
    {
        var wall = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            Volatile.Write(ref _loopThreadId, Environment.CurrentManagedThreadId);
            try
            {
                Loop.Run(main);
            }
            catch (Exception e)
            {
                Thrown = e;
            }
        })
        {
            IsBackground = true,
            Name = "your event loop",
        };
        thread.Start();
        if (!thread.Join(_guard))
        {
            Hung = true;
            Clock.Abandon();
        }
        WallTime = wall.Elapsed;
        RunLog.AppendTiming(Kata, WallTime, Clock.Elapsed);
        TestContext.Out.WriteLine(KataText.Format("K14.RunTook", WallTime.TotalMilliseconds, TextDiff.Seconds(Clock.Elapsed)));
        return this;
    }

    /// <summary>Fails unless Run returned normally.</summary>
    public void AssertReturned(string? whenHung = null)
    {
        if (Clock.RanPastLimit) Judge.Fail(PastTheHorizonVerdict());
        if (Hung) Judge.Fail(HungVerdict(whenHung));
        if (Thrown is not null) Judge.Fail(ThrewVerdict());
    }

    /// <summary>Fails unless Run threw (returns what it threw).</summary>
    public Exception AssertThrew(string whatShouldHappen, string? whenHung = null)
    {
        if (Clock.RanPastLimit) Judge.Fail(PastTheHorizonVerdict());
        if (Hung) Judge.Fail(HungVerdict(whenHung ?? whatShouldHappen));
        if (Thrown is NotImplementedException) Judge.Fail(ThrewVerdict());
        if (Thrown is null) Judge.Fail(new Verdict(KataText.Format("K14.ReturnedNormally", TextDiff.Seconds(Clock.Elapsed), whatShouldHappen)));
        return Thrown!;
    }

    /// <summary>What the program printed on your loop, for <c>VerifyRun</c>. Call <see cref="AssertReturned"/> first.</summary>
    public ProgramOutput ToOutput() => new(Kata, Out.Text, Out.Lines, Clock.Elapsed);

    private Verdict HungVerdict(string? whenHung)
    {
        var verdict = new Verdict(KataText.Format("K14.Hung", _guard.TotalSeconds, TextDiff.Seconds(Clock.Elapsed)));
        if (whenHung is not null) verdict.Evidence(whenHung);
        return Printed(verdict)
            .Fix(KataText.Text("K14.Fix.ReturnOrThrow"));
    }

    private Verdict PastTheHorizonVerdict() =>
        Printed(new Verdict(KataText.Format("K14.RanPastTheHorizon", TextDiff.Seconds(_horizon), TextDiff.Seconds(Clock.Elapsed)))
            .Cause(KataText.Text("K14.Cause.NeverComparesHorizon"))
            .Fix(KataText.Text("K14.Fix.ThrowBeyondTheHorizon")));

    private Verdict ThrewVerdict()
    {
        if (Thrown is NotImplementedException nie)
        {
            return Verdict.NotStarted(StubFile(nie) is { } at ? at[..at.LastIndexOf(':')] : $"katas/{Kata.Folder}/EventLoop.cs")
                .Evidence(KataText.Format("Verdict.StubSays", nie.Message));
        }
        var verdict = new Verdict(KataText.Format("K14.RunThrew", Thrown!.GetType().Name, Thrown.Message))
            .Evidence(KataText.Format("K14.VirtualClockAt", TextDiff.Seconds(Clock.Elapsed)))
            .At(StubFile(Thrown));
        if (Thrown is InvalidOperationException)
        {
            verdict.Fix(KataText.Text("K14.Fix.ContextAndPost"));
        }
        return Printed(verdict);
    }

    private Verdict Printed(Verdict verdict)
    {
        var lines = Out.Lines;
        return lines.Count == 0 ? verdict
            : verdict.Evidence(KataText.Text("K14.Evidence.PrintedBefore"), lines.Select(l => $"{l.Text} [{TextDiff.Seconds(l.At)}]"));
    }

    /// <summary>The first stack frame in kata code ("katas/K14_BuildYourOwnLoop/EventLoop.cs:30"), if any.</summary>
    private static string? StubFile(Exception e)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var path = frame.GetFileName()?.Replace('\\', '/');
            if (path is null) continue;
            foreach (var tree in new[] { "/katas/", "/solutions/" })
            {
                var at = path.LastIndexOf(tree, StringComparison.Ordinal);
                if (at >= 0) return $"{path[(at + 1)..]}:{frame.GetFileLineNumber()}";
            }
        }
        return null;
    }
}
