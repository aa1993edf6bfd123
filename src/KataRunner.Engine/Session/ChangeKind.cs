namespace KataRunner.Engine.Session;

/// <summary>What a changed path means to the runner.</summary>
public enum ChangeKind
{
    /// <summary>Nothing: build output, snapshots the tests write, editor temp files.</summary>
    Ignored,
    /// <summary>Kata code under katas/: re-run the current kata.</summary>
    Katas,
    /// <summary>Under tests/: rebuild the tests assembly before the next run.</summary>
    Tests,
}

/// <summary>Sorts changed paths into <see cref="ChangeKind"/>s.</summary>
public static class ChangeClassifier
{
    public static ChangeKind Classify(RepositoryPaths paths, string path)
    {
        var relative = paths.Relative(Path.GetFullPath(path));
        var parts = relative.Split('/');
        if (parts.Length < 2 || parts.Any(p => p is "bin" or "obj")) return ChangeKind.Ignored;
        var name = parts[^1];
        if (name.EndsWith(".received.txt", StringComparison.Ordinal) || name.StartsWith('.') || name.EndsWith('~')) return ChangeKind.Ignored;
        return parts[0] switch
        {
            "katas" when name.EndsWith(".cs", StringComparison.Ordinal) || name.EndsWith(".csproj", StringComparison.Ordinal) => ChangeKind.Katas,
            // Snapshots (.verified.txt) are read at run time from beside the tests: no rebuild.
            "tests" when name.EndsWith(".cs", StringComparison.Ordinal) || name.EndsWith(".csproj", StringComparison.Ordinal)
                         || name.EndsWith(".props", StringComparison.Ordinal) => ChangeKind.Tests,
            _ => ChangeKind.Ignored,
        };
    }
}
