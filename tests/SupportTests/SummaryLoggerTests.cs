using AsyncKatas.TestLogger;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>The end-of-run summary a learner acts on.</summary>
[Category("Support")]
public class SummaryLoggerTests
{
    private static Dictionary<string, (int Passed, int Failed)> AllKatas(Func<string, (int, int)> counts) =>
        KataCatalog.All.ToDictionary(k => k.Id, k => counts(k.Id));

    [Test]
    public void A_fresh_clone_has_nothing_solved_and_K01_next()
    {
        var summary = KataSummaryLogger.Summarize(AllKatas(_ => (0, 2)));
        Assert.That(summary, Does.Contain($"Katas solved: 0 of {KataCatalog.All.Count}."));
        Assert.That(summary, Does.Contain("Next: K01 EventLoop").And.Contain("katas/K01_EventLoop/README.md").And.Contain("TestCategory=K01"));
    }

    [Test]
    public void The_next_kata_is_the_first_one_not_solved()
    {
        var summary = KataSummaryLogger.Summarize(AllKatas(id => id is "K01" or "K02" or "K04" ? (3, 0) : (1, 1)));
        Assert.That(summary, Does.Contain("Katas solved: 3 of").And.Contain("Next: K03 AwaitChains"));
    }

    [Test]
    public void A_run_of_one_kata_reports_that_kata()
    {
        var summary = KataSummaryLogger.Summarize(new Dictionary<string, (int, int)> { ["K05"] = (1, 2) });
        Assert.That(summary, Does.Contain("K05 WaitAndGather: 1 of 3 tests pass. Hints: katas/K05_WaitAndGather/README.md#hints"));
    }

    [Test]
    public void All_solved_says_so()
    {
        Assert.That(KataSummaryLogger.Summarize(AllKatas(_ => (2, 0))), Does.Contain("Every kata is solved"));
    }
}
