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
            Judge.Fail(new Verdict($"the program printed \"timed out\", but the second feed was still waiting for its next page ({run.Detail}).")
                .Printed(run)
                .Cause("the wait for a page was given up at the deadline (a race against Task.Delay, or WaitAsync), but the feed itself was never cancelled.")
                .Fix("cancel the feed: await foreach (var page in feed.WithCancellation(source.Token)), with source = new CancellationTokenSource(deadline, time)."));
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
        TimedLines.Check(run, "PagesAsync read to its end (the test prints \"reading\" at 2 s, then \"got …\" for each page)",
            [("reading", 2), ("got page 1", 3), ("got page 2", 4), ("got page 3", 5), ("feed closed", 5), ("loop ended", 5)],
            "make PagesAsync an async iterator (async IAsyncEnumerable<string> with yield return): its body runs only when a page is asked for, " +
            "and each page comes one second after the previous one was asked for; print \"feed closed\" in a finally.");
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
        TimedLines.Check(run, "PagesAsync left after two pages (the test breaks out of its await foreach)",
            [("got page 1", 1), ("got page 2", 2), ("feed closed", 2), ("loop left", 2)],
            "print \"feed closed\" in a finally around the loop of the iterator: leaving await foreach disposes the enumerator, " +
            "which runs that finally at once. A line after the loop runs only when the feed is read to its end.");
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
            Judge.Fail(new Verdict("the feed stopped at the cancel (1.5 s), but never printed \"feed closed\".")
                .Printed(run)
                .Cause("\"feed closed\" is printed after the loop of the iterator, which a cancellation never reaches.")
                .Fix("print \"feed closed\" in a finally around the loop of the iterator: it runs however the feed ends."));
        }
        if (lines.Contains(("the feed ended by itself", 1.5)))
        {
            Judge.Fail(new Verdict("the feed stopped at the cancel (1.5 s), but ended as if it had run out of pages: the reader saw no cancellation.")
                .Printed(run)
                .Cause("the iterator catches the OperationCanceledException of its sleep and ends normally.")
                .Fix("let the OperationCanceledException leave the iterator (no catch; \"feed closed\" in a finally still runs)."));
        }
        TimedLines.Check(run, "PagesAsync read with WithCancellation(token), the token cancelled at 1.5 s",
            [("got page 1", 1), ("feed closed", 1.5), ("cancelled", 1.5)],
            "pass the iterator's token (its [EnumeratorCancellation] parameter, where WithCancellation puts it) to its sleep, " +
            "Task.Delay(delay, time, token): the sleep then ends at the cancel, with an OperationCanceledException that runs the finally.");
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
        TimedLines.Check(run, "ReadFirstAsync(feed, 2) of a feed of ten pages, one a second (the test prints \"returned\" when it returns)",
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            "print \"read {page}\" for each page and leave the await foreach (break, or return) as soon as you have printed the wanted number; " +
            "do not ask for one page more.");
        JudgeClosed(feed, TimeSpan.FromSeconds(2), "ReadFirstAsync",
            "read with await foreach and leave it with break or return: the loop disposes the enumerator. " +
            "An enumerator you get yourself (GetAsyncEnumerator) must be disposed with await using.");
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
        TimedLines.Check(run, "ReadFirstAsync(feed, 5) of a feed of two pages",
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            "stop when the feed ends, too: await foreach ends by itself when there is no next page.");
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
            Judge.Fail(new Verdict($"ReadWithDeadlineAsync returned at the deadline, but the feed was still waiting for its next page ({run.Detail}).")
                .Printed(run)
                .Cause("the wait for a page was given up at the deadline (a race against Task.Delay, or WaitAsync), but the feed itself was never cancelled.")
                .Fix("cancel the feed: await foreach (var page in feed.WithCancellation(source.Token)), with source = new CancellationTokenSource(deadline, time)."));
        }
        TimedLines.Check(run, "ReadWithDeadlineAsync(feed, 2.5 s) of a feed of ten pages, one a second",
            [("read page 1", 1), ("read page 2", 2), ("timed out", 2.5), ("returned", 2.5)],
            "create a CancellationTokenSource(deadline, time) (on the injected clock), read with " +
            "await foreach (var page in feed.WithCancellation(source.Token)), and catch the OperationCanceledException to print \"timed out\".");
        Judge.That(feed.GotAToken, "the feed never got a token it could be cancelled with, so it could not stop its own wait at the deadline.",
            "hand the token to the feed with feed.WithCancellation(token): it reaches the iterator's [EnumeratorCancellation] parameter.");
        JudgeClosed(feed, TimeSpan.FromSeconds(2.5), "ReadWithDeadlineAsync", "read with await foreach: when the cancellation ends the loop, the enumerator is disposed.");
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
            Judge.Fail(new Verdict($"ReadWithDeadlineAsync returned, but left a timer running ({run.Detail}).")
                .Printed(run)
                .Cause("the deadline's CancellationTokenSource was not disposed: its timer stays armed until the deadline, after the reading is over.")
                .Fix("create it with using: using var source = new CancellationTokenSource(deadline, time);"));
        }
        TimedLines.Check(run, "ReadWithDeadlineAsync(feed, 10 s) of a feed of two pages",
            [("read page 1", 1), ("read page 2", 2), ("returned", 2)],
            "when the feed ends before the deadline, return at once, without \"timed out\".");
    }

    /// <summary>
    /// The first page came the moment it was asked for and the second one a second later: the iterator yields before it
    /// sleeps. (A feed that runs ahead of its reader gives the second page at once as well.)
    /// </summary>
    private static void FailIfAPageComesBeforeItsSecond(LoopRun run, string prefix, double askedAt)
    {
        if (run.Lines.FirstOrDefault(l => l.Text == $"{prefix} 1") is not { } page || page.At != TimeSpan.FromSeconds(askedAt)) return;
        if (run.Lines.FirstOrDefault(l => l.Text == $"{prefix} 2") is not { } second || second.At != TimeSpan.FromSeconds(askedAt + 1)) return;
        Judge.Fail(new Verdict($"page 1 came the moment it was asked for ({askedAt:0.#} s), not one second later.")
            .Printed(run)
            .Cause("the iterator yields a page before its sleep: each second of waiting comes after a page instead of before it.")
            .Fix("in the loop, sleep first, then yield: await Task.Delay(TimeSpan.FromSeconds(1), time, token); yield return $\"page {number}\";"));
    }

    private static void JudgeClosed(TestFeed feed, TimeSpan at, string method, string fix) =>
        Judge.That(feed.ClosedAt == at, () => new Verdict(feed.ClosedAt is { } closed
                ? $"{method} closed the feed at {TextDiff.Seconds(closed)}, not when it stopped reading ({TextDiff.Seconds(at)})."
                : $"{method} stopped reading but never closed the feed (its enumerator was not disposed, so its finally never ran).")
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
