namespace AsyncKatas.Tests.SupportTests;

/// <summary>The kata verifier names what went wrong in a run, beyond a plain text diff.</summary>
[Category("Support")]
public class KataVerifierTests
{
    [Test]
    public void ConfigureAwait_false_that_breaks_the_order_is_named_in_the_diff()
    {
        // Worker 2 leaves the loop: at each second its continuation runs inline in the timer callback,
        // before worker 1's continuation, which waits its turn in the loop's queue.
        var run = KataLoop.Run(KataCatalog.Get("K01"), io => Task.WhenAll(Worker(io, 1, false), Worker(io, 2, true)));
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Take(4).Select(l => l.Text), Is.EqualTo(new[] { "1", "2", "2", "1" }));
        Assert.That(run.Lines.Where(l => l.OutsideLoop).Select(l => l.Text), Is.All.EqualTo("2").And.Not.Empty);

        var message = TestFailureMessage(() => VerifyRun(run, timeline: [0, 0, 1, 1], total: 2));
        Assert.That(message, Does.Contain("ConfigureAwait(false)").And.Contain("(printed outside the loop)"));

        static async Task Worker(ProgramIO io, int number, bool leaveTheLoop)
        {
            for (var i = 0; i < 2; i++)
            {
                io.Out.WriteLine(number);
#pragma warning disable CA2007 // the mistake under test
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time).ConfigureAwait(!leaveTheLoop);
#pragma warning restore CA2007
            }
        }
    }

    /// <summary>Runs an assertion that must fail and returns its message, without failing this test.</summary>
    internal static string TestFailureMessage(Action assertion)
    {
        using (new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext())
        {
            try
            {
                assertion();
            }
            catch (AssertionException e)
            {
                return e.Message;
            }
        }
        Assert.Fail("The assertion was expected to fail.");
        return "";
    }
}
