using AsyncKatas.K13_AsyncDisposables;

namespace AsyncKatas.Tests.K13_AsyncDisposables;

[Category("K13")]
public class DatabaseTests
{
    [Test]
    public void TheArticlesQuery_OnAConnectionOpenedAndClosedForIt()
    {
        var run = KataLoop.Run(io => Database.RunAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [1], total: 2);
    }

    [Test]
    public void TheBody_RunsOnAnOpenConnection_ThatIsClosedWhenItReturns()
    {
        var seen = new List<string>();
        var run = KataLoop.Run(async io =>
        {
            Connection? used = null;
            await Database.WithConnectionAsync(async connection =>
            {
                used = connection;
                seen.Add($"body at {io.Time.Elapsed.TotalSeconds:0.0##} s: {(connection.IsOpen ? "open" : "closed")}");
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            }, io.Time);
            seen.Add($"returned at {io.Time.Elapsed.TotalSeconds:0.0##} s: {(used is null ? "no body" : used.IsOpen ? "open" : "closed")}");
        });
        AssertCompleted(run);
        Judge.Sequence(seen, ["body at 1.0 s: open", "returned at 3.0 s: closed"], "what the test saw in the body and after WithConnectionAsync returned is wrong.",
            "open the connection (1 s), run the body with it (here 1 s), close it (1 s), and only then return.");
    }

    [Test]
    public void AFailingBody_StillClosesTheConnection_AndItsExceptionReachesTheCaller()
    {
        var failure = new InvalidOperationException("the query failed");
        Connection? used = null;
        Exception? caught = null;
        TimeSpan? caughtAt = null;
        var openWhenCaught = false;
        var run = KataLoop.Run(async io =>
        {
            try
            {
                await Database.WithConnectionAsync(async connection =>
                {
                    used = connection;
                    await connection.DoSomethingAsync();
                    throw failure;
                }, io.Time);
            }
            catch (Exception e) when (e is not NotImplementedException) // a stub not written yet: let the loop say so
            {
                (caught, caughtAt, openWhenCaught) = (e, io.Time.Elapsed, used?.IsOpen ?? false);
            }
        });

        if (run.Outcome == LoopOutcome.LoopBlocked)
        {
            Judge.Fail(new Verdict($"the loop thread was blocked ({run.Detail}) while the connection was in use.")
                .Causes("a synchronous Dispose() (using instead of await using) that waits with .Wait() or .Result on the loop it needs,",
                        "a .Wait() or .Result on the body or on OpenAsync.")
                .Fix("close it asynchronously (await using, or await DisposeAsync()) and await everything else."));
        }
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Judge.Fail(new Verdict($"the program ended while work was still pending ({run.Detail}).")
                .Causes("when the body failed, the closing of the connection was started but not awaited: the exception reached the caller " +
                        "while the connection was still closing,",
                        "another task started in Database or Connection and never awaited.")
                .Fix("await the close before the exception leaves WithConnectionAsync (await using, or try/finally with await DisposeAsync())."));
        }
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.That(caught is not null, () => new Verdict("the body threw, but WithConnectionAsync returned normally: the exception was swallowed.")
                .Fix("close the connection and let the exception go on to the caller (await using, or try/finally without a catch)."));
            if (caught is null) return;
            Judge.That(ReferenceEquals(caught, failure), $"the caller must get the body's own exception, not {caught.GetType().Name}: {caught.Message}",
                "let the body's exception through as it is: no catch that wraps or replaces it.");
            Judge.That(!openWhenCaught, () => new Verdict($"the exception reached the caller at {caughtAt?.TotalSeconds:0.0##} s with the connection still open.")
                .Cause("a body that throws skipped the close.")
                .Fix("close it whatever happens (await using, or try/finally)."));
            Judge.Equal(caughtAt, TimeSpan.FromSeconds(2), "open (1 s), a body that fails at once, close (1 s): the exception should reach the caller at 2 s.");
        });
    }
}
