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
        var answer = create(_ =>
        {
            attempts.Add(clock.GetUtcNow() - start);
            return attempts.Count <= 2 ? Task.FromException<string>(new IOException("down")) : Task.FromResult("ok");
        }, clock).GetAsync();

        // One millisecond at a time: at every instant the client must have made exactly the attempts due by then.
        for (var ms = 0; ms <= 3000; ms++)
        {
            if (ms > 0) clock.Advance(TimeSpan.FromMilliseconds(1));
            var due = ms < 1000 ? 1 : ms < 3000 ? 2 : 3;
            if (attempts.Count != due)
                throw new CheckFailedException($"at {ms} ms: {attempts.Count} attempts, expected {due}");
            if (answer.IsCompleted != (ms == 3000))
                throw new CheckFailedException($"at {ms} ms: GetAsync is {answer.Status}");
        }
        var expected = new[] { 0, 1, 3 }.Select(s => TimeSpan.FromSeconds(s));
        if (!attempts.SequenceEqual(expected))
            throw new CheckFailedException($"attempts at {Seconds(attempts)}, expected 0, 1, 3 s");
        if (answer.IsCompleted)
        {
            if (answer.Status != TaskStatus.RanToCompletion || answer.Result != "ok")
                throw new CheckFailedException($"GetAsync ended {answer.Status}, not with \"ok\"");
        }
    }

    /// <summary>Virtual loop: always fails. Attempts at 0, 1 and 3 s; the IOException at 3 s; a Completed run.</summary>
    public static void GiveUpOnTheVirtualLoop(ClientFactory create) =>
        Observe(create, (_, _) => Task.FromException<string>(new IOException("down")), typeof(IOException), 3, 0, 1, 3);

    /// <summary>Virtual loop: never answers. Attempts at 0, 3 and 7 s; a TimeoutException at 9 s; a Completed run.</summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create) =>
        Observe(create, async (io, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token);
            return "never";
        }, typeof(TimeoutException), 9, 0, 3, 7);

    // Runs one GetAsync on the loop; each attempt prints a line, so the run's lines carry the attempts' virtual times.
    private static void Observe(ClientFactory create, Func<LoopEnvironment, CancellationToken, Task<string>> service,
        Type failure, int failsAt, params int[] attemptsAt)
    {
        Exception? thrown = null;
        var endedAt = TimeSpan.Zero;
        var run = VirtualLoop.Run(async io =>
        {
            var client = create(token =>
            {
                io.Out.WriteLine("attempt");
                return service(io, token);
            }, io.Time);
            try
            {
                await client.GetAsync();
            }
            catch (Exception error)
            {
                thrown = error;
            }
            endedAt = io.Time.Elapsed;
        });
        if (run.Outcome != LoopOutcome.Completed) throw new CheckFailedException(run.Explain());
        var attempts = run.Lines.Select(line => line.At).ToList();
        if (!attempts.SequenceEqual(attemptsAt.Select(s => TimeSpan.FromSeconds(s))))
            throw new CheckFailedException($"attempts at {Seconds(attempts)}, expected {string.Join(", ", attemptsAt)} s");
        if (thrown?.GetType() != failure)
            throw new CheckFailedException($"GetAsync ended with {thrown?.GetType().Name ?? "an answer"}, expected {failure.Name}");
        if (endedAt != TimeSpan.FromSeconds(failsAt))
            throw new CheckFailedException($"GetAsync failed at {endedAt.TotalSeconds} s, expected {failsAt} s");
    }

    private static string Seconds(IEnumerable<TimeSpan> times) => string.Join(", ", times.Select(t => t.TotalSeconds)) + " s";
}
