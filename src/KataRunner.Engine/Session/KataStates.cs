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
    private readonly Dictionary<Kata, KataState> _states = [];

    public KataStates(IReadOnlyList<Kata> katas, IReadOnlyDictionary<string, KataState>? lastKnown = null)
    {
        _katas = katas;
        foreach (var kata in katas)
        {
            _states[kata] = lastKnown?.GetValueOrDefault(kata.Id) is { Known: true } known ? known with { Stale = true } : KataState.Unknown;
        }
    }

    /// <summary>Every kata's state by id, in the catalog's order (what the runner's cache keeps).</summary>
    public IReadOnlyDictionary<string, KataState> All => _katas.ToDictionary(k => k.Id, k => _states[k]);

    public KataState this[Kata kata] => _states[kata];

    /// <summary>The state of the kata with this id (for tests and the command line, which name katas by id).</summary>
    public KataState this[string kataId] => _states[_katas.First(k => k.Id == kataId)];

    public int Solved => _katas.Count(k => _states[k].Status == KataStatus.Solved);

    /// <summary>The first kata (in the catalog's order) that has not run yet or waits to run again.</summary>
    public Kata? NextToCheck => _katas.FirstOrDefault(k => _states[k].NeedsRun);

    /// <summary>Records what <paramref name="result"/> says of each kata in <paramref name="katas"/> (the katas it ran).</summary>
    public void Record(RunResult result, IEnumerable<Kata> katas, Func<Kata, bool>? untouched = null)
    {
        foreach (var kata in katas) _states[kata] = KataState.From(result, kata, untouched?.Invoke(kata) ?? false);
    }

    /// <summary>A kata that was not run, but whose code did not compile in a run (another kata's).</summary>
    public void DoesNotCompile(Kata kata)
    {
        if (_states.TryGetValue(kata, out var state)) _states[kata] = state with { Status = KataStatus.CompileError, Stale = false };
    }

    /// <summary>A file of this kata was saved: its status is stale until it runs again.</summary>
    public void SavedFileOf(Kata kata)
    {
        if (_states[kata].Known) _states[kata] = _states[kata] with { Stale = true };
    }

    /// <summary>Something every kata depends on changed (the tests, a shared file): each kata runs again when idle.</summary>
    public void AllStale()
    {
        foreach (var kata in _katas) SavedFileOf(kata);
    }
}
