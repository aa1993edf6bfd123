namespace AsyncKatas.K13_AsyncDisposables;

/// <summary>A database connection that takes one second to open and one second to close (E18).</summary>
public sealed class Connection : IAsyncDisposable
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private readonly TimeProvider _time;
    private bool _closing;

    // A constructor cannot await: opening goes through OpenAsync.
    private Connection(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True from the end of <see cref="OpenAsync"/> until the end of <see cref="DisposeAsync"/>.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Python's <c>__aenter__</c>: opens a connection, which takes one second on <paramref name="time"/>.</summary>
    public static async Task<Connection> OpenAsync(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var connection = new Connection(time);
        await Task.Delay(OneSecond, time);
        connection.IsOpen = true;
        return connection;
    }

    /// <summary>The article's <c>do_something()</c> (given): a query on the open connection, answered at once.</summary>
    public Task<string> DoSomethingAsync()
    {
        if (!IsOpen) throw new InvalidOperationException("The connection is not open: a query needs an open connection.");
        return Task.FromResult("模拟增删改查数据库并返回操作结果...");
    }

    /// <summary>Python's <c>__aexit__</c>: closes the connection, which takes one second. Closing again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing)
        {
            return;
        }
        _closing = true;
        await Task.Delay(OneSecond, _time);
        IsOpen = false;
    }
}
