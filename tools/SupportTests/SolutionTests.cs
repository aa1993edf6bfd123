using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// Dependencies point one way and both solution files hold what their builds need: nothing under src/ references
/// tests/ (or tools/); tools/Maintainers.slnx lists every project of the tree (samples/ aside: they build against
/// the packed packages, tools/check-samples.sh); Katas.sln lists every project the learner's builds reach (the
/// kata stubs, the kata tests in katas mode, the watch runner) and nothing a learner does not build.
/// </summary>
[Category("Support")]
public partial class SolutionTests
{
    private static string Root([CallerFilePath] string file = "") =>
        KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found above " + file);

    /// <summary>The learner's builds: `dotnet test` at the root (katas mode) and `dotnet run --project src/KataRunner`.</summary>
    private static readonly string[] LearnerRoots = ["katas/Katas.csproj", "tests/Tests.csproj", "src/KataRunner/KataRunner.csproj"];

    [Test]
    public void Nothing_under_src_references_tests_or_tools()
    {
        var problems = Projects().Where(p => p.StartsWith("src/", StringComparison.Ordinal))
            .SelectMany(p => References(p, solutions: null).Where(r => !r.StartsWith("src/", StringComparison.Ordinal)).Select(r => $"{p} references {r}"))
            .ToList();
        Assert.That(problems, Is.Empty, "src/ builds alone: move what it needs into src/");
    }

    [Test]
    public void No_project_removes_files_from_its_own_compile()
    {
        var problems = Projects().Where(p => File.ReadAllText(Path.Combine(Root(), p)).Contains("<Compile Remove", StringComparison.Ordinal)).ToList();
        Assert.That(problems, Is.Empty, "a project nested in another's folder: move it out instead of hiding its files");
    }

    [Test]
    public void The_maintainers_solution_lists_every_project_of_the_tree()
    {
        var listed = XDocument.Load(Path.Combine(Root(), "tools/Maintainers.slnx")).Descendants("Project")
            .Select(p => Normalize(Path.Combine("tools", (string)p.Attribute("Path")!))).ToHashSet(StringComparer.Ordinal);
        var expected = Projects().Where(p => !p.StartsWith("samples/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(expected.Except(listed), Is.Empty, "projects tools/Maintainers.slnx lacks");
            Assert.That(listed.Except(expected), Is.Empty, "projects tools/Maintainers.slnx lists that the tree does not have (or that build against the packages)");
        });
    }

    [Test]
    public void The_learners_solution_lists_every_project_its_builds_need_and_no_other()
    {
        var listed = SolutionProject().Matches(File.ReadAllText(Path.Combine(Root(), "Katas.sln")))
            .Select(m => Normalize(m.Groups["path"].Value.Replace('\\', '/'))).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(LearnerRoots);
        while (queue.TryDequeue(out var project))
        {
            if (!needed.Add(project)) continue;
            foreach (var reference in References(project, solutions: false)) queue.Enqueue(reference);
        }
        Assert.Multiple(() =>
        {
            Assert.That(needed.Except(listed), Is.Empty, "projects the learner's builds need that Katas.sln lacks");
            Assert.That(listed.Except(needed), Is.Empty, "projects in Katas.sln that no learner's build needs (they belong in tools/Maintainers.slnx)");
        });
    }

    /// <summary>Every project file of the tree, relative to the root.</summary>
    private static List<string> Projects() =>
        [.. Directory.EnumerateFiles(Root(), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root(), p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "StrykerOutput" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// A project's project references, relative to the root. <paramref name="solutions"/>: the references of that
    /// mode only (an item group conditioned on <c>$(Solutions)</c>); null: every reference.
    /// </summary>
    private static IEnumerable<string> References(string project, bool? solutions)
    {
        var document = XDocument.Load(Path.Combine(Root(), project));
        foreach (var reference in document.Descendants("ProjectReference"))
        {
            var condition = (string?)reference.Parent?.Attribute("Condition") ?? (string?)reference.Attribute("Condition") ?? "";
            if (solutions is { } mode && condition.Contains("$(Solutions)", StringComparison.Ordinal)
                && condition.Contains("!=", StringComparison.Ordinal) == mode) continue;
            yield return Normalize(Path.Combine(Path.GetDirectoryName(project)!, (string)reference.Attribute("Include")!));
        }
    }

    private static string Normalize(string relative) =>
        Path.GetRelativePath(Root(), Path.GetFullPath(relative.Replace('\\', '/'), Root())).Replace('\\', '/');

    [GeneratedRegex(@"^Project\(""\{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC\}""\) = ""[^""]*"", ""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
