namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>
/// A balance that deposits update by read, save (slow: it awaits), write. Without a lock two deposits read the same
/// balance and the second write loses the first deposit.
/// </summary>
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

    /// <summary>
    /// Reads the balance, saves balance + amount, then writes it and prints "{who} deposited {amount}, balance {balance}".
    /// One deposit at a time: the others wait their turn, first come first served. A save that throws changes nothing.
    /// </summary>
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
            // Also when the save throws: otherwise the lock stays taken and every later deposit waits for ever.
            _gate.Release();
        }
    }
}
