namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>Given: the whole program. Three workers wait for one signal; then two deposits share one account.</summary>
public static class SignalsAndLocks
{
    /// <summary>Waits for <paramref name="ready"/>, then prints "{name} starts".</summary>
    public static async Task WorkerAsync(string name, AsyncEvent ready, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(ready);
        await ready.WaitAsync();
        output.WriteLine($"{name} starts");
    }

    /// <summary>The kata's program.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var ready = new AsyncEvent();
        Task[] workers = [WorkerAsync("w1", ready, output), WorkerAsync("w2", ready, output), WorkerAsync("w3", ready, output)];
        await Task.Delay(TimeSpan.FromSeconds(1), time);
        output.WriteLine("ready");
        ready.Set();
        await Task.WhenAll(workers);

        var account = new Account(output, time);
        await Task.WhenAll(account.DepositAsync("alice", 100), account.DepositAsync("bob", 50));
        output.WriteLine($"balance {account.Balance}");
    }
}
