using Microsoft.Extensions.Time.Testing;
using AsyncKatas.K23_TestingTime;

namespace AsyncKatas.Tests.K23_TestingTime;

/// <summary>
/// The learner's checks are run against the given client (each must pass), a correct client written differently
/// (each must pass), and broken clients (one check at least must catch each).
/// </summary>
[Category("K23")]
public class RetryChecksTests
{
    private static readonly (string Name, Action<ClientFactory> Run)[] AllChecks =
    [
        (nameof(RetryChecks.BackoffWithFakeTimeProvider), RetryChecks.BackoffWithFakeTimeProvider),
        (nameof(RetryChecks.GiveUpOnTheVirtualLoop), RetryChecks.GiveUpOnTheVirtualLoop),
        (nameof(RetryChecks.TimeoutOnTheVirtualLoop), RetryChecks.TimeoutOnTheVirtualLoop),
    ];

    /// <summary>The clients of the kata's Python program, in its order: the given one first, then the broken ones.</summary>
    private static readonly (string Name, ClientFactory Create, string Reveals)[] Clients =
    [
        ("the given client", RetryingClient.Factory, ""),
        ("retries at once", Broken(new() { Pauses = [0, 0] }), "a service that fails: the attempts come at 0, 0 and 0 s"),
        ("waits 1 s before every retry", Broken(new() { Pauses = [1, 1] }), "a service that fails: the attempts come at 0, 1 and 2 s"),
        ("tries only twice", Broken(new() { Pauses = [1] }), "a service that always fails: it gives up at 1 s, after two attempts"),
        ("gives an attempt 3 s", Broken(new() { Limit = TimeSpan.FromSeconds(3) }), "a service that never answers: the attempts come at 0, 4 and 9 s"),
        ("never stops an attempt", Broken(new() { Limit = null }), "a service that never answers: GetAsync never ends (on the virtual loop the run's Outcome is not Completed)"),
        ("answers \"\" when every attempt failed", Broken(new() { GivesUp = false }), "a service that always fails: GetAsync answers \"\" instead of throwing"),
    ];

    /// <summary>Broken clients the Python program has no counterpart for: mistakes of .NET's clocks.</summary>
    private static readonly (string Name, ClientFactory Create, string Reveals)[] DotNetOnly =
    [
        ("limits attempts on the real clock", Broken(new() { LimitOnTheRealClock = true }),
         "a service that never answers, on the virtual loop: the run's Outcome is not Completed (a real-clock timer)"),
        ("leaves each attempt's timer running", Broken(new() { DisposeTheLimit = false }),
         "a service that always fails, on the virtual loop: the run's Outcome is LeftoverWork (timers still armed when GetAsync ended)"),
    ];

    [Test]
    public void YourChecks_PassTheGivenClient_AndCatchEveryBrokenOne()
    {
        var report = Clients.Select(client =>
        {
            var failed = AllChecks.Select(check => (check.Name, Error: RunCheck(check.Run, client.Create))).Where(r => r.Error is not null).ToList();
            FailIfNotStarted(failed.Select(f => f.Error));
            return $"{client.Name}: " + (failed.Count == 0 ? "passes every check"
                : client.Create == RetryingClient.Factory ? $"fails {failed[0].Name}: {Listing.Shorten(failed[0].Error!.Message, 200)}"
                : "caught");
        }).ToList();
        // The report is printed on the loop at once, so that it is judged as every kata's output is (no time passes here).
        var run = KataLoop.Run(io =>
        {
            foreach (var line in report) io.Out.WriteLine(line);
            return Task.CompletedTask;
        });
        VerifyRun(run, timeline: [.. report.Select(_ => 0.0)], total: 0);
    }

    [TestCase(nameof(RetryChecks.BackoffWithFakeTimeProvider))]
    [TestCase(nameof(RetryChecks.GiveUpOnTheVirtualLoop))]
    [TestCase(nameof(RetryChecks.TimeoutOnTheVirtualLoop))]
    public void EachCheck_PassesTheGivenClient(string check) =>
        JudgePasses(check, RetryingClient.Factory, "the given RetryingClient, which does what it promises");

