namespace AsyncKatas.K13_AsyncDisposables;

/// <summary>
/// A database connection that takes one second to open and one second to close (the article's
/// asynchronous context manager, E18).
/// </summary>
public sealed class Connection : IAsyncDisposable
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private readonly TimeProvider _time;

    // A constructor cannot await: opening goes through OpenAsync.
    private Connection(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True from the end of <see cref="OpenAsync"/> until the end of <see cref="DisposeAsync"/>.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Python's <c>__aenter__</c>: opens a connection, which takes one second on <paramref name="time"/>.</summary>
    public static Task<Connection> OpenAsync(TimeProvider time)
    {
        throw new NotImplementedException(
            "Create the connection, sleep one second on the injected clock (Task.Delay(OneSecond, time)), mark it open and return it. / " +
            "创建连接，在注入的时钟上休眠一秒（Task.Delay(OneSecond, time)），把它标记为已打开，然后返回它。");
    }

    /// <summary>The article's <c>do_something()</c> (given): a query on the open connection, answered at once.</summary>
    public Task<string> DoSomethingAsync()
    {
        if (!IsOpen) throw new InvalidOperationException("The connection is not open: a query needs an open connection.");
        return Task.FromResult("模拟增删改查数据库并返回操作结果...");
    }

    /// <summary>Python's <c>__aexit__</c>: closes the connection, which takes one second. Closing again does nothing.</summary>
    public ValueTask DisposeAsync()
    {
        throw new NotImplementedException(
            "Sleep one second on the connection's clock (_time), then mark the connection closed; a second call must do nothing. / " +
            "在连接的时钟（_time）上休眠一秒，然后把连接标记为已关闭；第二次调用必须什么都不做。");
    }
}
