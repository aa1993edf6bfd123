using AsyncKatas.Catalog;
using KataRunner.Engine.Running;

namespace KataRunner.Engine;

/// <summary>What the session needs from an engine: run these katas' tests against the current code (none: every test).
/// The real one is <see cref="KataEngine"/>; tests of the session use a fake.</summary>
public interface IKataEngine
{
    RunResult Run(IReadOnlyCollection<Kata> katas);
}
