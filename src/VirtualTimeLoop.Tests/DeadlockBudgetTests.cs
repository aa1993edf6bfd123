namespace VirtualTimeLoop.Tests;

/// <summary>
/// <see cref="LoopOptions.DeadlockBudget"/>: a wait that nothing else of the run can end (the loop thread inside a step,
/// or the worker holding the turn, with no other worker holding it and no shared-pool work) is stuck after that
/// budget, not after <see cref="LoopOptions.WaitBudget"/>. Each test sets a WaitBudget of an hour, so that only the
/// deadlock budget can end the run; without it, the run would end on the wall budget instead (WallTimeExceeded).
/// </summary>
public class DeadlockBudgetTests
{
    private static readonly LoopOptions OnlyTheDeadlockBudget = LoopOptions.Default with
    {
        WaitBudget = TimeSpan.FromHours(1),
        BusyBudget = TimeSpan.FromHours(1),
        WallBudget = TimeSpan.FromSeconds(20),
    };

    [Test]
    public void Result_on_the_loop_thread_of_a_job_on_the_loops_threads_is_stuck_without_the_wait_budget()
    {
        // Nothing of the run can end this wait: the job starts only after the step.
        var run = VirtualLoop.Run("deadlock", io =>
        {
            var job = Task.Factory.StartNew(() => 42, CancellationToken.None, TaskCreationOptions.None, io.Threads);
#pragma warning disable VSTHRD002 // the mistake under test
            _ = job.Result;
#pragma warning restore VSTHRD002
            return Task.CompletedTask;
        }, OnlyTheDeadlockBudget);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.LoopBlocked), run.Explain());
        Assert.That(run.Explain(), Does.Contain(".Result"));
    }

    [Test]
    public void A_worker_waiting_for_a_job_queued_after_it_is_stuck_without_the_wait_budget()
    {
        var run = VirtualLoop.Run("deadlock", io => Task.Factory.StartNew(() =>
        {
            // The second job waits for the turn this one holds.
            var inner = Task.Factory.StartNew(() => 42, CancellationToken.None, TaskCreationOptions.None, io.Threads);
#pragma warning disable VSTHRD002 // the mistake under test
            return inner.Result;
#pragma warning restore VSTHRD002
        }, CancellationToken.None, TaskCreationOptions.None, io.Threads), OnlyTheDeadlockBudget);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.WorkerBlocked), run.Explain());
    }
}
