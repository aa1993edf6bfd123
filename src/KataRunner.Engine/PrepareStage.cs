namespace KataRunner.Engine;

/// <summary>
/// A stage of preparing the engine that takes a while (seconds), reported as it starts so that the UI
/// can say what is happening. Stages the cache makes unnecessary are not reported.
/// </summary>
public abstract record PrepareStage
{
    /// <summary>Asking MSBuild for a project's compiler command line (restore, design-time build).</summary>
    public sealed record ReadingCompilerSettings(string Project) : PrepareStage;

    /// <summary>Compiling the kata tests in memory (against the reference solutions' public API).</summary>
    public sealed record CompilingTests(int Files) : PrepareStage;

    /// <summary>Compiling the kata code in memory, with the build's analyzers (the first compile also loads them).</summary>
    public sealed record CompilingKatas(string Tree) : PrepareStage;
}
