using AsyncKatas.K22_SignalsAndLocks;

namespace AsyncKatas.Tests.K22_SignalsAndLocks;

[Category("K22")]
public class SignalsAndLocksTests
{
    [Test]
    public void ThreeWorkersWaitForOneSignal_ThenTwoDepositsTakeTurns()
    {
        var run = KataLoop.Run(io => SignalsAndLocks.RunAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [1, 1, 1, 1, 2, 3, 3], total: 3);
    }
}
