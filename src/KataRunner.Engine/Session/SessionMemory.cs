using AsyncKatas.Catalog;

namespace KataRunner.Engine.Session;

/// <summary>
/// What a session knows beyond its own runs: every kata's last known state (from the runner's cache),
/// whether a kata's files are as shipped (<see cref="ShippedStubs"/>), and where to keep the states it learns.
/// </summary>
public sealed record SessionMemory(
    IReadOnlyDictionary<string, KataState>? LastKnown = null,
    Func<Kata, bool>? Untouched = null,
    Action<IReadOnlyDictionary<string, KataState>>? Remember = null);
