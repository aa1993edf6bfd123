namespace AsyncKatas.K21_AsyncStreams;

/// <summary>A feed of pages, one a second (an async stream), read until enough or until a deadline.</summary>
public static class Feed
{
    /// <summary>
    /// Yields "page 1" to "page {count}", one a virtual second, and prints "feed closed" when it ends, whether
    /// it was read to the end, left early or cancelled. Nothing runs before the first page is asked for.
    /// </summary>
    public static IAsyncEnumerable<string> PagesAsync(int count, TextWriter output, TimeProvider time, CancellationToken token = default)
    {
        throw new NotImplementedException(
            "Make this an async iterator (async IAsyncEnumerable<string>, yield return): sleep a second on the injected clock, " +
            "yield \"page {n}\", for n = 1 to count; print \"feed closed\" in a finally. The token must reach the sleeps " +
            "(mark it [EnumeratorCancellation])." +
            " / 把它写成异步迭代器（async IAsyncEnumerable<string>，yield return）：对 n = 1 到 count，在注入的时钟上睡一秒，产出 \"page {n}\"；在 finally 中打印 \"feed closed\"。token 必须传到休眠（给它标上 [EnumeratorCancellation]）。");
    }

    /// <summary>Prints "read {page}" for the first <paramref name="wanted"/> pages of <paramref name="feed"/>, then stops reading it.</summary>
    public static Task ReadFirstAsync(IAsyncEnumerable<string> feed, int wanted, TextWriter output)
    {
        throw new NotImplementedException(
            "Read the feed with await foreach, print \"read {page}\" for each page, and leave the loop after the wanted number of pages." +
            " / 用 await foreach 读取数据源，每一页打印 \"read {page}\"，读够所要的页数后离开循环。");
    }

    /// <summary>
    /// Prints "read {page}" for each page of <paramref name="feed"/> until <paramref name="deadline"/> has passed on
    /// <paramref name="time"/>; then cancels the feed and prints "timed out". Leaves no timer behind.
    /// </summary>
    public static Task ReadWithDeadlineAsync(IAsyncEnumerable<string> feed, TimeSpan deadline, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Read the feed with await foreach, handing it a token that is cancelled after the deadline on the injected clock; " +
            "when it is, print \"timed out\". Dispose what you create." +
            " / 用 await foreach 读取数据源，交给它一个在注入的时钟上过了截止时间就被取消的 token；被取消时打印 \"timed out\"。释放你创建的东西。");
    }

    /// <summary>Given: the whole program. The first three pages of one feed, then a second feed read for 2.5 s.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        await ReadFirstAsync(PagesAsync(10, output, time), 3, output);
        await ReadWithDeadlineAsync(PagesAsync(10, output, time), TimeSpan.FromSeconds(2.5), output, time);
    }
}
