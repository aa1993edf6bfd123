using AsyncKatas.K18_StructuredConcurrency;

namespace AsyncKatas.Tests.K18_StructuredConcurrency;

[Category("K18")]
public class GroupTests
{
    private static string WhyAggregate => KataText.Text("K18.Fix.ThrowAggregate");

    private static string CancelledOnEveryEnd => KataText.Text("K18.Cause.CancelledOnEveryEnd");

    private static string CancelOnlyOnFailure => KataText.Text("K18.Fix.CancelOnlyOnFailure");

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
        Judge.Equal(fetch!.Status, TaskStatus.Canceled, KataText.Text("K18.FetchMustEndCanceled"),
            KataText.Text("K18.Fix.PrintCancelledAndRethrow"));
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
                KataText.Format("K18.FetchMustThrow", thrown is null ? KataText.Text("K18.ThrewNothing") : KataText.Format("K18.Threw", thrown.GetType().Name, thrown.Message)))
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
            Judge.Fail(new Verdict(KataText.Text("K18.CancelledWithoutFailure"))
                .Cause(CancelledOnEveryEnd)
                .Fix(CancelOnlyOnFailure));
        }
        AssertCompleted(run);
        Judge.Sequence(results!, ["a", "b"], KataText.Text("K18.ResultsInJobOrder"));
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K18.GroupTookOtherTime"),
            KataText.Text("K18.Fix.StartEveryJobFirst"));
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
                ? KataText.Text("K18.OtherNeverCancelled")
                : KataText.Format("K18.OtherCancelledAt", cancelledAt.TotalSeconds))
            .Cause(cancelledAt == TimeSpan.MinValue ? KataText.Text("K18.Cause.NothingCancels") : null)
            .Fix(KataText.Text("K18.Fix.CancelOnFirstFailure")));
        Judge.That(outcome.EndedAt == TimeSpan.FromSeconds(1.5), () => new Verdict(
                KataText.Format("K18.EndedAt", outcome.EndedAt.TotalSeconds))
            .Cause(outcome.EndedAt < TimeSpan.FromSeconds(1.5) ? KataText.Text("K18.Cause.ReturnedEarly") : null)
            .Fix(KataText.Text("K18.Fix.WhenAllThenReport")));
        AssertCompleted(run);
        Judge.Equal(slow?.Status, TaskStatus.Canceled, KataText.Text("K18.CancelledJobMustEndCanceled"));
        Failures(outcome, ["boom"], KataText.Text("K18.Situation.OneFailedOneCancelled"));
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
        Judge.Equal(outcome.EndedAt, TimeSpan.FromSeconds(1), KataText.Text("K18.MustEndAtOne"),
            KataText.Text("K18.Fix.CancelSoThirdStops"));
        Failures(outcome, ["x failed", "y failed"], KataText.Text("K18.Situation.TwoFailedAtOnce"));
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
            Judge.Fail(new Verdict(KataText.Text("K18.FailuresInTimeOrder"))
                .Fix(KataText.Text("K18.Fix.JobOrder")));
        }
        Failures(outcome, ["x failed", "y failed"], KataText.Text("K18.Situation.LaterJobFailsFirst"));
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
                KataText.Format("K18.CallerCancelled", outcome.Status, outcome.EndedAt.TotalSeconds))
            .Cause(outcome.EndedAt > TimeSpan.FromSeconds(1) ? KataText.Text("K18.Cause.NotLinked")
                : outcome.Thrown is NullReferenceException ? KataText.Text("K18.Cause.ThrewNull")
                : outcome.Thrown is { } other ? KataText.Format("K18.Cause.TurnedCancellation", other.GetType().Name, other.Message) : null)
            .Fix(outcome.EndedAt > TimeSpan.FromSeconds(1)
                ? KataText.Text("K18.Fix.LinkedSource")
                : KataText.Text("K18.Fix.ThrowOnlyWhenFaulted")));
    }

    [Test]
    public void Program_FirstFailureCancelsPrices_BothFailuresReported()
    {
        var run = KataLoop.Run(io => Group.RunAsync(io.Out, io.Time));
        if (run.EndedCancelled() && run.Lines.FirstOrDefault(l => l.Text.StartsWith("cancelled ", StringComparison.Ordinal)) is { } cancelled
            && run.Lines.LastOrDefault(l => l.Text.StartsWith("done ", StringComparison.Ordinal) && l.At <= cancelled.At) is { } done)
        {
            Judge.Fail(new Verdict(KataText.Format("K18.SuccessCancelledOthers", done.Text["done ".Length..], done.At.TotalSeconds))
                .Printed(run)
                .Cause(CancelledOnEveryEnd)
                .Fix(CancelOnlyOnFailure));
        }
        if (run.Exception is InvalidOperationException { Message: "orders failed" })
        {
            Judge.Fail(new Verdict(KataText.Text("K18.FailedWithFirstFailure"))
                .Cause(KataText.Text("K18.Cause.AwaitRethrowsFirst"))
                .Fix(WhyAggregate));
        }
        if (run.Exception is AggregateException)
        {
            Judge.Fail(new Verdict(KataText.Text("K18.EndedWithAggregate"))
                .Printed(run)
                .Fix(KataText.Text("K18.Fix.CatchAggregate")));
        }
        if (run.Lines.FirstOrDefault(l => l.Text.StartsWith("failed: One or more errors occurred", StringComparison.Ordinal)) is { } whole)
        {
            Judge.Fail(new Verdict(KataText.Format("K18.PrintedAggregateMessage", Listing.Shorten(whole.Text)))
                .Printed(run)
                .Cause(KataText.Text("K18.Cause.AggregateMessage"))
                .Fix(KataText.Text("K18.Fix.PrintEachFailure")));
        }
        if (run.Output.Contains("done prices", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Text("K18.PricesRanToEnd"))
                .Printed(run)
                .Fix(KataText.Text("K18.Fix.CancelAndHandToken")));
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
            Judge.Fail(new Verdict(KataText.Format("K18.EndedCancelled", situation))
                .Causes(KataText.Text("K18.Cause.StartedOneAfterAnother"),
                        KataText.Text("K18.Cause.CatchTurnedIntoCancel"))
                .Fix(KataText.Text("K18.Fix.StartAllThrowException")));
            return;
        }
        if (outcome.Thrown is not AggregateException group)
        {
            Judge.Fail(new Verdict(KataText.Format("K18.MustThrowAggregate", situation, outcome.Thrown is null ? KataText.Text("K18.ReturnedNormally")
                    : KataText.Format("K18.Threw", outcome.Thrown.GetType().Name, outcome.Thrown.Message)))
                .Fix(WhyAggregate));
            return;
        }
        var messages = group.InnerExceptions.Select(e => $"{e.GetType().Name}: {e.Message}").ToList();
        Judge.That(!group.InnerExceptions.Any(e => e is OperationCanceledException), () => new Verdict(
                KataText.Format("K18.HoldsCancellations", Listing.Inline(messages)))
            .Fix(KataText.Text("K18.Fix.OnlyFaulted")));
        Judge.Sequence(group.InnerExceptions.Select(e => e.Message), expected, KataText.Text("K18.NotTheFailures"),
            group.InnerExceptions.Count == 1 && group.InnerExceptions[0] is AggregateException
                ? KataText.Text("K18.Fix.NotWrapped")
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
