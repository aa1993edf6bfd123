using AsyncKatas.Catalog;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Every kata's <see cref="KataState"/>, each from that kata's own last run; a kata whose files were
/// saved since (or everything, when the tests or a shared file changed) is stale until it runs again.
/// A new session starts from what the last one knew (<paramref name="lastKnown"/>, from the runner's
/// cache), each such status stale until this session has run the kata again, so that the progress never
/// reads "0 of 23" for a learner who has solved ten.
/// </summary>
public sealed class KataStates
{
    private readonly IReadOnlyList<Kata> _katas;
    private readonly Dictionary<string, KataState> _states = [];

    public KataStates(IReadOnlyList<Kata> katas, IReadOnlyDictionary<string, KataState>? lastKnown = null)
    {
        _katas = katas;
        foreach (var kata in katas)
        {
            _states[kata.Id] = lastKnown?.GetValueOrDefault(kata.Id) is { Known: true } known ? known with { Stale = true } : KataState.Unknown;
        }
    }

    /// <summary>Every kata's state, in the catalog's order.</summary>
    public IReadOnlyDictionary<string, KataState> All => _states;

    public KataState this[string kataId] => _states[kataId];

    public int Solved => _katas.Count(k => _states[k.Id].Status == KataStatus.Solved);

    /// <summary>Katas not run yet, or waiting to run again.</summary>
    public int Unchecked => _katas.Count(k => _states[k.Id].NeedsRun);

    /// <summary>The first kata (in the catalog's order) that has not run yet or waits to run again.</summary>
    public Kata? NextToCheck => _katas.FirstOrDefault(k => _states[k.Id].NeedsRun);

    /// <summary>Records what <paramref name="result"/> says of each kata in <paramref name="kataIds"/> (the katas it ran).</summary>
    public void Record(RunResult result, IEnumerable<string> kataIds, Func<string, bool?>? untouched = null)
    {
        foreach (var id in kataIds) _states[id] = KataState.From(result, id, untouched?.Invoke(id));
    }

    /// <summary>A kata that was not run, but whose code did not compile in a run (another kata's).</summary>
    public void DoesNotCompile(string kataId)
    {
        if (_states.TryGetValue(kataId, out var state)) _states[kataId] = state with { Status = KataStatus.CompileError, Stale = false };
    }

    /// <summary>A file of this kata was saved: its status is stale until it runs again.</summary>
    public void SavedFileOf(string kataId)
    {
        if (_states[kataId].Known) _states[kataId] = _states[kataId] with { Stale = true };
    }

    /// <summary>Something every kata depends on changed (the tests, a shared file): each kata runs again when idle.</summary>
    public void AllStale()
    {
        foreach (var kata in _katas) SavedFileOf(kata.Id);
    }
}
