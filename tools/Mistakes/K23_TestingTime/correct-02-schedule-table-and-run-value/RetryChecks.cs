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
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var seen = new List<double>();
        var failuresLeft = 2;
        var answer = create(_ =>
        {
            seen.Add((clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds);
            return failuresLeft-- > 0 ? Task.FromException<string>(new IOException("down")) : Task.FromResult("ok");
        }, clock).GetAsync();

        // (advance to, attempts expected so far, answered yet?)
        (int AtMs, double[] Attempts, bool Answered)[] schedule =
        [
            (0, [0], false),
            (999, [0], false),
            (1000, [0, 1000], false),
            (2999, [0, 1000], false),
            (3000, [0, 1000, 3000], true),
        ];
        var now = 0;
        foreach (var (atMs, expected, answered) in schedule)
        {
            clock.Advance(TimeSpan.FromMilliseconds(atMs - now));
            now = atMs;
            if (!seen.SequenceEqual(expected))
                throw new CheckFailedException($"at {atMs} ms: attempts at [{string.Join(", ", seen)}] ms, expected [{string.Join(", ", expected)}] ms");
            if (answer.IsCompleted != answered)
                throw new CheckFailedException($"at {atMs} ms: GetAsync is {answer.Status}");
        }
        if (answer.IsCompleted)
        {
            if (!answer.IsCompletedSuccessfully || answer.Result != "ok")
                throw new CheckFailedException($"GetAsync ended {answer.Status}, not with \"ok\"");
        }
    }

    /// <summary>Virtual loop: always fails. Attempts at 0, 1 and 3 s; the IOException at 3 s; a Completed run.</summary>
    public static void GiveUpOnTheVirtualLoop(ClientFactory create)
    {
        var attempts = new List<double>();
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(_ =>
            {
                attempts.Add(io.Time.Elapsed.TotalSeconds);
                return Task.FromException<string>(new IOException("down"));
            }, io.Time);
            try
            {
                return $"answered \"{await client.GetAsync()}\" at {io.Time.Elapsed.TotalSeconds} s";
            }
            catch (IOException)
            {
                return $"IOException at {io.Time.Elapsed.TotalSeconds} s";
            }
        });
        Verify(run.Outcome, run.Explain, () => run.Value, attempts, "0 1 3", "IOException at 3 s");
    }

    /// <summary>Virtual loop: never answers. Attempts at 0, 3 and 7 s; a TimeoutException at 9 s; a Completed run.</summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create)
    {
        var attempts = new List<double>();
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(async token =>
            {
                attempts.Add(io.Time.Elapsed.TotalSeconds);
                await Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token);
                return "answered after all";
            }, io.Time);
            try
            {
                return $"answered \"{await client.GetAsync()}\" at {io.Time.Elapsed.TotalSeconds} s";
            }
            catch (TimeoutException)
            {
                return $"TimeoutException at {io.Time.Elapsed.TotalSeconds} s";
            }
        });
        Verify(run.Outcome, run.Explain, () => run.Value, attempts, "0 3 7", "TimeoutException at 9 s");
    }

    private static void Verify(LoopOutcome outcome, Func<string> explain, Func<string> result, List<double> attempts,
        string expectedAttempts, string expectedResult)
    {
        if (outcome != LoopOutcome.Completed) throw new CheckFailedException(explain());
        var seen = string.Join(" ", attempts);
        if (seen != expectedAttempts) throw new CheckFailedException($"attempts at {seen} s, expected {expectedAttempts} s");
        var ended = result();
        if (ended != expectedResult) throw new CheckFailedException($"GetAsync: {ended}, expected {expectedResult}");
    }
}
