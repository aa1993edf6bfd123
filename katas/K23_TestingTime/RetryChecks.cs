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
            "CheckFailedException unless the attempts come at 0, 1 and 3 s and the answer \"ok\" at 3 s, not before." +
            " / 创建一个 FakeTimeProvider，并用 create(call, time) 创建客户端，它的 call 记下每次尝试的时间，先以 IOException 失败两次，再回答 \"ok\"。启动 GetAsync，然后一步一步地 Advance 时钟；除非尝试发生在 0、1 和 3 s，回答 \"ok\" 在 3 s 到来而不是更早，否则抛出 CheckFailedException。");
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
            "the IOException at 3 s, and the run's Outcome is Completed." +
            " / 在 VirtualLoop.Run(async io => ...) 里，用 create(call, io.Time) 创建客户端，它的 call 总是以 IOException 失败；await GetAsync 并捕获异常。除非尝试发生在 0、1 和 3 s（io.Time.Elapsed）、IOException 在 3 s 到来、并且运行的 Outcome 是 Completed，否则抛出 CheckFailedException。");
    }

    /// <summary>
    /// On the virtual loop: a service that never answers (it waits until its token is cancelled). Attempts at 0, 3 and
    /// 7 s (2 s each, pauses of 1 and 2 s); GetAsync throws a TimeoutException at 9 s; nothing is left running.
    /// </summary>
    public static void TimeoutOnTheVirtualLoop(ClientFactory create)
    {
        throw new NotImplementedException(
            "As GiveUpOnTheVirtualLoop, with a call that waits until its token is cancelled (Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token)). " +
            "Expect attempts at 0, 3 and 7 s, a TimeoutException at 9 s, and a Completed run." +
            " / 同 GiveUpOnTheVirtualLoop，只是 call 一直等到它的 token 被取消（Task.Delay(Timeout.InfiniteTimeSpan, io.Time, token)）。应当是：尝试在 0、3 和 7 s，9 s 时 TimeoutException，运行以 Completed 结束。");
    }
}
