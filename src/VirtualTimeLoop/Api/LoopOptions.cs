namespace VirtualTimeLoop;

/// <summary>Limits of one run on the virtual loop. The defaults end every hang within a few seconds.</summary>
public sealed record LoopOptions
{
    /// <summary>The defaults: a 24 h horizon and real-time guards that end every hang within seconds.</summary>
    public static LoopOptions Default { get; } = new();

    /// <summary>Virtual time after which the run is stopped as endless.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Loop steps (callbacks run plus timers fired) after which the run is stopped as endless.</summary>
    public long MaxSteps { get; init; } = 10_000_000;

    /// <summary>Loop steps at one virtual instant after which the run is stopped as an endless loop of awaits.</summary>
    public long MaxStepsPerInstant { get; init; } = 250_000;

    /// <summary>
    /// Real time a thread that should be making progress (the loop thread inside one step, or a worker
    /// holding its turn) may sit in one unbroken wait before it counts as stuck.
    /// </summary>
    public TimeSpan WaitBudget { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Real time such a thread may sit in one unbroken wait while nothing else of the run can run: the loop thread
    /// inside a step, or the worker holding the turn, with no other worker holding it and none of the program's work
    /// on the shared thread pool. Nothing of the run can end that wait (the other workers and the virtual clock wait
    /// for the step, or the turn, to end), so it counts as stuck sooner than <see cref="WaitBudget"/>: a <c>.Result</c>
    /// on the loop thread of a job blocked on the virtual clock is reported in this time. The budget is only for a
    /// thread the run does not know (or a real-time timeout) that could still end the wait. Never more than
    /// <see cref="WaitBudget"/>.
    /// </summary>
    public TimeSpan DeadlockBudget { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Real time such a thread may keep running without handing control back.</summary>
    public TimeSpan BusyBudget { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Real time the loop waits for the program's own work on the shared thread pool (a Task.Run, a
    /// ContinueWith, a CancelAsync callback) to start and finish before it moves time; after that the run
    /// ends with <see cref="LoopOutcome.SharedPoolStalled"/> (or <see cref="LoopOutcome.UnknownThread"/>
    /// when that work blocks on the virtual clock).
    /// </summary>
    public TimeSpan SharedPoolBudget { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Real time the loop waits, when it has nothing at all to do, for a post from a thread it does not
    /// know before it reports the main task as never completing.
    /// </summary>
    public TimeSpan IdleSettle { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The most threads the loop's <see cref="VirtualThreadPool"/> keeps at once. It starts a thread
    /// only when every thread it has is blocked in a job; a program that blocks more jobs than this at
    /// the same time ends with <see cref="LoopOutcome.ThreadLimit"/> instead of starting thousands of threads.
    /// </summary>
    public int MaxThreads { get; init; } = 256;

    /// <summary>
    /// When true (the default), a real-clock timer the program's own code arms ends the run with
    /// <see cref="LoopOutcome.RealClockWait"/> as soon as the loop would move virtual time, even with
    /// virtual timers pending (a real <c>Task.Delay(t)</c> racing a virtual one, which the virtual side
    /// would always win: a result real .NET would not give). Timers are attributed to the run whose code
    /// armed them (see the README's Limits), so real timers of a test host or of other tests
    /// never count. When false, such a run goes on, and the real timer is reported only if the program
    /// ends up with nothing else to wait for.
    /// </summary>
    public bool ReportRealTimersAtOnce { get; init; } = true;

    /// <summary>
    /// The instant the virtual clock starts at: what <see cref="TimeProvider.GetUtcNow"/> returns before any
    /// timer fires. The Unix epoch by default; FakeTimeProvider starts at 2000-01-01 (pass that to match
    /// tests written for it), and a test of a month-end job may start on the 31st at 23:59.
    /// </summary>
    public DateTimeOffset StartTime { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// The clock's <see cref="TimeProvider.LocalTimeZone"/>: UTC by default, so a run never depends on the
    /// machine's zone. Give a zone to test code that converts to local time (daylight saving changes
    /// included: they happen at the virtual instants the zone's rules say).
    /// </summary>
    public TimeZoneInfo LocalTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Real time the whole run may take.</summary>
    public TimeSpan WallBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When false (the default) timers, jobs or async void operations left at the end fail the run.</summary>
    public bool AllowLeftovers { get; init; }

    /// <summary>
    /// When true, the run records its timeline (<see cref="LoopRun.Timeline"/>): which task ran when, slept
    /// on which timer, waited on what and printed what, and where each timer was created (a stack walk per
    /// timer armed and line printed). Off by default: a run that does not record costs nothing more.
    /// </summary>
    public bool RecordTimeline { get; init; }
}
