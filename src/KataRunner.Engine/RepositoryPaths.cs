namespace KataRunner.Engine;

/// <summary>
/// Where things are in the repository the runner works on: the root (the folder with Katas.sln),
/// katas/, solutions/ and tests/.
/// </summary>
public sealed class RepositoryPaths
{
    public RepositoryPaths(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }
    public string Katas => Path.Combine(Root, "katas");
    public string Solutions => Path.Combine(Root, "solutions");
    public string Tests => Path.Combine(Root, "tests");
    public string TestsProject => Path.Combine(Tests, "Tests.csproj");

    /// <summary>The project whose code the runner compiles: katas/Katas.csproj, or solutions/Solutions.csproj.</summary>
    public string CodeProject(CodeTree tree) =>
        tree == CodeTree.Solutions ? Path.Combine(Solutions, "Solutions.csproj") : Path.Combine(Katas, "Katas.csproj");

    public string KataFolder(AsyncKatas.Catalog.Kata kata, CodeTree tree = CodeTree.Katas) =>
        Path.Combine(tree == CodeTree.Solutions ? Solutions : Katas, kata.Folder);

    /// <summary>A path relative to the root with forward slashes, as messages show it.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>The folder with Katas.sln at or above <paramref name="start"/>, or null.</summary>
    public static RepositoryPaths? Find(string start)
    {
        var dir = Path.GetFullPath(start);
        while (!File.Exists(Path.Combine(dir, "Katas.sln")))
        {
            dir = Path.GetDirectoryName(dir);
            if (dir is null) return null;
        }
        return new RepositoryPaths(dir);
    }
}

/// <summary>Which tree of kata code is compiled: the learner's katas/ or the reference solutions/.</summary>
public enum CodeTree
{
    Katas,
    Solutions,
}