    [TestCase(nameof(RetryChecks.BackoffWithFakeTimeProvider))]
    [TestCase(nameof(RetryChecks.GiveUpOnTheVirtualLoop))]
    [TestCase(nameof(RetryChecks.TimeoutOnTheVirtualLoop))]
    public void EachCheck_PassesACorrectClientWrittenDifferently(string check) =>
        JudgePasses(check, Broken(new()), "a client that does what RetryingClient promises, written differently");

    // The names of the broken clients in Clients and DotNetOnly.
    [TestCase("retries at once")]
    [TestCase("waits 1 s before every retry")]
    [TestCase("tries only twice")]
    [TestCase("gives an attempt 3 s")]
    [TestCase("never stops an attempt")]
    [TestCase("answers \"\" when every attempt failed")]
    [TestCase("limits attempts on the real clock")]
    [TestCase("leaves each attempt's timer running")]
    public void EachBrokenClient_IsCaughtByOneOfYourChecks(string broken)
    {
        var client = Clients.Concat(DotNetOnly).Single(c => c.Name == broken);
        var results = AllChecks.Select(check => (check.Name, Error: RunCheck(check.Run, client.Create))).ToList();
        FailIfNotStarted(results.Select(r => r.Error));
        foreach (var (name, error) in results) FailIfHung(name, error, $"a client that {broken}");
        Judge.That(results.Any(r => r.Error is not null), () => new Verdict($"none of your checks caught a client that {broken}.")
            .Evidence("your checks", results.Select(r => $"{r.Name}: passed"))
            .Evidence($"what shows it: {client.Reveals}.")
            .Fix("make the check that drives that scenario compare the times of the attempts, how GetAsync ends and when, " +
                 "and (on the virtual loop) the run's Outcome, and throw when any of them differs from RetryingClient's promise."));
    }

    private static void JudgePasses(string check, ClientFactory create, string what)
    {
        var attempts = new List<(Task<string> Task, CancellationToken Token)>();
        var error = RunCheck(AllChecks.Single(c => c.Name == check).Run, Watched(create, attempts));
        FailIfNotStarted([error]);
        FailIfHung(check, error, what);
        List<(Task<string> Task, CancellationToken Token)> deaf;
        lock (attempts) deaf = [.. attempts.Where(a => a.Token.IsCancellationRequested && !a.Task.IsCompleted)];
        if (error is not null && deaf.Count > 0)
        {
            Judge.Fail(new Verdict($"your check {check} fails {what}.")
                .Evidence($"it threw {error.GetType().Name}: {Listing.Shorten(error.Message, 400)}")
                .Evidence($"{deaf.Count} call(s) of your check's fake service were still running after the client cancelled their token.")
                .Cause("the fake service ignores the token the client gives it: the client cancels an attempt that took too long and waits " +
                       "for it to stop, and it never does (a real service stops when its token is cancelled).")
                .Fix("hand the token to the fake service's wait: await Task.Delay(Timeout.InfiniteTimeSpan, time, token).")
                .At(KataExplanation.KataFrame(error)));
        }
        var causes = new List<string>
        {
            "the check expects other times or another outcome than the promise (attempts at 0, 1, 3 s for a failing service; " +
            "at 0, 3, 7 s and a TimeoutException at 9 s for one that never answers),",
            "the check depends on how the client is written (its exception messages, how many timers it makes),",
        };
        if (check == nameof(RetryChecks.BackoffWithFakeTimeProvider))
        {
            causes.Add("FakeTimeProvider moved in one jump past a moment the check then looks for: Advance sets the clock to the end of " +
                       "the jump before it fires the timers due, so the retry reads the end time and the next pause starts from there; " +
                       "advance to each moment that matters, one step at a time.");
        }
        Judge.That(error is null, () => new Verdict($"your check {check} fails {what}.")
            .Evidence($"it threw {error!.GetType().Name}: {Listing.Shorten(error.Message, 400)}")
            .Causes([.. causes])
            .Fix("compare only what RetryingClient's summary promises: when the attempts start, what GetAsync gives or throws, and when.")
            .At(KataExplanation.KataFrame(error)));
    }

