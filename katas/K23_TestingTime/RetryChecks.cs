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
        throw new NotImplementedException(
            "Make a FakeTimeProvider and a client with create(call, time) whose call notes the time of each attempt and fails twice " +
            "with an IOException, then answers \"ok\". Start GetAsync, then Advance the clock step by step and throw a " +
            "CheckFailedException unless the attempts come at 0, 1 and 3 s and the answer \"ok\" at 3 s, not before.");
    }

    /// <summary>
    /// On the virtual loop: a service that always fails (IOException). Attempts at 0, 1 and 3 s; GetAsync throws the
    /// IOException at 3 s; nothing is left running.
    /// </summary>
    public static void GiveUpOnTheVirtualLoop(ClientFactory create)
    {
        throw new NotImplementedException(
            "In VirtualLoop.Run(async io => ...), make a client with create(call, io.Time) whose call always fails with an IOException; " +
            "await GetAsync and catch. Throw a CheckFailedException unless the attempts came at 0, 1 and 3 s (io.Time.Elapsed), " +
            "the IOException at 3 s, and the run's Outcome is Completed.");
    }

    /// <summary>
    /// On the virtual loop: a service that never answers (it waits until its token is cancelled). Attempts at 0, 3 and
    /// 7 s (2 s each, pauses of 1 and 2 s); GetAsync throws a TimeoutException at 9 s; nothing is left running.
    /// </summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create)
    {
        throw new NotImplementedException(
            "As GiveUpOnTheVirtualLoop, with a call that waits until its token is cancelled (Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token)). " +
            "Expect attempts at 0, 3 and 7 s, a TimeoutException at 9 s, and a Completed run.");
    }
}
