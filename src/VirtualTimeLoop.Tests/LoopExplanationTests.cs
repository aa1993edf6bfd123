using System.Runtime.CompilerServices;

namespace VirtualTimeLoop.Tests;

/// <summary>A run's explanation is data (observed, evidence, causes, fix, location); its text is rendered from those fields.</summary>
public class LoopExplanationTests
{
    [Test]
    public void A_failed_program_is_located_at_the_line_that_threw()
    {
        var line = 0;
        var run = VirtualLoop.Run(async io =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            line = Line(); throw new InvalidOperationException("no stock");
        }, Budgets.Short);

        var explanation = run.Explanation;
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.ProgramFailed));
            Assert.That(explanation.Observed, Is.EqualTo(LoopOutcome.ProgramFailed));
            Assert.That(LoopText.Observed(explanation), Is.EqualTo("the program failed with InvalidOperationException: no stock"));
            Assert.That(explanation.Location, Is.EqualTo(new SourceLocation(ThisFile().Replace('\\', '/'), line)));
            Assert.That(explanation.Fix, Is.EqualTo(LoopFix.CatchExpectedException));
            Assert.That(explanation.Causes, Is.Empty);
        });
    }

    [Test]
    public void Causes_the_evidence_cannot_tell_apart_are_listed_as_possible()
    {
        var run = VirtualLoop.Run(async io => await new TaskCompletionSource().Task, Budgets.Short);

        var explanation = run.Explanation;
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.NeverCompletes));
        Assert.That(explanation.Causes, Has.Count.GreaterThan(1));
        Assert.That(explanation.Causes, Does.Contain(LoopCause.UncompletedTaskCompletionSource).And.Contain(LoopCause.OtherClockTimer));
        Assert.That(LoopText.Cause(LoopCause.OtherClockTimer), Does.Contain("another TimeProvider"));
        Assert.That(run.ExplainOutcome(), Does.Contain("\n  Possible causes (each fits what was observed):\n    - awaiting a TaskCompletionSource"));
    }

    [Test]
    public void The_text_is_rendered_from_the_fields_in_order()
    {
        var run = VirtualLoop.Run(async io => await Task.Delay(TimeSpan.FromHours(25), io.Time), Budgets.Short);

        var e = run.Explanation;
        Assert.That(e.Causes, Has.Count.EqualTo(1));
        Assert.That(e.Evidence, Is.EqualTo(new SleepPastHorizon(TimeSpan.FromHours(25), TimeSpan.FromHours(24), TimeSpan.FromHours(25), TimeSpan.Zero)));
        Assert.That(run.ExplainOutcome(), Is.EqualTo($"{LoopText.Observed(e)}\n  Likely cause: {LoopText.Cause(e.Causes[0])}\n  Fix: {LoopText.Fix(e.Fix!.Value)}"));
        Assert.That(run.Explain(), Is.EqualTo($"program: {run.ExplainOutcome()}"));
    }

    [Test]
    public void One_sleep_past_the_horizon_is_its_own_outcome_and_many_sleeps_are_not()
    {
        var one = VirtualLoop.Run(async io => await Task.Delay(TimeSpan.FromHours(2), io.Time), Budgets.Short with { Horizon = TimeSpan.FromHours(1) });
        var many = VirtualLoop.Run(async io =>
        {
            while (true) await Task.Delay(TimeSpan.FromMinutes(10), io.Time);
        }, Budgets.Short with { Horizon = TimeSpan.FromHours(1) });

        Assert.That(one.Outcome, Is.EqualTo(LoopOutcome.SleepPastHorizon), one.Explain);
        Assert.That(many.Outcome, Is.EqualTo(LoopOutcome.HorizonReached), many.Explain);
    }

    [Test]
    public void Leftovers_are_counted_by_kind()
    {
        var run = VirtualLoop.Run(io =>
        {
            FireAndForget(io);
            _ = Task.Delay(TimeSpan.FromSeconds(3), io.Time);
            return Task.CompletedTask;
        }, Budgets.Short);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.LeftoverWork), run.Explain);
        Assert.That(run.Leftovers, Is.Not.Null);
        Assert.That(run.Leftovers!.AsyncVoidMethods, Is.EqualTo(1));
        Assert.That(run.Leftovers.TimerDueTimes, Is.EqualTo(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3) }));
        Assert.That(run.Leftovers.Jobs, Is.Zero);
        Assert.That(run.Explanation.Causes, Is.EqualTo(new[] { LoopCause.LeftoverAsyncVoid, LoopCause.LeftoverTimer }));
        Assert.That(run.Evidence, Is.TypeOf<WorkLeftPending>());
    }

    [Test]
    public void A_completed_run_has_nothing_to_fix()
    {
        var run = VirtualLoop.Run(async io => await Task.Delay(TimeSpan.FromSeconds(1), io.Time));

        Assert.That(run.Explanation.Fix, Is.Null);
        Assert.That(run.Explanation.Causes, Is.Empty);
        Assert.That(run.Leftovers, Is.Null);
    }

    private static async void FireAndForget(LoopEnvironment io) => await Task.Delay(TimeSpan.FromSeconds(2), io.Time);

    private static int Line([CallerLineNumber] int line = 0) => line;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
