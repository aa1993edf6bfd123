using AsyncKatas.K03_AwaitChains;

namespace AsyncKatas.Tests.K03_AwaitChains;

[Category("K03")]
public class AwaitChainsTests
{
    [Test]
    public void Others_PrintsStartAndEnd_TwoSecondsApart_AndReturnsItsValue()
    {
        string? result = null;
        var run = KataLoop.Run("K03", async io => result = await AwaitChains.OthersAsync(io.Out, io.Time));

        VerifyRun(run, timeline: [0, 2], total: 2);
        Assert.That(result, Is.EqualTo("返回值"), "OthersAsync must return \"返回值\" (the value the caller prints).");
    }

    [Test]
    public void Nested_CallerWaitsForTheNestedResult()
    {
        var run = KataLoop.Run("K03", io => AwaitChains.NestedAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 2, 2], total: 2);
    }

    [Test]
    public void TwoAwaits_PrintBothResults_FourSecondsInAll()
    {
        var run = KataLoop.Run("K03", io => AwaitChains.TwoAwaitsAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 2, 2, 2, 4, 4], total: 4);
    }

    [Test]
    public void TwoAwaits_SecondCallStartsOnlyWhenTheFirstHasReturned()
    {
        var run = KataLoop.Run("K03", io => AwaitChains.TwoAwaitsAsync(io.Out, io.Time));

        AssertCompleted(run);
        var starts = run.Lines.Where(l => l.Text == "start").Select(l => l.At.TotalSeconds).ToList();
        var firstResult = run.Lines.FirstOrDefault(l => l.Text.StartsWith("response_1", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(starts, Is.EqualTo(new[] { 0.0, 2.0 }),
                "the two OthersAsync calls should start at 0 s and 2 s: await the first call (and print its result) before you make the second.");
            Assert.That(firstResult?.At.TotalSeconds, Is.EqualTo(2.0),
                "response_1's result should be printed at 2 s, as soon as the first call returns, before the second call starts.");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(4)),
                "two awaits in a row take 2 s + 2 s: the second sleep begins only when the first has ended.");
        });
    }
}
