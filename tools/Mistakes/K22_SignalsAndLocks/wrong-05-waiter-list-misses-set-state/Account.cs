namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>A balance that deposits update by read, save (slow: it awaits), write; one deposit at a time.</summary>
public sealed class Account
{
    private readonly TextWriter _output;
    private readonly Func<int, Task> _saveAsync;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>An account whose saves take one second on <paramref name="time"/>.</summary>
    public Account(TextWriter output, TimeProvider time)
        : this(output, _ => Task.Delay(TimeSpan.FromSeconds(1), time))
    {
    }

    /// <summary>An account that saves each new balance with <paramref name="saveAsync"/> (which may take time, or throw).</summary>
    public Account(TextWriter output, Func<int, Task> saveAsync)
    {
        _output = output;
        _saveAsync = saveAsync;
    }

    /// <summary>The balance after the deposits so far.</summary>
    public int Balance { get; private set; }

    /// <summary>Reads, saves and writes the balance, one deposit at a time.</summary>
    public async Task DepositAsync(string who, int amount)
    {
        await _gate.WaitAsync();
        try
        {
            var current = Balance;
            await _saveAsync(current + amount);
            Balance = current + amount;
            _output.WriteLine($"{who} deposited {amount}, balance {Balance}");
        }
        finally
        {
            _gate.Release();
        }
    }
}
