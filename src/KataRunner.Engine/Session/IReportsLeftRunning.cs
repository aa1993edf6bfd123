using AsyncKatas.Catalog;

namespace KataRunner.Engine.Session;

/// <summary>
/// An engine whose test process can tell between runs that code of a run outlived it: the session says so when
/// <see cref="LeftRunningFound"/> is raised, instead of with the next result.
/// </summary>
public interface IReportsLeftRunning
{
    /// <summary>Raised on a thread of the engine's; the runner's loop hears of it as <see cref="RunnerInput.LeftRunning"/>.</summary>
    event Action? LeftRunningFound;

    /// <summary>The katas whose code was stopped and not yet reported (each once: here or with a run's result).</summary>
    IReadOnlyList<Kata> TakeLeftRunning();
}
