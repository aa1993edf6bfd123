namespace VirtualTimeLoop.Tests;

/// <summary>
/// The run's API: a failed run can be made to throw (an assertion from inside the program as itself,
/// anything else with the explanation), RunAsync leaves the caller's thread free and takes a
/// CancellationToken, and a program can return a value.
/// </summary>
public class RunApiTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void EnsureCompleted_returns_a_completed_run()
    {
        var run = VirtualLoop.Run(io => Task.Delay(OneSecond, io.Time));
        Assert.That(run.EnsureCompleted(), Is.SameAs(run));
    }

    [Test]
    public void An_assertion_that_fails_inside_the_program_is_rethrown_as_itself_with_its_own_stack()
    {
        var run = VirtualLoop.Run(async io =>
        {
            await Task.Delay(OneSecond, io.Time);
            // Thrown as Assert.That throws it (Assert.That would also record the failure in NUnit's
            // context, which flows into the program, and fail this test whatever EnsureCompleted does).
            throw new AssertionException("inside the program");
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.ProgramFailed));
        var thrown = Assert.Throws<AssertionException>(() => run.EnsureCompleted());
        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(run.Exception));
            Assert.That(thrown!.Message, Does.Contain("inside the program"));
            Assert.That(thrown.StackTrace, Does.Contain(nameof(An_assertion_that_fails_inside_the_program_is_rethrown_as_itself_with_its_own_stack)));
        });
    }

    [Test]
    public void Assertion_failures_of_other_frameworks_are_told_by_their_types()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AssertionFailures.Find(new Xunit.Sdk.EqualException()), Is.Not.Null, "xUnit");
            Assert.That(AssertionFailures.Find(new Xunit.Sdk.MarkedException()), Is.Not.Null, "xUnit v3's IAssertionException");
            Assert.That(AssertionFailures.Find(new IgnoreException("skip")), Is.Not.Null, "NUnit's other result states");
            Assert.That(AssertionFailures.Find(new Microsoft.VisualStudio.TestTools.UnitTesting.AssertFailedException()), Is.Not.Null, "MSTest");
            Assert.That(AssertionFailures.Find(new AggregateException(new AssertionException("x"))), Is.Not.Null, "an aggregate of one");
            Assert.That(AssertionFailures.Find(new InvalidOperationException()), Is.Null);
            Assert.That(AssertionFailures.Find(null), Is.Null);
        });
    }

    [Test]
    public void Any_other_failure_throws_a_LoopRunException_that_carries_the_explanation()
    {
        var run = VirtualLoop.Run("stuck", async io => await new TaskCompletionSource().Task, Budgets.Short);
        var thrown = Assert.Throws<LoopRunException>(() => run.EnsureCompleted());
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Is.EqualTo(run.Explain()));
            Assert.That(thrown.Message, Does.StartWith("stuck: the main task can never complete"));
            Assert.That(thrown.Run, Is.SameAs(run));
            Assert.That(thrown.InnerException, Is.Null);
        });
    }

    [Test]
    public void A_program_exception_that_is_no_assertion_is_the_inner_exception()
    {
        var run = VirtualLoop.Run(_ => throw new FormatException("bad"));
        var thrown = Assert.Throws<LoopRunException>(() => run.EnsureCompleted());
        Assert.That(thrown!.InnerException, Is.InstanceOf<FormatException>());
        Assert.That(thrown.Message, Does.Contain("FormatException: bad"));
    }

    [Test]
    public void A_program_can_return_its_value()
    {
        var run = VirtualLoop.Run(async io =>
        {
            await Task.Delay(OneSecond, io.Time);
            return io.Time.GetUtcNow();
        });
        Assert.That(run.Value, Is.EqualTo(DateTimeOffset.UnixEpoch + OneSecond));
    }

    [Test]
    public void A_run_that_did_not_complete_has_no_value()
    {
        var run = VirtualLoop.Run<int>(async io =>
        {
            _ = Task.Delay(OneSecond, io.Time); // left running
            await Task.Yield();
            return 42;
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.LeftoverWork));
        Assert.Throws<LoopRunException>(() => _ = run.Value);
    }

    [Test]
    public async Task RunAsync_runs_the_program_and_returns_its_value()
    {
        var run = await VirtualLoop.RunAsync("async", async io =>
        {
            await Task.Delay(3 * OneSecond, io.Time);
            io.Out.WriteLine("done");
            return "value";
        });
        Assert.Multiple(() =>
        {
            Assert.That(run.Value, Is.EqualTo("value"));
            Assert.That(run.Label, Is.EqualTo("async"));
            Assert.That(run.Lines.Single().At, Is.EqualTo(3 * OneSecond));
        });
    }

    [Test]
    public async Task RunAsync_returns_before_the_run_ends_and_leaves_the_caller_free()
    {
        var answer = new TaskCompletionSource<int>();
        var running = VirtualLoop.RunAsync(async io => io.Out.WriteLine(await answer.Task),
            Budgets.Short with { IdleSettle = TimeSpan.FromSeconds(30) });
        Assert.That(running.IsCompleted, Is.False, "the run waits for the caller, which must be free to answer");
        answer.SetResult(7);
        var run = await running;
        Assert.That(run.Output, Is.EqualTo("7\n"), run.Explain);
    }

    [Test]
    public async Task RunAsync_without_a_value()
    {
        var run = await VirtualLoop.RunAsync(io => Task.Delay(OneSecond, io.Time));
        Assert.That(run.EnsureCompleted().Elapsed, Is.EqualTo(OneSecond));
    }

    [Test]
    public async Task RunAsync_with_a_cancelled_token_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => VirtualLoop.RunAsync(io => Task.Delay(OneSecond, io.Time), cancellationToken: cancel.Token));
    }

    [Test]
    public void Cancelling_RunAsync_stops_a_run_that_would_wait_for_its_guards()
    {
        using var cancel = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        // Blocks the loop thread, which a guard would report only after its budget (a minute here).
        var run = VirtualLoop.RunAsync(_ =>
        {
            started.Set();
            Thread.Sleep(TimeSpan.FromMilliseconds(500)); // allowed: holds the loop while the caller cancels
            return Task.CompletedTask;
        }, LoopOptions.Default with { WaitBudget = TimeSpan.FromMinutes(1), BusyBudget = TimeSpan.FromMinutes(1) }, cancel.Token);
        Assert.That(started.Wait(TimeSpan.FromSeconds(30)), Is.True);
        cancel.Cancel();
        Assert.That(() => run, Throws.InstanceOf<OperationCanceledException>());
    }
}

