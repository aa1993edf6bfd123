using AsyncKatas.K13_AsyncDisposables;

namespace AsyncKatas.Tests.K13_AsyncDisposables;

[Category("K13")]
public class ConnectionTests
{
    [Test]
    public void OpensInOneSecond_ClosesInOneSecond_ClosesOnlyOnce()
    {
        var seen = new List<string>();
        var run = KataLoop.Run(async io =>
        {
            void Note(string what, Connection connection) => seen.Add($"{what} at {io.Time.Elapsed.TotalSeconds:0.0##} s: {(connection.IsOpen ? "open" : "closed")}");
            var connection = await Connection.OpenAsync(io.Time);
            Note("opened", connection);
            await connection.DisposeAsync();
            Note("closed", connection);
            await connection.DisposeAsync();
            Note("closed again", connection);
        });
        AssertCompleted(run);
        Judge.Sequence(seen, ["opened at 1.0 s: open", "closed at 2.0 s: closed", "closed again at 2.0 s: closed"],
            "the connection's life (what the test saw after each step) is wrong.",
            "OpenAsync takes one virtual second and hands out an open connection; DisposeAsync takes one more second and " +
            "leaves it closed; closing a closed connection does nothing (no second sleep, no exception).");
    }

    [Test]
    public void ASecondClose_StartedWhileTheFirstIsInProgress_DoesNotCloseAgain()
    {
        SleepRecorder? clock = null;
        var openAfterwards = true;
        var run = KataLoop.Run(async io =>
        {
            clock = new SleepRecorder(io.Time);
            var connection = await Connection.OpenAsync(clock);
            var first = connection.DisposeAsync().AsTask();
            var second = connection.DisposeAsync().AsTask(); // the first close is still sleeping
            await second;
            await first;
            openAfterwards = connection.IsOpen;
        });
        AssertCompleted(run);
        var closes = clock!.Sleeps.Where(s => s.StartedAt >= TimeSpan.FromSeconds(1)).ToList();
        Judge.All(() =>
        {
            Judge.That(closes.Count == 1, () => new Verdict(
                    $"two closes, the second started while the first was still in progress, slept {closes.Count} time(s): the connection was closed {closes.Count} times.")
                .Evidence($"sleeps after the open started at {SleepRecorder.Starts(closes)}")
                .Fix("remember that closing has begun before the first await of DisposeAsync (set a flag at its start); a close that finds it set does nothing, not even sleep."));
            Judge.That(!openAfterwards, "after both closes had ended, the connection was still open.");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "open (1 s) and one close (1 s) take two virtual seconds; the run took another time.");
        });
    }
}
