namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

/// <summary>
/// Test-local copies of two of the article's programs (K01's two workers, K04's named tasks), so that
/// this kata does not depend on the learner having solved those.
/// </summary>
internal static class ArticlePrograms
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>E01: two workers, each printing its line and sleeping one second, five times.</summary>
    public static Task TwoWorkersAsync(TextWriter output, TimeProvider time) =>
        Task.WhenAll(WorkAsync(1, output, time), WorkAsync(2, output, time));

    private static async Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        for (var round = 0; round < 5; round++)
        {
            output.WriteLine($"我是异步任务{number}");
            await Task.Delay(OneSecond, time);
        }
    }

    /// <summary>E06: task_1 sleeps 3 s and task_2 sleeps 2 s; both start before either is awaited.</summary>
    public static async Task NamedTasksAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        var task1 = OthersAsync("task_1", 3, output, time);
        var task2 = OthersAsync("task_2", 2, output, time);
        var result1 = await task1;
        output.WriteLine($"task_1的IO操作结果为: {result1}");
        var result2 = await task2;
        output.WriteLine($"task_2的IO操作结果为: {result2}");
    }

    private static async Task<string> OthersAsync(string name, int seconds, TextWriter output, TimeProvider time)
    {
        output.WriteLine($"start {name}");
        await Task.Delay(TimeSpan.FromSeconds(seconds), time);
        output.WriteLine($"end {name}");
        return $"返回值{name}";
    }
}
