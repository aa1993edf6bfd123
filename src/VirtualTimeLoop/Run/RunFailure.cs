namespace VirtualTimeLoop;

/// <summary>The first failure a guard reports for a run (later ones are ignored); reporting one wakes the loop.</summary>
internal sealed class RunFailure(Action wake)
{
    private readonly Lock _gate = new();
    private (LoopOutcome Outcome, LoopEvidence Evidence, Exception? Exception)? _first;
    private volatile bool _failed;

    public bool HasFailed => _failed;

    public (LoopOutcome Outcome, LoopEvidence Evidence, Exception? Exception)? First
    {
        get { lock (_gate) { return _first; } }
    }

    public void Fail(LoopOutcome outcome, LoopEvidence evidence, Exception? exception = null)
    {
        lock (_gate) { _first ??= (outcome, evidence, exception); }
        _failed = true;
        wake();
    }
}
