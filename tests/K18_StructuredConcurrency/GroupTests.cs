using AsyncKatas.K18_StructuredConcurrency;

namespace AsyncKatas.Tests.K18_StructuredConcurrency;

[Category("K18")]
public class GroupTests
{
    private const string WhyAggregate =
        "keep the Task.WhenAll task and, when it failed, throw its Exception: an AggregateException whose InnerExceptions are every failure " +
        "(await rethrows only the first).";

    private const string CancelledOnEveryEnd =
        "the group's token is cancelled whenever a job ends (a Cancel() in a finally, or after the await), not only when one fails.";

    private const string CancelOnlyOnFailure =
        "cancel the group only where a job failed: catch (Exception e) when (e is not OperationCanceledException) { group.Cancel(); throw; }.";

    [Test]
    public void Fetch_CancelledDuringItsSleep_SaysSo_AndEndsCanceled()
    {
        Task<string>? fetch = null;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time);
            fetch = Group.FetchAsync("prices", 3, fail: false, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(fetch);
        });
        AssertCompleted(run);
        Judge.Equal(fetch!.Status, TaskStatus.Canceled, "FetchAsync, cancelled during its sleep, must end Canceled (as asyncio's task does).",
            "print \"cancelled {name}\" in a catch (OperationCanceledException) and rethrow it with throw;.");
        VerifyRun(run, timeline: [0, 1], total: 1);
    }

    [Test]
    public void Fetch_ThatFails_ThrowsAfterItsSleep_AndPrintsNoDone()
    {
        Exception? thrown = null;
        var run = KataLoop.Run(async io =>
        {
            try { await Group.FetchAsync("orders", 2, fail: true, io.Out, io.Time, CancellationToken.None); }
            catch (Exception e) when (e is not NotImplementedException) { thrown = e; }
        });
        AssertCompleted(run);
        Judge.That(thrown is InvalidOperationException { Message: "orders failed" }, () => new Verdict(
                $"FetchAsync(\"orders\", fail: true) must throw InvalidOperationException(\"orders failed\"); it {(thrown is null ? "threw nothing" : $"threw {thrown.GetType().Name}(\"{thrown.Message}\")")}.")
            .Printed(run));
        VerifyRun(run, timeline: [0], total: 2);
    }

    [Test]
    public void Group_AllSucceed_ResultsInJobOrder_WhenTheLastEnds()
    {
        IReadOnlyList<string>? results = null;
        var run = KataLoop.Run(async io =>
        {
            results = await Group.RunAllAsync([Job(io, "a", 2), Job(io, "b", 1)], CancellationToken.None);
        });
        if (run.EndedCancelled())
        {
            Judge.Fail(new Verdict("RunAllAsync ended cancelled although no job failed and the caller never cancelled: b, a success at 1 s, " +
                                   "cancelled a, which was still running.")
                .Cause(CancelledOnEveryEnd)
                .Fix(CancelOnlyOnFailure));
        }
        AssertCompleted(run);
        Judge.Sequence(results!, ["a", "b"], "RunAllAsync must return every job's result, in the order of the jobs.");
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "jobs of 2 s and 1 s started together all end at 2 s; the group took another virtual time.",
            "start every job before you await any (Task.WhenAll).");
    }

    [Test]
    public void Group_FirstFailure_CancelsTheOthersAtOnce_AndWaitsUntilTheyHaveStopped()
    {
        var outcome = default(Outcome);
        Task<string>? slow = null;
        var cancelledAt = TimeSpan.MinValue;
        var run = KataLoop.Run(async io =>
        {
            Func<CancellationToken, Task<string>> failing = async token =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time, token);
                throw new InvalidOperationException("boom");
            };
            Func<CancellationToken, Task<string>> cleansUp = token => slow = CleansUpWhenCancelled(io, token, at => cancelledAt = at);
            outcome = await Observe(io, Group.RunAllAsync([failing, cleansUp], CancellationToken.None));
        });
        if (run.Outcome != LoopOutcome.LeftoverWork) AssertCompleted(run); // left over: the cancelled job still cleaning up, judged below
        Judge.That(cancelledAt == TimeSpan.FromSeconds(1), () => new Verdict(cancelledAt == TimeSpan.MinValue
                ? "the other job was never cancelled: it ran its full 5 s although a job failed at 1 s."
                : $"the other job was cancelled at {cancelledAt.TotalSeconds:0.0} s, not at 1 s when the first job failed.")
            .Cause(cancelledAt == TimeSpan.MinValue ? "nothing cancels the token the jobs were given when one of them fails." : null)
            .Fix("give every job the token of one CancellationTokenSource (linked to the caller's token) and Cancel() it the moment a job fails " +
                 "(catch the failure around each job, cancel, rethrow)."));
        Judge.That(outcome.EndedAt == TimeSpan.FromSeconds(1.5), () => new Verdict(
                $"RunAllAsync ended at {outcome.EndedAt.TotalSeconds:0.0} s; the cancelled job needed until 1.5 s to stop (it cleans up for 0.5 s).")
            .Cause(outcome.EndedAt < TimeSpan.FromSeconds(1.5) ? "it returned as soon as one job failed, leaving the other still running: a group waits for every job it started." : null)
            .Fix("await Task.WhenAll of every job, and only then report the failure."));
        AssertCompleted(run);
        Judge.Equal(slow?.Status, TaskStatus.Canceled, "the cancelled job must end Canceled.");
        Failures(outcome, ["boom"], "one job failed and the other was cancelled");
    }

    [Test]
    public void Group_TwoFailuresAtTheSameMoment_BothReported_InJobOrder()
    {
        var outcome = default(Outcome);
        var run = KataLoop.Run(async io =>
        {
            outcome = await Observe(io, Group.RunAllAsync([Job(io, "x", 1, fail: true), Job(io, "y", 1, fail: true), Job(io, "z", 3)], CancellationToken.None));
        });
        AssertCompleted(run);
        Judge.Equal(outcome.EndedAt, TimeSpan.FromSeconds(1), "the group must end at 1 s, when two jobs have failed and the third is cancelled.",
            "cancel the group's token the moment a job fails, so that the third job stops.");
        Failures(outcome, ["x failed", "y failed"], "two jobs failed at 1 s and the third was cancelled");
    }

    [Test]
    public void Group_ALaterJobFailsFirst_FailuresStillInJobOrder()
    {
        var outcome = default(Outcome);
        var run = KataLoop.Run(async io =>
        {
            // x does not stop when cancelled: it fails at 2 s, after y (the next job) failed at 1 s.
            Func<CancellationToken, Task<string>> stubborn = async _ =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2), io.Time, CancellationToken.None);
                throw new InvalidOperationException("x failed");
            };
            outcome = await Observe(io, Group.RunAllAsync([stubborn, Job(io, "y", 1, fail: true)], CancellationToken.None));
        });
        AssertCompleted(run);
        if (outcome.Thrown is AggregateException { InnerExceptions: [{ Message: "y failed" }, { Message: "x failed" }] })
        {
            Judge.Fail(new Verdict("the failures are in the order they happened (y at 1 s, then x at 2 s), not in job order (x, then y).")
                .Fix("take them from the jobs' tasks in job order: the Task.WhenAll task's Exception does that " +
                     "(its InnerExceptions follow the order of the tasks given to it)."));
        }
        Failures(outcome, ["x failed", "y failed"], "y failed at 1 s and x, which ignored the cancellation, at 2 s");
    }

    [Test]
    public void Group_CancelledFromOutside_CancelsEveryJob_AndEndsCanceled()
    {
        var outcome = default(Outcome);
        var run = KataLoop.Run(async io =>
        {
            using var caller = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time);
            outcome = await Observe(io, Group.RunAllAsync([Job(io, "a", 2), Job(io, "b", 3)], caller.Token));
        });
        AssertCompleted(run);
        Judge.That(outcome.Status == TaskStatus.Canceled && outcome.EndedAt == TimeSpan.FromSeconds(1), () => new Verdict(
                $"the caller cancelled at 1 s; RunAllAsync ended {outcome.Status} at {outcome.EndedAt.TotalSeconds:0.0} s instead of Canceled at 1 s.")
            .Cause(outcome.EndedAt > TimeSpan.FromSeconds(1) ? "the jobs' token does not follow the caller's: it is not linked to it."
                : outcome.Thrown is NullReferenceException ? "the jobs stopped at 1 s, but RunAllAsync threw NullReferenceException: every job was cancelled, none failed, " +
                  "so the Task.WhenAll task is Canceled and its Exception is null; throwing it throws null."
                : outcome.Thrown is { } other ? $"the jobs stopped at 1 s, but RunAllAsync turned the cancellation into {other.GetType().Name}(\"{other.Message}\")." : null)
            .Fix(outcome.EndedAt > TimeSpan.FromSeconds(1)
                ? "make the group's source with CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) and give its token to every job; " +
                  "let the cancellation propagate (a cancellation is not a failure)."
                : "throw the WhenAll task's Exception only when the task IsFaulted (catch when (all.IsFaulted)); a cancellation goes on up as it is (throw;)."));
    }

    [Test]
    public void Program_FirstFailureCancelsPrices_BothFailuresReported()
    {
        var run = KataLoop.Run(io => Group.RunAsync(io.Out, io.Time));
        if (run.EndedCancelled() && run.Lines.FirstOrDefault(l => l.Text.StartsWith("cancelled ", StringComparison.Ordinal)) is { } cancelled
            && run.Lines.LastOrDefault(l => l.Text.StartsWith("done ", StringComparison.Ordinal) && l.At <= cancelled.At) is { } done)
        {
            Judge.Fail(new Verdict($"the first job to end, {done.Text["done ".Length..]}, a success at {done.At.TotalSeconds:0.#} s, cancelled the others, " +
                                   "and the program ended cancelled.")
                .Printed(run)
                .Cause(CancelledOnEveryEnd)
                .Fix(CancelOnlyOnFailure));
        }
        if (run.Exception is InvalidOperationException { Message: "orders failed" })
        {
            Judge.Fail(new Verdict("the program failed with InvalidOperationException(\"orders failed\"): RunAsync must catch the group's failures and print them.")
                .Cause("RunAllAsync let await rethrow only the first failure, so catch (AggregateException) in RunAsync never saw it.")
                .Fix(WhyAggregate));
        }
        if (run.Exception is AggregateException)
        {
            Judge.Fail(new Verdict("the program ended with the group's AggregateException instead of printing the failures.")
                .Printed(run)
                .Fix("in RunAsync, catch (AggregateException failures) around RunAllAsync and print \"failed: {message}\" for each of failures.InnerExceptions, then \"main ends\"."));
        }
        if (run.Lines.FirstOrDefault(l => l.Text.StartsWith("failed: One or more errors occurred", StringComparison.Ordinal)) is { } whole)
        {
            Judge.Fail(new Verdict($"the program printed the AggregateException's own message: \"{Listing.Shorten(whole.Text)}\".")
                .Printed(run)
                .Cause("an AggregateException's Message is a summary of all its failures; each failure is one of its InnerExceptions.")
                .Fix("print \"failed: {failure.Message}\" for each failure in failures.InnerExceptions."));
        }
        if (run.Output.Contains("done prices", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict("prices ran to its end although orders and stock had failed at 2 s.")
                .Printed(run)
                .Fix("RunAllAsync must cancel the jobs' token the moment a job fails; FetchAsync must hand that token to its sleep."));
        }
        VerifyRun(run, timeline: [0, 0, 0, 0, 1, 2, 2, 2, 2], total: 2);
    }

    /// <summary>How the group ended: when, its status, and what it threw.</summary>
    private readonly record struct Outcome(TimeSpan EndedAt, TaskStatus Status, Exception? Thrown);

    private static async Task<Outcome> Observe(ProgramIO io, Task<IReadOnlyList<string>> group)
    {
        var start = io.Time.GetUtcNow();
        try { await group; }
        catch (Exception e) when (e is not NotImplementedException) { return new Outcome(io.Time.GetUtcNow() - start, group.Status, e); }
        return new Outcome(io.Time.GetUtcNow() - start, group.Status, null);
    }

    private static void Failures(Outcome outcome, string[] expected, string situation)
    {
        if (outcome.Thrown is OperationCanceledException)
        {
            Judge.Fail(new Verdict($"{situation}: RunAllAsync ended cancelled; it must throw an AggregateException with every failure.")
                .Causes("the jobs were started one after another: a job started after the group was cancelled ends cancelled at once, and that is what was awaited last,",
                        "a catch turned the failure into a cancellation.")
                .Fix("start every job before you await any (Task.WhenAll), and when the WhenAll task is faulted throw its Exception."));
            return;
        }
        if (outcome.Thrown is not AggregateException group)
        {
            Judge.Fail(new Verdict($"{situation}: RunAllAsync must throw an AggregateException with every failure; it " +
                                   (outcome.Thrown is null ? "returned normally." : $"threw {outcome.Thrown.GetType().Name}(\"{outcome.Thrown.Message}\")."))
                .Fix(WhyAggregate));
            return;
        }
        var messages = group.InnerExceptions.Select(e => $"{e.GetType().Name}: {e.Message}").ToList();
        Judge.That(!group.InnerExceptions.Any(e => e is OperationCanceledException), () => new Verdict(
                $"the AggregateException holds cancellations as well as failures: {Listing.Inline(messages)}.")
            .Fix("a cancelled job is not a failure: report only the faulted jobs' exceptions (Task.WhenAll's own Exception does that)."));
        Judge.Sequence(group.InnerExceptions.Select(e => e.Message), expected, "the AggregateException's InnerExceptions are not the failures, in job order.",
            group.InnerExceptions.Count == 1 && group.InnerExceptions[0] is AggregateException
                ? "throw the WhenAll task's Exception itself, not an AggregateException wrapped in another."
                : WhyAggregate);
    }

    private static Func<CancellationToken, Task<string>> Job(ProgramIO io, string name, int seconds, bool fail = false) => async token =>
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), io.Time, token);
        return fail ? throw new InvalidOperationException($"{name} failed") : name;
    };

    /// <summary>Sleeps 5 s; when cancelled, notes when, cleans up for 0.5 s, and ends cancelled.</summary>
    private static async Task<string> CleansUpWhenCancelled(ProgramIO io, CancellationToken token, Action<TimeSpan> cancelled)
    {
        var start = io.Time.GetUtcNow();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), io.Time, token);
            return "slow";
        }
        catch (OperationCanceledException)
        {
            cancelled(io.Time.GetUtcNow() - start);
            await Task.Delay(TimeSpan.FromSeconds(0.5), io.Time, CancellationToken.None);
            throw;
        }
    }
}
