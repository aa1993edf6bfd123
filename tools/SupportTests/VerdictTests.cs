using static AsyncKatas.Tests.SupportTests.KataVerifierTests;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// Every verdict names its kata and a cause the evidence supports, and no mistake floods: the kata
/// support's vocabulary (Judge, Verdict, KataMessage) and what the loop reports at the main task's end.
/// </summary>
[Category("Support")]
public class VerdictTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void A_plain_check_begins_with_the_kata_header_and_shows_the_evidence_without_NUnits_words()
    {
        KataLoop.Run(KataCatalog.Get("K04"), _ => Task.CompletedTask); // the run tells the message which kata it is about
        var message = TestFailureMessage(() => Judge.Equal(3.0, 2.0, "both results are printed at 2 s.", "await task_1 first."));
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.StartWith("K04 Tasks › VerdictTests.A_plain_check_begins_with_the_kata_header"));
            Assert.That(message, Does.Contain("yours:    3.0").And.Contain("expected: 2.0").And.Contain("Fix: await task_1 first."));
            Assert.That(message, Does.Not.Contain("But was").And.Not.Contain("Expected:"));
            Assert.That(message, Does.EndWith("Hint: katas/K04_Tasks/README.md#hints"));
        });
    }

    [Test]
    public void Too_many_blocked_jobs_name_a_bound_the_learner_can_write_not_the_loops_options()
    {
        var run = KataLoop.Run(KataCatalog.Get("K15"), io => Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Factory.StartNew(
            () => Task.Delay(OneSecond, io.Time).Wait(), CancellationToken.None, TaskCreationOptions.None, io.Threads))),
            LoopOptions.Default with { MaxThreads = 8 });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.ThreadLimit), run.Explain);
        Assert.That(KataExplanation.ExplainOutcome(run), Does.Contain("SemaphoreSlim").And.Contain("maxConcurrencyLevel").And.Not.Contain("LoopOptions"));
    }

    [Test]
    public void Several_failed_checks_make_one_message_with_one_header()
    {
        KataLoop.Run(KataCatalog.Get("K05"), _ => Task.CompletedTask);
        var message = TestFailureMessage(() => Judge.All(() =>
        {
            Judge.That(false, "first thing wrong.");
            Judge.That(true, "not shown.");
            Judge.That(false, "second thing wrong.");
        }));
        Assert.That(message, Does.StartWith("K05 WaitAndGather › VerdictTests.Several_failed_checks_make_one_message_with_one_header: 2 checks failed"));
        Assert.That(message, Does.Contain("1. first thing wrong.").And.Contain("2. second thing wrong.").And.Not.Contain("not shown"));
    }

    [Test]
    public void A_verdicts_kind_is_its_most_telling_part()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new Verdict("x").Kind, Is.EqualTo(FailureKind.Bare));
            Assert.That(new Verdict("x").Evidence("Likely cause: words are not a cause").Kind, Is.EqualTo(FailureKind.Bare));
            Assert.That(Verdict.NotStarted("katas/K01_EventLoop/TwoWorkers.cs").Kind, Is.EqualTo(FailureKind.NotStarted));
            Assert.That(Verdict.NotStarted("katas/K01_EventLoop/TwoWorkers.cs").Fix("write it.").Kind, Is.EqualTo(FailureKind.Fix));
            Assert.That(new Verdict("x").Fix("y").Cause("z").Kind, Is.EqualTo(FailureKind.NamedCause));
            Assert.That(new Verdict("x").Causes("y", "z").Kind, Is.EqualTo(FailureKind.NamedCause));
        });
    }

    [Test]
    public void A_failure_records_its_most_telling_kind_and_its_gist_on_the_test_for_the_runner()
    {
        KataLoop.Run(KataCatalog.Get("K05"), _ => Task.CompletedTask);
        var message = TestFailureMessage(() => Judge.All(() =>
        {
            Judge.That(false, "first thing wrong.");
            Judge.That(false, "second thing wrong.", "do it right.");
        }));
        var properties = NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentTest.Properties;
        var gist = properties.Get(FailureProperties.Gist) as string;
        Assert.Multiple(() =>
        {
            Assert.That(properties.Get(FailureProperties.Kind), Is.EqualTo(nameof(FailureKind.Fix)), "the fix of one check tells more than the other's bare words");
            Assert.That(gist, Is.EqualTo("2 checks failed\n  1. first thing wrong.\n  2. second thing wrong.\n    Fix: do it right."));
            Assert.That(message, Is.EqualTo($"K05 WaitAndGather › VerdictTests.{TestContext.CurrentContext.Test.Name}: {gist}\nHint: katas/K05_WaitAndGather/README.md#hints"),
                "the gist is the message without the header's test name and the hint");
        });
    }

    [Test]
    public void An_endless_program_gives_a_short_message()
    {
        var run = KataLoop.Run(KataCatalog.Get("K01"), async io =>
        {
            while (true)
            {
                io.Out.WriteLine("tick");
                await Task.Delay(OneSecond, io.Time);
            }
        }, new LoopOptions { Horizon = TimeSpan.FromHours(2) });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.HorizonReached));
        var message = TestFailureMessage(() => AssertCompleted(run));
        Assert.That(message.Split('\n'), Has.Length.LessThan(KataMessage.MaxLines));
        Assert.That(message, Does.Contain("more line(s) left out"));
    }

    [Test]
    public void A_program_on_a_clock_of_its_own_is_told_to_use_the_one_it_is_given()
    {
        var run = KataLoop.Run(KataCatalog.Get("K01"), async io =>
        {
            Assert.That(io.Time, Is.InstanceOf<Microsoft.Extensions.Time.Testing.FakeTimeProvider>()); // the kata clock
            await Task.Delay(OneSecond, io.Time);
            await Task.Delay(OneSecond, new Microsoft.Extensions.Time.Testing.FakeTimeProvider()); // nobody advances this one
        }, new LoopOptions { IdleSettle = TimeSpan.FromMilliseconds(50) });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.OtherClockWait), run.Explain);
        Assert.That(run.Elapsed, Is.EqualTo(OneSecond));
        var message = TestFailureMessage(() => AssertCompleted(run));
        Assert.That(message, Does.Contain("a timer of Microsoft.Extensions.Time.Testing.FakeTimeProvider")
            .And.Contain("Fix: sleep and time out on the TimeProvider the kata's method is given"));
    }

    [Test]
    public void A_long_diff_is_capped_too()
    {
        var expected = string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}\n"));
        var actual = string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i} \n"));
        var diff = TextDiff.Describe(expected, actual);
        Assert.That(diff.Split('\n'), Has.Length.LessThan(45));
        Assert.That(diff, Does.Contain("more diff line(s) left out").And.Contain("more note(s)"));
    }

    [Test]
    public void Lines_printed_with_Console_WriteLine_are_named()
    {
        var run = KataLoop.Run(KataCatalog.Get("K01"), io =>
        {
            Console.WriteLine("我是异步任务1");
            return Task.CompletedTask;
        });
        Assert.That(ConsoleCapture.LinesOf(run), Is.EqualTo(new[] { "我是异步任务1" }));
        var message = TestFailureMessage(() => Judge.That(false, "the output differs."));
        Assert.That(message, Does.Contain("1 line(s) went to Console.WriteLine instead of the writer the kata gives you (output)"));
    }

    [Test]
    public void Fire_and_forget_async_void_workers_that_end_just_after_main_are_left_over()
    {
        // Each worker's last step is queued at 5 s, just behind main's own: judged at main's end, not after the queue drains.
        var run = KataLoop.Run(KataCatalog.Get("K01"), async io =>
        {
            Fire(io);
            Fire(io);
            await Task.Delay(5 * OneSecond, io.Time);
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.LeftoverWork), run.Explain);
        Assert.That(run.Detail, Does.Contain("when the main task completed at 5.0 s: 2 async void method(s) still running"));
        var message = TestFailureMessage(() => AssertCompleted(run));
        Assert.That(message, Does.Contain("nothing can await an async void method"));
    }

    [Test]
    public void A_cancelled_task_whose_last_step_is_queued_is_not_left_over()
    {
        var run = KataLoop.Run(KataCatalog.Get("K06"), async io =>
        {
            using var cancel = new CancellationTokenSource();
            var work = Task.Delay(10 * OneSecond, io.Time, cancel.Token).ContinueWith(_ => { }, TaskScheduler.FromCurrentSynchronizationContext());
            await Task.Delay(OneSecond, io.Time);
            cancel.Cancel(); // the work ends on a later turn of the loop; main does not wait for it
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
    }

    [Test]
    public void An_async_void_method_that_throws_is_named()
    {
        var run = KataLoop.Run(KataCatalog.Get("K06"), async io =>
        {
            using var cancel = new CancellationTokenSource();
            Watch(io, cancel.Token);
            // Cancel, not CancelAsync: its callbacks run here, on the loop, so the run (and the run log)
            // is the same every time.
            cancel.Cancel();
            await Task.Delay(OneSecond, io.Time);
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.AsyncVoidThrew), run.Explain);
        var message = TestFailureMessage(() => AssertCompleted(run));
        Assert.That(message, Does.Contain("a cancelled wait inside an async void method"));
    }

    [Test]
    public void Katas_without_threads_never_get_the_StartNew_advice()
    {
        foreach (var kata in KataCatalog.All)
        {
            var advice = KataAdvice.LeaveNoThread(kata);
            Assert.That(advice.Contains("StartNew", StringComparison.Ordinal), Is.EqualTo(KataAdvice.HasThreads(kata)), kata.Id);
        }
    }

#pragma warning disable VSTHRD100 // the mistakes under test
    private static async void Fire(ProgramIO io)
    {
        for (var i = 0; i < 5; i++) await Task.Delay(OneSecond, io.Time);
    }

    private static async void Watch(ProgramIO io, CancellationToken token) => await Task.Delay(10 * OneSecond, io.Time, token);
#pragma warning restore VSTHRD100
}
