using System.Diagnostics;
using System.Reflection;
using AsyncKatas.K07_Futures;

namespace AsyncKatas.Tests.K07_Futures;

/// <summary>
/// Where SetAfterAsync completed the future, when it did so outside the loop's queue: on the loop's own thread
/// or another, and from which code of the kata (the nearest frame of K07's code on the stack when SetResult ran):
/// the async method itself, resumed off the loop, or a callback (a lambda) that something else called.
/// </summary>
internal sealed record OffTheLoop(bool OnTheLoopThread, string? ThreadName, int ThreadId, bool FromACallback)
{
    /// <summary>Reads the thread and the stack; called inside SetResult by a waiter that runs there.</summary>
    public static OffTheLoop Observe(bool onTheLoopThread)
    {
        var kataFrame = new StackTrace(1, false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace == typeof(Futures).Namespace);
        return new OffTheLoop(onTheLoopThread, Thread.CurrentThread.Name, Environment.CurrentManagedThreadId, IsCallback(kataFrame));
    }

    // An async method's resumed code is MoveNext of its state machine (<SetAfterAsync>d__N); a lambda is <X>b__N.
    private static bool IsCallback(MethodBase? method) =>
        method is not null && method.Name != "MoveNext" && method.Name.Contains(">b__", StringComparison.Ordinal);

    /// <summary>The thread, as the learner reads it: its name, or its number.</summary>
    private string WhichThread => ThreadName ?? KataText.Format("K07.ThreadNumber", ThreadId);

    public Verdict Verdict()
    {
        var verdict = new Verdict(KataText.Text("K07.CompletedOffTheQueue"));
        return (OnTheLoopThread, FromACallback) switch
        {
            (true, true) => verdict
                .Evidence(KataText.Text("K07.Evidence.TimerCallback"))
                .Cause(KataText.Text("K07.Cause.TimerCallback"))
                .Fix(KataText.Text("K07.Fix.SleepInSetAfterAsync")),
            (true, false) => verdict
                .Evidence(KataText.Text("K07.Evidence.ResumedOffTheQueue"))
                .Cause(KataText.Text("K07.Cause.ConfigureAwaitOnTheSleep"))
                .Fix(KataText.Text("K07.Fix.DropConfigureAwait")),
            (false, true) => verdict
                .Evidence(KataText.Format("K07.Evidence.CallbackOnAnotherThread", WhichThread))
                .Causes(KataText.Text("K07.Cause.ContinueWithOnTheDefault"),
                        KataText.Text("K07.Cause.HandedToAnotherThread"))
                .Fix(KataText.Text("K07.Fix.AwaitThenComplete")),
            (false, false) => verdict
                .Evidence(KataText.Format("K07.Evidence.MethodOnAnotherThread", WhichThread))
                .Causes(KataText.Text("K07.Cause.ConfigureAwaitBefore"),
                        KataText.Text("K07.Cause.StartedElsewhere"))
                .Fix(KataText.Text("K07.Fix.CompleteOnTheLoop")),
        };
    }
}