/// <summary>Where a run runs: on a loop thread kept for later runs, in the caller's ExecutionContext.</summary>
public class LoopThreadTests
{
    private static readonly AsyncLocal<string?> CallersValue = new();

    [Test]
    public void Runs_one_after_another_reuse_their_loop_thread()
    {
        var threads = new HashSet<int>();
        for (var i = 0; i < 50; i++)
        {
            VirtualLoop.Run(io =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                return Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            }).EnsureCompleted();
        }
        Assert.That(threads, Has.Count.LessThanOrEqualTo(2), "a run should not need a thread of its own");
    }

    [Test]
    public void The_program_sees_the_callers_AsyncLocals_and_its_changes_stay_in_the_run()
    {
        CallersValue.Value = "the caller's";
        string? seen = null;
        VirtualLoop.Run(async io =>
        {
            seen = CallersValue.Value;
            CallersValue.Value = "the program's";
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        }).EnsureCompleted();
        Assert.That(seen, Is.EqualTo("the caller's"));
        Assert.That(CallersValue.Value, Is.EqualTo("the caller's"));
        CallersValue.Value = null;
        var next = VirtualLoop.Run(_ => Task.FromResult(CallersValue.Value)); // a reused loop thread keeps nothing of the last run
        Assert.That(next.Value, Is.Null);
    }
}
