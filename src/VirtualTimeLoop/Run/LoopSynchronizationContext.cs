namespace VirtualTimeLoop;

/// <summary>
/// The loop's SynchronizationContext: posts go to the loop's ready queue, and <c>async void</c>
/// methods are counted as operations. One instance per step (see <see cref="LoopPump"/>).
/// </summary>
internal sealed class LoopSynchronizationContext(RunningLoop loop) : SynchronizationContext
{
    public RunningLoop Loop => loop;

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
