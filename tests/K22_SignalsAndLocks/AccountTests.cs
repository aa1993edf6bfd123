using AsyncKatas.K22_SignalsAndLocks;

namespace AsyncKatas.Tests.K22_SignalsAndLocks;

[Category("K22")]
public class AccountTests
{
    private const string LockFix =
        "hold a SemaphoreSlim(1, 1) from before the read to after the write: await gate.WaitAsync(); try { read, save, write, print } " +
        "finally { gate.Release(); }. (A lock statement cannot contain an await: the compiler refuses it.)";

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
        TimedLines.Check(run, "three deposits started together on one account whose saves take 1 s",
            [("a deposited 100, balance 100", 1), ("b deposited 50, balance 150", 2), ("c deposited 25, balance 175", 3)],
            LockFix);
        Judge.Equal(balance, 175, "the balance after deposits of 100, 50 and 25 is wrong.", LockFix);
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
        TimedLines.Check(run, "two deposits; the first one's save throws at 1 s",
            [("b deposited 50, balance 50", 2), ("balance 50", 2)],
            LockFix + " The save's exception goes to the caller with the balance unchanged; the finally lets the next deposit in, at 1 s.");
        Judge.Equal(firstFailed, "bank offline", "the failed save's IOException did not reach the caller of the first deposit.",
            "do not catch the save's exception in DepositAsync; a finally releases the lock and lets it through.");
    }

    /// <summary>Deposits that waited for ever: a lock that was never free, or one a failed save kept.</summary>
    private static void FailIfStuck(LoopRun run, int saves, bool afterAFailedSave)
    {
        if (run.Outcome != LoopOutcome.NeverCompletes) return;
        var verdict = new Verdict(saves == 0 ? "no deposit ever got in: each one waited for the lock for ever."
                : afterAFailedSave ? "after a deposit whose save threw, the next deposit waited for ever."
                : $"after {saves} save(s), the other deposits waited for the lock for ever.")
            .Printed(run);
        if (saves == 0)
        {
            verdict.Cause("the lock is never free: a SemaphoreSlim(0, 1) starts with no place to take.")
                .Fix("new SemaphoreSlim(1, 1): one place, free at the start.");
        }
        else
        {
            verdict.Cause(afterAFailedSave ? "the lock was not released when the save threw: the Release after it never ran."
                    : "a deposit that had the lock did not release it.")
                .Fix("release in a finally: await gate.WaitAsync(); try { ... } finally { gate.Release(); }");
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
        TimedLines.Check(run, "two deposits on each of two accounts, all four started together",
            [("one deposited 10, balance 10", 1), ("other deposited 20, balance 20", 1), ("one deposited 1, balance 11", 2), ("other deposited 2, balance 22", 2)],
            "give each account its own lock (an instance field, not a static one): deposits on one account take turns, " +
            "deposits on different accounts need not.");
    }
}
