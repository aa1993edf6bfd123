namespace AsyncKatas.K13_AsyncDisposables;

/// <summary>Work done on a connection that is opened for it and closed after it, whatever happens (E18).</summary>
public static class Database
{
    /// <summary>
    /// Python's <c>async with</c>: opens a connection, runs <paramref name="body"/> with it, and closes it
    /// afterwards, also when the body throws. The body's exception reaches the caller, once the
    /// connection is closed.
    /// </summary>
    public static async Task WithConnectionAsync(Func<Connection, Task> body, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(body);
        // Deliberately naive: when the body throws, the last line never runs and the connection stays open.
        var connection = await Connection.OpenAsync(time);
        await body(connection);
        await connection.DisposeAsync();
    }

    /// <summary>E18 (given): prints the result of the article's query, on a connection opened for it.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        return WithConnectionAsync(async connection =>
        {
            var result = await connection.DoSomethingAsync();
            output.WriteLine(result);
        }, time);
    }
}
