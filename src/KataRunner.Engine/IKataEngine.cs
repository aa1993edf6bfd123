using KataRunner.Engine.Running;

namespace KataRunner.Engine;

/// <summary>What the session needs from an engine: run these test categories against the current code.
/// The real one is <see cref="KataEngine"/>; tests of the session use a fake.</summary>
public interface IKataEngine
{
    RunResult Run(IReadOnlyCollection<string> categories);
}
