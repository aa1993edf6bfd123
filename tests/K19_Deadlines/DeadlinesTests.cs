using AsyncKatas.K19_Deadlines;

namespace AsyncKatas.Tests.K19_Deadlines;

[Category("K19")]
public class DeadlinesTests
{
    private const string BudgetOnTheClock =
        "make the budget's source on the injected clock, new CancellationTokenSource(budget, time), and link it with the caller's token: " +
        "CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetSource.Token).";

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
            Judge.Equal(step!.Status, TaskStatus.Canceled, "StepAsync, cancelled during its sleep, must end Canceled.",
                "hand the token to the sleep: Task.Delay(delay, time, cancellationToken).");
            Judge.Equal(run.Output, "begin s\n", "a cancelled step must print nothing after \"begin\".");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), "the step must stop when its token is cancelled (1 s).");
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
            Judge.Fail(new Verdict("the request's own budget ran out and HandleAsync ended with OperationCanceledException instead of printing \"r timed out\".")
                .Printed(run)
                .Fix("catch (OperationCanceledException) when the budget's source is the one that was cancelled, and print \"{request} timed out\"."));
        }
        if (run.Outcome == LoopOutcome.LeftoverWork && run.Output.Contains("r timed out", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict($"the request printed \"r timed out\", but its steps were still running when it returned ({run.Detail}).")
                .Printed(run)
                .Cause("the wait was given up (WaitAsync(timeout, time), or a race against Task.Delay), but nothing cancelled the work: WaitAsync stops the waiting, not the work.")
                .Fix("cancel the steps themselves: give them the token of a source that the budget cancels."));
        }
        BudgetNeverRanOut(run, "r", 1.5);
        if (run.Outcome == LoopOutcome.Completed && run.Lines.FirstOrDefault(l => l.Text == "r timed out") is { } slow && slow.At > TimeSpan.FromSeconds(1.5)
            && StepProbe.EndOfAStepCancelledAtOneSecond() is { } stepEnded)
        {
            Judge.Fail(new Verdict($"the 1.5 s budget ran out during the query, yet the request timed out only at {slow.At.TotalSeconds:0.0} s.")
                .Printed(run)
                .Cause(string.Format(System.Globalization.CultureInfo.InvariantCulture, StepProbe.Cause, stepEnded))
                .Fix(StepProbe.Fix));
        }
        if (run.Outcome == LoopOutcome.Completed && run.Lines.FirstOrDefault(l => l.Text == "r timed out") is { } cut && cut.At > TimeSpan.FromSeconds(1.5))
        {
            Judge.Fail(new Verdict($"the 1.5 s budget was for the three steps together, but the request timed out at {cut.At.TotalSeconds:0.0} s.")
                .Printed(run)
                .Cause("each step got a budget of its own (a timeout per await), so the 2 s query was cut at 1.5 s into it.")
                .Fix("one source for the whole request, made before the first step; every step gets its token."));
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
        Judge.That(!run.Output.Contains("r served", StringComparison.Ordinal), () => new Verdict("the caller cancelled at 2 s, yet the request went on and was served.")
            .Printed(run)
            .Cause("the steps never got the caller's token: only the request's own budget reached them.")
            .Fix(BudgetOnTheClock));
        Judge.That(!run.Output.Contains("r timed out", StringComparison.Ordinal), () => new Verdict($"the caller cancelled at 2 s, and the request printed \"r timed out\" (its own budget: {budgetSeconds} s).")
            .Printed(run)
            .Cause("the catch takes every OperationCanceledException as this request's timeout.")
            .Fix("catch it only when the budget's source was cancelled and the caller's token was not (catch ... when (...)); the caller's cancellation must go on up."));
        Judge.Equal(handling!.Status, TaskStatus.Canceled, "cancelled by its caller, HandleAsync must end Canceled, so that the caller sees it.");
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "the request must stop when the caller cancels (2 s).",
            StepProbe.EndOfAStepCancelledAtOneSecond() is not null ? StepProbe.Fix : null);
    }

    [Test]
    public void Program_SecondRequestTimesOut_TheDeadlineStopsTheThird()
    {
        var run = KataLoop.Run(io => Deadlines.RunAsync(io.Out, io.Time));
        RealClock(run);
        if (run.Output.Contains("third timed out", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict("the run's 7 s deadline stopped the third request, which printed \"third timed out\" as if its own 5 s budget had run out.")
                .Printed(run)
                .Fix("in HandleAsync, print \"timed out\" only for the request's own budget and let the caller's cancellation go on; RunAsync catches it and prints \"out of time\"."));
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
            Judge.Fail(new Verdict($"a request ended, but work was still on the clock when the program returned ({run.Detail}).")
                .Printed(run)
                .Evidence($"a request whose 1.5 s budget ran out went on with its steps after it printed \"timed out\" ({went}).")
                .Cause("the wait was given up (WaitAsync(timeout, time), or a race against Task.Delay), but nothing cancelled the work: WaitAsync stops the waiting, not the work.")
                .Fix("cancel the steps themselves: give them the token of a source that the budget cancels."));
        }
        if (!HandleLeavesATimer())
        {
            Judge.Fail(new Verdict($"the program returned while work was still on the clock ({run.Detail}).")
                .Printed(run)
                .Evidence("HandleAsync alone leaves no timer behind (served in time, or cancelled by its caller), so each budget's source is disposed.")
                .Cause("the run's deadline stopped the waiting for a request (WaitAsync, or a race against Task.Delay), not the request: its steps went on.")
                .Fix("give the requests the deadline's token: new CancellationTokenSource(deadline, time), and pass its Token to each HandleAsync."));
        }
        Judge.Fail(new Verdict($"a request ended, but a budget's timer was still on the clock when the program returned ({run.Detail}).")
            .Printed(run)
            .Fix("dispose each CancellationTokenSource when its request ends (using var): that takes its timer off the clock."));
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
        return timedOut >= 0 && timedOut + 1 < lines.Count ? $"\"{lines[timedOut + 1].Text}\" at {lines[timedOut + 1].At.TotalSeconds:0.0} s" : null;
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
            Judge.Fail(new Verdict($"\"{request}\"'s budget ran out at {budgetEnds:0.0} s, but nothing stopped its steps.")
                .Printed(run)
                .Cause(string.Format(System.Globalization.CultureInfo.InvariantCulture, StepProbe.Cause, stepEnded))
                .Fix(StepProbe.Fix));
        }
        Judge.Fail(new Verdict($"\"{request}\"'s budget ran out at {budgetEnds:0.0} s, but nothing stopped its steps.")
            .Printed(run)
            .Causes("the budget is timed on the real clock: CancelAfter on a source made without the clock (new CancellationTokenSource(), " +
                    "CreateLinkedTokenSource) waits for real seconds, and the virtual run is over long before,",
                    "the steps do not get the budget's token.")
            .Fix(BudgetOnTheClock));
    }

    /// <summary>A budget or deadline timed on the real clock, which the virtual loop cannot move.</summary>
    private static void RealClock(LoopRun run)
    {
        if (run.Outcome != LoopOutcome.RealClockWait) return;
        Judge.Fail(new Verdict($"a budget or deadline was timed on the real clock ({run.Detail}).")
            .Cause("a CancellationTokenSource made without the clock (new CancellationTokenSource(), CreateLinkedTokenSource) times CancelAfter on the real clock.")
            .Fix(BudgetOnTheClock));
    }
}
