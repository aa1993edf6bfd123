namespace AsyncKatas.K13_AsyncDisposables;

/// <summary>Work done on a connection that is opened for it and closed after it, whatever happens (E18).</summary>
public static class Database
{
    /// <summary>Python's <c>async with</c>: opens a connection, runs the body, closes it on every way out.</summary>
    public static async Task WithConnectionAsync(Func<Connection, Task> body, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var connection = await Connection.OpenAsync(time);
        await body(connection);
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
