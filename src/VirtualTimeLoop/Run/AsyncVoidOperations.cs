namespace VirtualTimeLoop;

/// <summary><c>async void</c> methods started in the loop's context and not finished yet (SynchronizationContext operations).</summary>
internal sealed class AsyncVoidOperations(Action wake)
{
    private int _outstanding;

    public int Outstanding => Volatile.Read(ref _outstanding);

    public void Started() => Interlocked.Increment(ref _outstanding);

    public void Completed()
    {
        Interlocked.Decrement(ref _outstanding);
        wake();
    }
}
