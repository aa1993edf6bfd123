using AsyncKatas.K22_SignalsAndLocks;

namespace AsyncKatas.Tests.K22_SignalsAndLocks;

[Category("K22")]
public class AccountTests
{
    private static string LockFix => KataText.Text("K22.Fix.Lock");

    [Test]
    public void ThreeDeposits_TakeTurns_FirstComeFirstServed()
    {
        var balance = 0;
        var saves = 0;
        var run = KataLoop.Run(async io =>
        {
            var account = new Account(io.Out, _ => { saves++; return Task.Delay(TimeSpan.FromSeconds(1), io.Time); });
            await Task.WhenAll(account.DepositAsync("a", 100), account.DepositAsync("b", 50), account.DepositAsync("c", 25));
            balance = account.Balance;
        });
        FailIfStuck(run, saves, afterAFailedSave: false);
        TimedLines.Check(run, KataText.Text("K22.Situation.ThreeDeposits"),
            [("a deposited 100, balance 100", 1), ("b deposited 50, balance 150", 2), ("c deposited 25, balance 175", 3)],
            LockFix);
        Judge.Equal(balance, 175, KataText.Text("K22.BalanceWrong"), LockFix);
    }

    [Test]
    public void AFailedSave_ChangesNothing_AndLetsTheNextDepositIn()
    {
        var firstFailed = "";
        var saves = 0;
        var run = KataLoop.Run(async io =>
        {
            var account = new Account(io.Out, async _ =>
            {
                var mine = ++saves;
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
                if (mine == 1) throw new IOException("bank offline");
            });
            var first = account.DepositAsync("a", 100);
            var second = account.DepositAsync("b", 50);
            try { await first; } catch (IOException error) { firstFailed = error.Message; }
            await second;
            io.Out.WriteLine($"balance {account.Balance}");
        });
        FailIfStuck(run, saves, afterAFailedSave: true);
        TimedLines.Check(run, KataText.Text("K22.Situation.FirstSaveThrows"),
            [("b deposited 50, balance 50", 2), ("balance 50", 2)],
            KataText.Format("K22.Fix.LockAndFinally", LockFix));
        Judge.Equal(firstFailed, "bank offline", KataText.Text("K22.FailureNotReached"),
            KataText.Text("K22.Fix.DoNotCatch"));
    }

    /// <summary>Deposits that waited for ever: a lock that was never free, or one a failed save kept.</summary>
    private static void FailIfStuck(LoopRun run, int saves, bool afterAFailedSave)
    {
        if (run.Outcome != LoopOutcome.NeverCompletes) return;
        var verdict = new Verdict(saves == 0 ? KataText.Text("K22.NoDepositGotIn")
                : afterAFailedSave ? KataText.Text("K22.WaitedAfterFailedSave")
                : KataText.Format("K22.OthersWaited", saves))
            .Printed(run);
        if (saves == 0)
        {
            verdict.Cause(KataText.Text("K22.Cause.LockNeverFree"))
                .Fix(KataText.Text("K22.Fix.OnePlaceFree"));
        }
        else
        {
            verdict.Cause(afterAFailedSave ? KataText.Text("K22.Cause.NotReleasedOnThrow")
                    : KataText.Text("K22.Cause.NotReleased"))
                .Fix(KataText.Text("K22.Fix.ReleaseInFinally"));
        }
        Judge.Fail(verdict);
    }

    [Test]
    public void TwoAccounts_DoNotWaitForEachOther()
    {
        var run = KataLoop.Run(async io =>
        {
            var one = new Account(io.Out, io.Time);
            var other = new Account(io.Out, io.Time);
            await Task.WhenAll(one.DepositAsync("one", 10), other.DepositAsync("other", 20), one.DepositAsync("one", 1), other.DepositAsync("other", 2));
        });
        TimedLines.Check(run, KataText.Text("K22.Situation.TwoAccounts"),
            [("one deposited 10, balance 10", 1), ("other deposited 20, balance 20", 1), ("one deposited 1, balance 11", 2), ("other deposited 2, balance 22", 2)],
            KataText.Text("K22.Fix.LockPerAccount"));
    }
}
