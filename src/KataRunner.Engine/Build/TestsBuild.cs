namespace KataRunner.Engine.Build;

/// <summary>
/// The tests assembly the runner loads: tests/Tests.csproj built once in solutions mode (so a
/// compile error in katas/ cannot stop it; katas/ and solutions/ share one public API and the tests
/// meet the learner's in-memory katas/ at run time), and again after files under tests/ change.
/// </summary>
public sealed class TestsBuild(RepositoryPaths paths)
{
    private volatile bool _stale = true;

    /// <summary>Set when files under tests/ changed: the next run rebuilds first.</summary>
    public void MarkStale() => _stale = true;

    public bool IsStale => _stale;

    /// <summary>Builds when stale; returns null when the assembly is ready, else the build's errors.</summary>
    public string? EnsureBuilt()
    {
        if (!_stale && File.Exists(paths.TestsAssembly)) return null;
        _stale = false;
        var result = DotnetCommand.Run(paths.Root,
            "build", paths.TestsProject, "-p:Solutions=true", "-nologo", "-v:q", "-clp:ErrorsOnly;NoSummary");
        if (result.ExitCode == 0 && File.Exists(paths.TestsAssembly)) return null;
        _stale = true;
        var lines = (result.Output + result.Error).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Distinct().Take(30);
        return $"`dotnet build tests/Tests.csproj -p:Solutions=true` failed:\n{string.Join('\n', lines)}";
    }
}
