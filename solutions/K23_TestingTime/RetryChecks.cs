using Microsoft.Extensions.Time.Testing;
using VirtualTimeLoop;

namespace AsyncKatas.K23_TestingTime;

/// <summary>
/// Your checks of a retrying client. Each one makes a client with <c>create</c>, drives it through one scenario, and
/// throws a CheckFailedException saying what it saw when the client does not behave as RetryingClient promises.
/// </summary>
public static class RetryChecks
{
    /// <summary>
    /// With a FakeTimeProvider: a service that fails twice (IOException), then answers "ok". Attempts at 0, 1 and 3 s;
    /// GetAsync answers "ok" at 3 s, and not before.
    /// </summary>
    public static void BackoffWithFakeTimeProvider(ClientFactory create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var attempts = new List<TimeSpan>();
        var client = create(_ =>
        {
            attempts.Add(time.GetUtcNow() - start);
            return attempts.Count < 3 ? Task.FromException<string>(new IOException("down")) : Task.FromResult("ok");
        }, time);
        var answer = client.GetAsync();

        // Advance fires the timers due by then on this thread, and the client's awaits go on inline inside it: when
        // Advance returns, the client has made its next attempt and armed its next timer. So step to just before and
        // just at each moment that matters, and look after each step.
        ExpectAttempts(attempts, [0], "at the start");
        time.Advance(TimeSpan.FromMilliseconds(999));
        ExpectAttempts(attempts, [0], "just before 1 s");
        time.Advance(TimeSpan.FromMilliseconds(1));
        ExpectAttempts(attempts, [0, 1], "at 1 s");
        time.Advance(TimeSpan.FromMilliseconds(1999));
        ExpectAttempts(attempts, [0, 1], "just before 3 s");
        if (answer.IsCompleted) throw new CheckFailedException($"GetAsync ended before 3 s ({answer.Status}).");
        time.Advance(TimeSpan.FromMilliseconds(1));
        ExpectAttempts(attempts, [0, 1, 3], "at 3 s");
        if (answer.IsCompleted)
        {
            // Done: reading the result no longer waits (and the analyzer, seeing the check, agrees).
            var text = answer.IsCompletedSuccessfully ? $"answered \"{answer.Result}\"" : $"ended {answer.Status}";
            if (text != "answered \"ok\"") throw new CheckFailedException($"at 3 s GetAsync {text} instead of answering \"ok\".");
            return;
        }
        throw new CheckFailedException("at 3 s GetAsync had not answered yet.");
    }

    /// <summary>
    /// On the virtual loop: a service that always fails (IOException). Attempts at 0, 1 and 3 s; GetAsync throws the
    /// IOException at 3 s; nothing is left running.
    /// </summary>
    public static void GiveUpOnTheVirtualLoop(ClientFactory create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var (run, attempts, outcome) = Observe(create, (_, _) => Task.FromException<string>(new IOException("down")));
        ExpectAttempts(attempts, [0, 1, 3], "for a service that always fails");
        Expect(outcome, "IOException at 3 s", "for a service that always fails");
        ExpectCompleted(run);
    }

    /// <summary>
    /// On the virtual loop: a service that never answers (it waits until its token is cancelled). Attempts at 0, 3 and
    /// 7 s (2 s each, pauses of 1 and 2 s); GetAsync throws a TimeoutException at 9 s; nothing is left running.
    /// </summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var (run, attempts, outcome) = Observe(create, async (time, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, token);
            return "never";
        });
        ExpectCompleted(run);
        ExpectAttempts(attempts, [0, 3, 7], "for a service that never answers");
        Expect(outcome, "TimeoutException at 9 s", "for a service that never answers");
    }

    /// <summary>One GetAsync on the virtual loop (the service gets the run's clock): the run, the attempts' times, and how and when GetAsync ended.</summary>
    private static (LoopRun Run, List<TimeSpan> Attempts, string Outcome) Observe(
        ClientFactory create, Func<TimeProvider, CancellationToken, Task<string>> service)
    {
        var attempts = new List<TimeSpan>();
        var outcome = "";
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(token =>
            {
                attempts.Add(io.Time.Elapsed);
                return service(io.Time, token);
            }, io.Time);
            try
            {
                outcome = $"\"{await client.GetAsync()}\" at {io.Time.Elapsed.TotalSeconds:0.###} s";
            }
            catch (Exception error) when (error is IOException or TimeoutException)
            {
                outcome = $"{error.GetType().Name} at {io.Time.Elapsed.TotalSeconds:0.###} s";
            }
        });
        return (run, attempts, outcome);
    }

    private static void ExpectCompleted(LoopRun run)
    {
        if (run.Outcome != LoopOutcome.Completed) throw new CheckFailedException(run.Explain());
    }

    private static void ExpectAttempts(List<TimeSpan> attempts, double[] seconds, string when)
    {
        var actual = attempts.Select(a => a.TotalSeconds).ToList();
        if (!actual.SequenceEqual(seconds))
        {
            throw new CheckFailedException($"attempts {when}: expected at [{string.Join(", ", seconds)}] s, saw [{string.Join(", ", actual)}] s.");
        }
    }

    private static void Expect(string actual, string expected, string when)
    {
        if (actual != expected) throw new CheckFailedException($"GetAsync {when}: expected {expected}, saw {(actual.Length == 0 ? "nothing" : actual)}.");
    }
}
