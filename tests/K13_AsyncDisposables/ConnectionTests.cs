using AsyncKatas.K13_AsyncDisposables;

namespace AsyncKatas.Tests.K13_AsyncDisposables;

[Category("K13")]
public class ConnectionTests
{
    [Test]
    public void OpensInOneSecond_ClosesInOneSecond_ClosesOnlyOnce()
    {
        var seen = new List<(string Step, double Seconds, string State)>();
        var run = KataLoop.Run(async io =>
        {
            void Note(string step, Connection connection) => seen.Add((step, io.Time.Elapsed.TotalSeconds, connection.IsOpen ? "K13.State.Open" : "K13.State.Closed"));
            var connection = await Connection.OpenAsync(io.Time);
            Note("K13.Step.Opened", connection);
            await connection.DisposeAsync();
            Note("K13.Step.Closed", connection);
            await connection.DisposeAsync();
            Note("K13.Step.ClosedAgain", connection);
        });
        AssertCompleted(run);
        Judge.Sequence(seen.Select(Seen), [Seen("K13.Step.Opened", 1, "K13.State.Open"), Seen("K13.Step.Closed", 2, "K13.State.Closed"), Seen("K13.Step.ClosedAgain", 2, "K13.State.Closed")],
            KataText.Text("K13.LifeWrong"),
            KataText.Text("K13.Fix.Life"));
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
            Judge.That(closes.Count == 1, () => new Verdict(KataText.Format("K13.ClosedTwice", closes.Count))
                .Evidence(KataText.Format("K13.Evidence.SleepsAfterOpen", SleepRecorder.Starts(closes)))
                .Fix(KataText.Text("K13.Fix.FlagAtStart")));
            Judge.That(!openAfterwards, KataText.Text("K13.StillOpen"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K13.TwoSeconds"));
        });
    }

    /// <summary>
    /// What the test saw after a step, said on the test's thread (the program's loop runs in the invariant
    /// culture): the step and the connection's state are catalogue keys.
    /// </summary>
    internal static string Seen((string Step, double Seconds, string State) seen) =>
        KataText.Format("K13.Seen", KataText.Text(seen.Step), seen.Seconds, KataText.Text(seen.State));

    internal static string Seen(string step, double seconds, string state) => Seen((step, seconds, state));
}
