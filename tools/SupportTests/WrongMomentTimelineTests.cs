namespace AsyncKatas.Tests.SupportTests;

/// <summary>A failure whose lines came at the wrong moments shows the run's lanes in its message (what `dotnet test` prints).</summary>
[Category("Support")]
public class WrongMomentTimelineTests
{
    [Test]
    public void Lines_at_the_wrong_moments_carry_the_run_s_timeline()
    {
        // Two workers that should take turns each second; worker 2 sleeps two seconds instead.
        var run = KataLoop.Run(KataCatalog.Get("K01"), io => Task.WhenAll(Worker(io, 1, 1), Worker(io, 2, 2)));
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);

        var message = KataVerifierTests.TestFailureMessage(() => VerifyRun(run, timeline: [0, 0, 1, 1], total: 2));
        TestContext.Out.WriteLine(message);
        Assert.That(message, Does.Contain("the right lines, printed at the wrong virtual times")
            .And.Contain("Your run's timeline")
            .And.Match(@"Worker\(1, 1\) +●─+●─+●")
            .And.Match(@"Worker\(2, 2\) +●─+●─+●"));
    }

    private static async Task Worker(ProgramIO io, int number, int seconds)
    {
        for (var i = 0; i < 2; i++)
        {
            io.Out.WriteLine(number);
            await Task.Delay(TimeSpan.FromSeconds(seconds), io.Time);
        }
    }
}
