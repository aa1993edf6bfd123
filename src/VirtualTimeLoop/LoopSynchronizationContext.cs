namespace VirtualTimeLoop;

/// <summary>
/// The loop's SynchronizationContext: posts go to the loop's ready queue, and <c>async void</c>
/// methods are counted as operations. One instance per step (see <c>VirtualLoop.Steps.cs</c>).
/// </summary>
internal sealed class LoopSynchronizationContext(VirtualLoop loop) : SynchronizationContext
{
    public VirtualLoop Loop => loop;

    public override void Post(SendOrPostCallback d, object? state) => loop.Post(d, state);

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!loop.IsOnLoopThread) throw new NotSupportedException("Send to the virtual loop from another thread would block; use Post.");
        d(state);
    }

    public override void OperationStarted() => loop.OperationStarted();
    public override void OperationCompleted() => loop.OperationCompleted();
    public override SynchronizationContext CreateCopy() => this;
}