    /// <summary>A check that did not return in time: it neither passes nor catches anything.</summary>
    private static void FailIfHung(string check, Exception? error, string what)
    {
        if (error is not CheckHungException) return;
        Judge.Fail(new Verdict($"your check {check} did not return within 30 s of real time (with {what}).")
            .Cause("it waits for something that never happens: with FakeTimeProvider nothing moves until you call Advance, " +
                   "so a loop or a wait for GetAsync's task before you advance waits for ever.")
            .Fix("advance the clock first, then look at the task (IsCompleted); never wait for it."));
    }

    /// <summary>A check that still throws the stub's NotImplementedException: not started, not "caught".</summary>
    private static void FailIfNotStarted(IEnumerable<Exception?> errors)
    {
        if (errors.OfType<NotImplementedException>().FirstOrDefault() is not { } stub) return;
        Judge.Fail(new Verdict($"not started yet: open {KataExplanation.KataFrame(stub)?.Split(':')[0] ?? "katas/K23_TestingTime/RetryChecks.cs"} " +
                               "and replace the NotImplementedException.")
            .Evidence("The stub says: " + stub.Message));
    }

    /// <summary>Checks that did not return in time once: not run again in this test run (each would wait as long again).</summary>
    private static readonly HashSet<Action<ClientFactory>> Hung = [];

    /// <summary>Runs one check on a thread of its own; a check that does not return within 30 s of real time is a failure.</summary>
    private static Exception? RunCheck(Action<ClientFactory> check, ClientFactory create)
    {
        lock (Hung)
        {
            if (Hung.Contains(check)) return HungError();
        }
        Exception? thrown = null;
        var clocks = new List<TimeProvider>();
        ClientFactory watched = (call, time) =>
        {
            lock (clocks) clocks.Add(time);
            return create(call, time);
        };
        var thread = new Thread(() =>
        {
            try { check(watched); }
            catch (Exception error) { thrown = error; }
        }) { IsBackground = true, Name = "K23 check" };
        thread.Start();
        if (thread.Join(TimeSpan.FromSeconds(30))) return thrown;
        lock (Hung) { Hung.Add(check); }
        Release(thread, clocks);
        return HungError();
    }

    /// <summary>
    /// A check that waits for GetAsync's task on a FakeTimeProvider nobody advances would spin or block for as long
    /// as the process lives, taking a processor from every test after it (on a one-processor machine their verdicts
    /// changed). Its verdict is given; the harness now moves the check's fake clocks on, a minute at a time, so that
    /// the client ends and the thread with it (bounded: a check that waits for something else keeps its thread).
    /// </summary>
    private static void Release(Thread thread, List<TimeProvider> clocks)
    {
        for (var step = 0; step < 60 && thread.IsAlive; step++)
        {
            List<FakeTimeProvider> fakes;
            lock (clocks) fakes = [.. clocks.OfType<FakeTimeProvider>()];
            if (fakes.Count == 0) return;
            foreach (var fake in fakes) fake.Advance(TimeSpan.FromMinutes(1));
            thread.Join(TimeSpan.FromMilliseconds(50));
        }
    }

    private static CheckHungException HungError() => new();

    /// <summary>A check that did not return within 30 s of real time.</summary>
    private sealed class CheckHungException() : Exception("the check did not return within 30 s of real time.");

    private static ClientFactory Broken(BrokenClient.Knobs knobs) => BrokenClient.With(knobs);

    /// <summary><paramref name="create"/>, noting each call of the check's fake service: its task and the token the client gave it.</summary>
    private static ClientFactory Watched(ClientFactory create, List<(Task<string> Task, CancellationToken Token)> attempts) =>
        (call, time) => create(token =>
        {
            var task = call(token);
            lock (attempts) attempts.Add((task, token));
            return task;
        }, time);
}
