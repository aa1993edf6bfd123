using System.Globalization;
using AsyncKatas.K19_Deadlines;

namespace AsyncKatas.Tests.K19_Deadlines;

[Category("K19")]
public class DeadlinesTests
{
    private static string BudgetOnTheClock => KataText.Text("K19.Fix.BudgetOnTheClock");

    [Test]
    public void Step_IsStoppedByItsToken()
    {
        Task? step = null;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time);
            step = Deadlines.StepAsync("s", 3, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(step);
        });
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(step!.Status, TaskStatus.Canceled, KataText.Text("K19.StepMustEndCanceled"),
                KataText.Text("K19.Fix.TokenToSleep"));
            Judge.Equal(run.Output, "begin s\n", KataText.Text("K19.CancelledStepPrints"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), KataText.Text("K19.StepMustStop"));
        });
    }

    [Test]
    public void Handle_WithinItsBudget_IsServed_AndLeavesNoTimer()
    {
        var run = KataLoop.Run(io => Deadlines.HandleAsync("r", TimeSpan.FromSeconds(5), io.Out, io.Time, CancellationToken.None));
        RealClock(run);
        BudgetLeftOnTheClock(run);
        VerifyRun(run, timeline: [0, 1, 1, 3, 3, 4, 4], total: 4);
    }

    [Test]
    public void Handle_BudgetCoversAllSteps_RunsOutDuringTheQuery()
    {
        var run = KataLoop.Run(io => Deadlines.HandleAsync("r", TimeSpan.FromSeconds(1.5), io.Out, io.Time, CancellationToken.None));
        RealClock(run);
        if (run.EndedCancelled())
        {
            Judge.Fail(new Verdict(KataText.Text("K19.BudgetEndedCancelled"))
                .Printed(run)
                .Fix(KataText.Text("K19.Fix.CatchOwnBudget")));
        }
        if (run.Outcome == LoopOutcome.LeftoverWork && run.Output.Contains("r timed out", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Format("K19.StepsStillRunning", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K19.Cause.WaitNotWork"))
                .Fix(KataText.Text("K19.Fix.CancelTheSteps")));
        }
        BudgetNeverRanOut(run, "r", 1.5);
        if (run.Outcome == LoopOutcome.Completed && run.Lines.FirstOrDefault(l => l.Text == "r timed out") is { } slow && slow.At > TimeSpan.FromSeconds(1.5)
            && StepProbe.EndOfAStepCancelledAtOneSecond() is { } stepEnded)
        {
            Judge.Fail(new Verdict(KataText.Format("K19.TimedOutLate", slow.At.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))
                .Printed(run)
                .Cause(StepProbe.Cause(stepEnded))
                .Fix(StepProbe.Fix));
        }
        if (run.Outcome == LoopOutcome.Completed && run.Lines.FirstOrDefault(l => l.Text == "r timed out") is { } cut && cut.At > TimeSpan.FromSeconds(1.5))
        {
            Judge.Fail(new Verdict(KataText.Format("K19.TimedOutPerStep", cut.At.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))
                .Printed(run)
                .Cause(KataText.Text("K19.Cause.BudgetPerStep"))
                .Fix(KataText.Text("K19.Fix.OneSource")));
        }
        VerifyRun(run, timeline: [0, 1, 1, 1.5], total: 1.5);
    }

    [TestCase(5)]
    [TestCase(2)] // the caller and the budget at the same moment: the caller's cancellation still goes up
    public void Handle_CallerCancels_TheRequestEndsCancelled_NotTimedOut(int budgetSeconds)
    {
        Task? handling = null;
        var run = KataLoop.Run(async io =>
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(2), io.Time);
            handling = Deadlines.HandleAsync("r", TimeSpan.FromSeconds(budgetSeconds), io.Out, io.Time, caller.Token);
            await Task.WhenAny(handling);
        });
        RealClock(run);
        BudgetLeftOnTheClock(run);
        AssertCompleted(run);
        Judge.That(!run.Output.Contains("r served", StringComparison.Ordinal), () => new Verdict(KataText.Text("K19.ServedAfterCancel"))
            .Printed(run)
            .Cause(KataText.Text("K19.Cause.NoCallerToken"))
            .Fix(BudgetOnTheClock));
        Judge.That(!run.Output.Contains("r timed out", StringComparison.Ordinal), () => new Verdict(KataText.Format("K19.CallerCancelTimedOut", budgetSeconds.ToString(CultureInfo.InvariantCulture)))
            .Printed(run)
            .Cause(KataText.Text("K19.Cause.CatchEveryCancel"))
            .Fix(KataText.Text("K19.Fix.CatchOnlyBudget")));
        Judge.Equal(handling!.Status, TaskStatus.Canceled, KataText.Text("K19.MustEndCanceled"));
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K19.MustStopAtCallerCancel"),
            StepProbe.EndOfAStepCancelledAtOneSecond() is not null ? StepProbe.Fix : null);
    }

    [Test]
    public void Program_SecondRequestTimesOut_TheDeadlineStopsTheThird()
    {
        var run = KataLoop.Run(io => Deadlines.RunAsync(io.Out, io.Time));
        RealClock(run);
        if (run.Output.Contains("third timed out", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Text("K19.DeadlineStoppedThird"))
                .Printed(run)
                .Fix(KataText.Text("K19.Fix.TimedOutOnlyOwnBudget")));
        }
        BudgetLeftOnTheClock(run);
        BudgetNeverRanOut(run, "second", 5.5);
        VerifyRun(run, timeline: [0, 1, 1, 3, 3, 4, 4, 4, 5, 5, 5.5, 5.5, 6.5, 6.5, 7], total: 7);
    }

    /// <summary>A budget's timer still on the clock after its request ended: its source was not disposed.</summary>
    private static void BudgetLeftOnTheClock(LoopRun run)
    {
        if (run.Outcome != LoopOutcome.LeftoverWork || run.Leftovers is not { TimerDueTimes.Count: > 0 }) return;
        if (StepsOutliveTheirTimeout() is { } went)
        {
            Judge.Fail(new Verdict(KataText.Format("K19.WorkLeftAfterRequest", run.Detail))
                .Printed(run)
                .Evidence(KataText.Format("K19.Evidence.StepsWentOn", went))
                .Cause(KataText.Text("K19.Cause.WaitNotWork"))
                .Fix(KataText.Text("K19.Fix.CancelTheSteps")));
        }
        if (!HandleLeavesATimer())
        {
            Judge.Fail(new Verdict(KataText.Format("K19.WorkLeftOnClock", run.Detail))
                .Printed(run)
                .Evidence(KataText.Text("K19.Evidence.HandleLeavesNoTimer"))
                .Cause(KataText.Text("K19.Cause.DeadlineStoppedWaiting"))
                .Fix(KataText.Text("K19.Fix.DeadlineToken")));
        }
        Judge.Fail(new Verdict(KataText.Format("K19.TimerLeft", run.Detail))
            .Printed(run)
            .Fix(KataText.Text("K19.Fix.DisposeSource")));
    }

    /// <summary>
    /// Whether a request's steps go on after it printed "timed out" (the waiting was stopped, not the work): HandleAsync with
    /// a 1.5 s budget, then 5 s more on the clock to see what still prints. The first line after "timed out", or null.
    /// </summary>
    private static string? StepsOutliveTheirTimeout()
    {
        var probe = KataLoop.Run(async io =>
        {
            try { await Deadlines.HandleAsync("p", TimeSpan.FromSeconds(1.5), io.Out, io.Time, CancellationToken.None); }
            catch (OperationCanceledException) { }
            await Task.Delay(TimeSpan.FromSeconds(5), io.Time);
        });
        var lines = probe.Lines.ToList();
        var timedOut = lines.FindIndex(l => l.Text == "p timed out");
        return timedOut >= 0 && timedOut + 1 < lines.Count ? KataText.Format("K19.StepAt", lines[timedOut + 1].Text, lines[timedOut + 1].At.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Whether HandleAsync on its own leaves a timer behind: served within a 5 s budget, and cancelled by its caller at 2 s.</summary>
    private static bool HandleLeavesATimer()
    {
        var served = KataLoop.Run(io => Deadlines.HandleAsync("p", TimeSpan.FromSeconds(5), io.Out, io.Time, CancellationToken.None));
        var cancelled = KataLoop.Run(async io =>
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(2), io.Time);
            await Task.WhenAny(Deadlines.HandleAsync("p", TimeSpan.FromSeconds(5), io.Out, io.Time, caller.Token));
        });
        return served.Outcome == LoopOutcome.LeftoverWork || cancelled.Outcome == LoopOutcome.LeftoverWork;
    }

    /// <summary>A request whose budget ran out, but whose steps went on past it (nothing printed until after the budget's end).</summary>
    private static void BudgetNeverRanOut(LoopRun run, string request, double budgetEnds)
    {
        if (run.Outcome != LoopOutcome.Completed || run.Output.Contains($"{request} timed out", StringComparison.Ordinal)) return;
        var last = run.Lines.ToList().FindLastIndex(l => l.Text.Contains(request, StringComparison.Ordinal));
        if (last < 0) return;
        var next = last + 1 < run.Lines.Count ? run.Lines[last + 1].At : run.Elapsed;
        if (next <= TimeSpan.FromSeconds(budgetEnds)) return;
        if (StepProbe.EndOfAStepCancelledAtOneSecond() is { } stepEnded)
        {
            Judge.Fail(new Verdict(KataText.Format("K19.NothingStoppedSteps", request, budgetEnds.ToString("0.0", CultureInfo.InvariantCulture)))
                .Printed(run)
                .Cause(StepProbe.Cause(stepEnded))
                .Fix(StepProbe.Fix));
        }
        Judge.Fail(new Verdict(KataText.Format("K19.NothingStoppedSteps", request, budgetEnds.ToString("0.0", CultureInfo.InvariantCulture)))
            .Printed(run)
            .Causes(KataText.Text("K19.Cause.RealClockBudget"),
                    KataText.Text("K19.Cause.NoBudgetToken"))
            .Fix(BudgetOnTheClock));
    }

    /// <summary>A budget or deadline timed on the real clock, which the virtual loop cannot move.</summary>
    private static void RealClock(LoopRun run)
    {
        if (run.Outcome != LoopOutcome.RealClockWait) return;
        Judge.Fail(new Verdict(KataText.Format("K19.RealClock", run.Detail))
            .Cause(KataText.Text("K19.Cause.SourceWithoutClock"))
            .Fix(BudgetOnTheClock));
    }
}
