using System.Runtime.CompilerServices;
using AsyncKatas.K21_AsyncStreams;

namespace AsyncKatas.Tests.K21_AsyncStreams;

[Category("K21")]
public class FeedTests
{
    [Test]
    public void ThreePages_ThenAFeedWithADeadline()
    {
        var run = KataLoop.Run(io => Feed.RunAsync(io.Out, io.Time));
        FailIfAPageComesBeforeItsSecond(run, "read page", askedAt: 0);
        if (run.Outcome == LoopOutcome.LeftoverWork && run.Output.Contains("timed out", StringComparison.Ordinal)
            && run.Lines.Count(l => l.Text == "feed closed") < 2)
        {
            Judge.Fail(new Verdict(KataText.Format("K21.StillWaitingAfterTimedOut", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K21.Cause.WaitGivenUp"))
                .Fix(KataText.Text("K21.Fix.CancelTheFeed")));
        }
        VerifyRun(run, timeline: [1, 2, 3, 3, 4, 5, 5.5, 5.5], total: 5.5);
    }

    [Test]
    public void Pages_ComeOneASecond_OnlyOnceAskedFor_AndTheFeedClosesAtItsEnd()
    {
        var run = KataLoop.Run(async io =>
        {
            var pages = Feed.PagesAsync(3, io.Out, io.Time);
            await Task.Delay(TimeSpan.FromSeconds(2), io.Time); // nobody reads yet: nothing may happen
            io.Out.WriteLine("reading");
            await foreach (var page in pages) io.Out.WriteLine($"got {page}");
            io.Out.WriteLine("loop ended");
        });
        FailIfAPageComesBeforeItsSecond(run, "got page", askedAt: 2);
        TimedLines.Check(run, KataText.Text("K21.Situation.ReadToEnd"),
            [("reading", 2), ("got page 1", 3), ("got page 2", 4), ("got page 3", 5), ("feed closed", 5), ("loop ended", 5)],
            KataText.Text("K21.Fix.AsyncIterator"));
    }

    [Test]
    public void Pages_LeftEarly_CloseTheFeedAtOnce()
    {
        var run = KataLoop.Run(async io =>
        {
            await foreach (var page in Feed.PagesAsync(10, io.Out, io.Time))
            {
                io.Out.WriteLine($"got {page}");
                if (page == "page 2") break;
            }
            io.Out.WriteLine("loop left");
        });
        TimedLines.Check(run, KataText.Text("K21.Situation.LeftAfterTwo"),
            [("got page 1", 1), ("got page 2", 2), ("feed closed", 2), ("loop left", 2)],
            KataText.Text("K21.Fix.FinallyAroundLoop"));
    }

    [Test]
    public void Pages_StopAtTheTokenOfWithCancellation()
    {
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5), io.Time);
            try
            {
                await foreach (var page in Feed.PagesAsync(10, io.Out, io.Time).WithCancellation(cancel.Token)) io.Out.WriteLine($"got {page}");
                io.Out.WriteLine("the feed ended by itself");
            }
            catch (OperationCanceledException)
            {
                io.Out.WriteLine("cancelled");
            }
        });
        var lines = run.Lines.Select(l => (l.Text, l.At.TotalSeconds)).ToList();
        if (lines.Contains(("got page 1", 1)) && !lines.Any(l => l.Text == "got page 2") && !lines.Any(l => l.Text == "feed closed"))
        {
            Judge.Fail(new Verdict(KataText.Text("K21.NoFeedClosed"))
                .Printed(run)
                .Cause(KataText.Text("K21.Cause.ClosedAfterLoop"))
                .Fix(KataText.Text("K21.Fix.FinallyRunsAlways")));
        }
        if (lines.Contains(("the feed ended by itself", 1.5)))
        {
            Judge.Fail(new Verdict(KataText.Text("K21.EndedAsIfOutOfPages"))
                .Printed(run)
                .Cause(KataText.Text("K21.Cause.CatchesCancel"))
                .Fix(KataText.Text("K21.Fix.LetCancelLeave")));
        }
        TimedLines.Check(run, KataText.Text("K21.Situation.WithCancellation"),
            [("got page 1", 1), ("feed closed", 1.5), ("cancelled", 1.5)],
            KataText.Text("K21.Fix.TokenToSleep"));
    }

    [Test]
    public void ReadFirst_StopsAfterTheWantedPages_AndClosesTheFeed()
    {
        var feed = new TestFeed(10);
        var run = KataLoop.Run(async io =>
        {
            await Feed.ReadFirstAsync(feed.Pages(io), 2, io.Out);
            io.Out.WriteLine("returned");
        });
        TimedLines.Check(run, KataText.Text("K21.Situation.ReadFirstTwo"),
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            KataText.Text("K21.Fix.LeaveAfterWanted"));
        JudgeClosed(feed, TimeSpan.FromSeconds(2), "ReadFirstAsync",
            KataText.Text("K21.Fix.BreakDisposes"));
    }

    [Test]
    public void ReadFirst_OfAShortFeed_ReadsWhatThereIs()
    {
        var feed = new TestFeed(2);
        var run = KataLoop.Run(async io =>
        {
            await Feed.ReadFirstAsync(feed.Pages(io), 5, io.Out);
            io.Out.WriteLine("returned");
        });
        TimedLines.Check(run, KataText.Text("K21.Situation.ReadFirstOfShort"),
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            KataText.Text("K21.Fix.StopAtEnd"));
    }

    [Test]
    public void ReadWithDeadline_CancelsTheFeedAtTheDeadline()
    {
        var feed = new TestFeed(10);
        var run = KataLoop.Run(async io =>
        {
            await Feed.ReadWithDeadlineAsync(feed.Pages(io), TimeSpan.FromSeconds(2.5), io.Out, io.Time);
            io.Out.WriteLine("returned");
        });
        if (run.Outcome == LoopOutcome.LeftoverWork && !feed.GotAToken && feed.ClosedAt is null)
        {
            Judge.Fail(new Verdict(KataText.Format("K21.ReturnedButFeedWaiting", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K21.Cause.WaitGivenUp"))
                .Fix(KataText.Text("K21.Fix.CancelTheFeed")));
        }
        TimedLines.Check(run, KataText.Text("K21.Situation.Deadline"),
            [("read page 1", 1), ("read page 2", 2), ("timed out", 2.5), ("returned", 2.5)],
            KataText.Text("K21.Fix.DeadlineSource"));
        Judge.That(feed.GotAToken, KataText.Text("K21.NoToken"),
            KataText.Text("K21.Fix.WithCancellation"));
        JudgeClosed(feed, TimeSpan.FromSeconds(2.5), "ReadWithDeadlineAsync", KataText.Text("K21.Fix.CancelDisposes"));
    }

    [Test]
    public void ReadWithDeadline_OfAFeedThatEndsFirst_LeavesNoTimerBehind()
    {
        var feed = new TestFeed(2);
        var run = KataLoop.Run(async io =>
        {
            await Feed.ReadWithDeadlineAsync(feed.Pages(io), TimeSpan.FromSeconds(10), io.Out, io.Time);
            io.Out.WriteLine("returned");
        });
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Judge.Fail(new Verdict(KataText.Format("K21.TimerLeft", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K21.Cause.SourceNotDisposed"))
                .Fix(KataText.Text("K21.Fix.UsingSource")));
        }
        TimedLines.Check(run, KataText.Text("K21.Situation.DeadlineOfShort"),
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            KataText.Text("K21.Fix.ReturnAtOnce"));
    }

    /// <summary>
    /// The first page came the moment it was asked for and the second one a second later: the iterator yields before it
    /// sleeps. (A feed that runs ahead of its reader gives the second page at once as well.)
    /// </summary>
    private static void FailIfAPageComesBeforeItsSecond(LoopRun run, string prefix, double askedAt)
    {
        if (run.Lines.FirstOrDefault(l => l.Text == $"{prefix} 1") is not { } page || page.At != TimeSpan.FromSeconds(askedAt)) return;
        if (run.Lines.FirstOrDefault(l => l.Text == $"{prefix} 2") is not { } second || second.At != TimeSpan.FromSeconds(askedAt + 1)) return;
        Judge.Fail(new Verdict(KataText.Format("K21.PageTooSoon", askedAt))
            .Printed(run)
            .Cause(KataText.Text("K21.Cause.YieldBeforeSleep"))
            .Fix(KataText.Text("K21.Fix.SleepThenYield")));
    }

    private static void JudgeClosed(TestFeed feed, TimeSpan at, string method, string fix) =>
        Judge.That(feed.ClosedAt == at, () => new Verdict(feed.ClosedAt is { } closed
                ? KataText.Format("K21.ClosedLate", method, TextDiff.Seconds(closed), TextDiff.Seconds(at))
                : KataText.Format("K21.NeverClosed", method))
            .Fix(fix));

    /// <summary>The test's own feed: "page 1" to "page {count}", one a second; it notes the token and when it was closed.</summary>
    private sealed class TestFeed(int count)
    {
        public bool GotAToken { get; private set; }
        public TimeSpan? ClosedAt { get; private set; }

        public async IAsyncEnumerable<string> Pages(ProgramIO io, [EnumeratorCancellation] CancellationToken token = default)
        {
            GotAToken |= token.CanBeCanceled;
            try
            {
                for (var number = 1; number <= count; number++)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), io.Time, token);
                    yield return $"page {number}";
                }
            }
            finally
            {
                ClosedAt = io.Time.Elapsed;
            }
        }
    }
}
