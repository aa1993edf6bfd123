using System.Diagnostics;
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

    /// <summary>
    /// The clients of the kata's Python program, in its order: the given one first, then the broken ones. Each broken one
    /// with the catalogue key of the scenario that shows it (tests/Support/Text/KataText.resx).
    /// </summary>
    private static readonly (string Name, ClientFactory Create, string RevealsKey)[] Clients =
    [
        ("the given client", RetryingClient.Factory, ""),
        ("retries at once", Broken(new() { Pauses = [0, 0] }), "K23.Reveals.RetriesAtOnce"),
        ("waits 1 s before every retry", Broken(new() { Pauses = [1, 1] }), "K23.Reveals.WaitsOneSecond"),
        ("tries only twice", Broken(new() { Pauses = [1] }), "K23.Reveals.TriesOnlyTwice"),
        ("gives an attempt 3 s", Broken(new() { Limit = TimeSpan.FromSeconds(3) }), "K23.Reveals.GivesThreeSeconds"),
        ("never stops an attempt", Broken(new() { Limit = null }), "K23.Reveals.NeverStops"),
        ("answers \"\" when every attempt failed", Broken(new() { GivesUp = false }), "K23.Reveals.AnswersEmpty"),
    ];

    /// <summary>Broken clients the Python program has no counterpart for: mistakes of .NET's clocks.</summary>
    private static readonly (string Name, ClientFactory Create, string RevealsKey)[] DotNetOnly =
    [
        ("limits attempts on the real clock", Broken(new() { LimitOnTheRealClock = true }), "K23.Reveals.RealClock"),
        ("leaves each attempt's timer running", Broken(new() { DisposeTheLimit = false }), "K23.Reveals.TimerLeft"),
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
        JudgePasses(check, RetryingClient.Factory, KataText.Text("K23.GivenClient"));

    [TestCase(nameof(RetryChecks.BackoffWithFakeTimeProvider))]
    [TestCase(nameof(RetryChecks.GiveUpOnTheVirtualLoop))]
    [TestCase(nameof(RetryChecks.TimeoutOnTheVirtualLoop))]
    public void EachCheck_PassesACorrectClientWrittenDifferently(string check) =>
        JudgePasses(check, Broken(new()), KataText.Text("K23.CorrectClient"));

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
        foreach (var (name, error) in results) FailIfHung(name, error, KataText.Format("K23.ClientThat", broken));
        Judge.That(results.Any(r => r.Error is not null), () => new Verdict(KataText.Format("K23.NoneCaught", broken))
            .Evidence(KataText.Text("K23.YourChecks"), results.Select(r => KataText.Format("K23.CheckPassed", r.Name)))
            .Evidence(KataText.Format("K23.WhatShowsIt", KataText.Text(client.RevealsKey)))
            .Fix(KataText.Text("K23.Fix.CompareThePromise")));
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
            Judge.Fail(new Verdict(KataText.Format("K23.CheckFails", check, what))
                .Evidence(KataText.Format("K23.ItThrew", error.GetType().Name, Listing.Shorten(error.Message, 400)))
                .Evidence(KataText.Format("K23.StillRunning", deaf.Count))
                .Cause(KataText.Text("K23.Cause.DeafService"))
                .Fix(KataText.Text("K23.Fix.TokenToFakeWait"))
                .At(KataExplanation.KataFrame(error)));
        }
        var causes = new List<string>
        {
            KataText.Text("K23.Cause.OtherTimes"),
            KataText.Text("K23.Cause.HowItIsWritten"),
        };
        if (check == nameof(RetryChecks.BackoffWithFakeTimeProvider))
        {
            causes.Add(KataText.Text("K23.Cause.OneJump"));
        }
        Judge.That(error is null, () => new Verdict(KataText.Format("K23.CheckFails", check, what))
            .Evidence(KataText.Format("K23.ItThrew", error!.GetType().Name, Listing.Shorten(error.Message, 400)))
            .Causes([.. causes])
            .Fix(KataText.Text("K23.Fix.CompareOnlyThePromise"))
            .At(KataExplanation.KataFrame(error)));
    }

    /// <summary>A check that did not return in time: it neither passes nor catches anything.</summary>
    private static void FailIfHung(string check, Exception? error, string what)
    {
        if (error is not CheckHungException) return;
        Judge.Fail(new Verdict(KataText.Format("K23.CheckHung", check, what, error.Message))
            .Cause(KataText.Text("K23.Cause.WaitsForEver"))
            .Fix(KataText.Text("K23.Fix.AdvanceFirst")));
    }

    /// <summary>A check that still throws the stub's NotImplementedException: not started, not "caught".</summary>
    private static void FailIfNotStarted(IEnumerable<Exception?> errors)
    {
        if (errors.OfType<NotImplementedException>().FirstOrDefault() is not { } stub) return;
        Judge.Fail(new Verdict(KataText.Format("Verdict.NotStarted", KataExplanation.KataFrame(stub)?.Split(':')[0] ?? "katas/K23_TestingTime/RetryChecks.cs"))
            .Evidence(KataText.Format("Verdict.StubSays", stub.Message)));
    }

    /// <summary>Checks that did not return once, and how: not run again in this test run (each would wait as long again).</summary>
    private static readonly Dictionary<Action<ClientFactory>, CheckHungException> Hung = [];

    /// <summary>Real time a check may go on while every FakeTimeProvider it made stands still: it then waits for nothing that can happen.</summary>
    private static readonly TimeSpan StandStill = TimeSpan.FromSeconds(2);

    /// <summary>Real time any check may take.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs one check on a thread of its own. A check that has not returned while the FakeTimeProviders it made stood
    /// still for <see cref="StandStill"/> (nothing but the check moves them, and it is waiting) is a failure; so is one
    /// that has not returned after <see cref="Longest"/>.
    /// </summary>
    private static Exception? RunCheck(Action<ClientFactory> check, ClientFactory create)
    {
        lock (Hung)
        {
            if (Hung.TryGetValue(check, out var known)) return known;
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
        var started = Stopwatch.GetTimestamp();
        thread.Start();
        var (seen, stillSince) = (FakeTimes(clocks), started);
        while (!thread.Join(TimeSpan.FromMilliseconds(20)))
        {
            var now = FakeTimes(clocks);
            if (!now.SequenceEqual(seen)) (seen, stillSince) = (now, Stopwatch.GetTimestamp());
            var hung = now.Count > 0 && Stopwatch.GetElapsedTime(stillSince) > StandStill ? new CheckHungException(KataText.Format("K23.StoodStill", StandStill.TotalSeconds))
                : Stopwatch.GetElapsedTime(started) > Longest ? new CheckHungException(KataText.Format("K23.RanTooLong", Longest.TotalSeconds))
                : null;
            if (hung is null) continue;
            lock (Hung) { Hung[check] = hung; }
            Release(thread, clocks);
            return hung;
        }
        return thrown;
    }

    /// <summary>What each FakeTimeProvider the check made reads now, in the order it made them.</summary>
    private static List<DateTimeOffset> FakeTimes(List<TimeProvider> clocks)
    {
        lock (clocks) return [.. clocks.OfType<FakeTimeProvider>().Select(c => c.GetUtcNow())];
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

    /// <summary>A check that did not return: <paramref name="how"/> says what was seen.</summary>
    private sealed class CheckHungException(string how) : Exception(how);

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
