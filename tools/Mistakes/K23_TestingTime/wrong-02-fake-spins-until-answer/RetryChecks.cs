using Microsoft.Extensions.Time.Testing;
using VirtualTimeLoop;

namespace AsyncKatas.K23_TestingTime;

/// <summary>
/// Your checks of a retrying client. Each one makes a client with <c>create</c>, drives it through one scenario, and
/// throws a CheckFailedException saying what it saw when the client does not behave as RetryingClient promises.
/// </summary>
public static class RetryChecks
{
    /// <summary>FakeTimeProvider: fails twice, then "ok". Attempts at 0, 1 and 3 s; "ok" at 3 s, not before.</summary>
    public static void BackoffWithFakeTimeProvider(ClientFactory create)
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        var attempts = new List<TimeSpan>();
        var client = create(_ =>
        {
            attempts.Add(clock.GetUtcNow() - start);
            return attempts.Count < 3 ? Task.FromException<string>(new IOException("down")) : Task.FromResult("ok");
        }, clock);
        var answer = client.GetAsync();
        // let the client finish its retries, then look at what it did
        SpinWait.SpinUntil(() => answer.IsCompleted);
        ExpectAttempts(attempts, "at the end", 0, 1, 3);
        if (answer.IsCompleted)
        {
            if (answer.IsFaulted || answer.Result != "ok") throw new CheckFailedException($"GetAsync ended {answer.Status}, not with \"ok\"");
        }
    }

    private static void Expect(List<TimeSpan> attempts, Task<string> answer, string when, params int[] seconds)
    {
        ExpectAttempts(attempts, when, seconds);
        if (answer.IsCompleted) throw new CheckFailedException($"GetAsync ended {when}, before 3 s (status {answer.Status})");
    }

    private static void ExpectAttempts(List<TimeSpan> attempts, string when, params int[] seconds)
    {
        if (!attempts.SequenceEqual(seconds.Select(s => TimeSpan.FromSeconds(s))))
            throw new CheckFailedException($"{when}: attempts at [{string.Join(", ", attempts.Select(a => a.TotalSeconds))}] s, expected [{string.Join(", ", seconds)}] s");
    }

    /// <summary>Virtual loop: always fails. Attempts at 0, 1 and 3 s; the IOException at 3 s; a Completed run.</summary>
    public static void GiveUpOnTheVirtualLoop(ClientFactory create)
    {
        var attempts = new List<TimeSpan>();
        var outcome = "no outcome";
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(_ =>
            {
                attempts.Add(io.Time.Elapsed);
                return Task.FromException<string>(new IOException("down"));
            }, io.Time);
            try
            {
                var answer = await client.GetAsync();
                outcome = $"answer \"{answer}\" at {io.Time.Elapsed.TotalSeconds} s";
            }
            catch (IOException)
            {
                outcome = $"IOException at {io.Time.Elapsed.TotalSeconds} s";
            }
        });
        if (run.Outcome != LoopOutcome.Completed) throw new CheckFailedException(run.Explain());
        ExpectAttempts(attempts, "service always down", 0, 1, 3);
        if (outcome != "IOException at 3 s") throw new CheckFailedException($"expected the IOException at 3 s, saw {outcome}");
    }

    /// <summary>Virtual loop: never answers. Attempts at 0, 3 and 7 s; a TimeoutException at 9 s; a Completed run.</summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create)
    {
        var attempts = new List<TimeSpan>();
        var outcome = "no outcome";
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(async token =>
            {
                attempts.Add(io.Time.Elapsed);
                await Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token);
                return "never";
            }, io.Time);
            try
            {
                var answer = await client.GetAsync();
                outcome = $"answer \"{answer}\" at {io.Time.Elapsed.TotalSeconds} s";
            }
            catch (TimeoutException)
            {
                outcome = $"TimeoutException at {io.Time.Elapsed.TotalSeconds} s";
            }
        });
        if (run.Outcome != LoopOutcome.Completed) throw new CheckFailedException(run.Explain());
        ExpectAttempts(attempts, "service never answers", 0, 3, 7);
        if (outcome != "TimeoutException at 9 s") throw new CheckFailedException($"expected a TimeoutException at 9 s, saw {outcome}");
    }
}
