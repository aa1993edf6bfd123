using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>The repository keeps its promises: every test is categorised, every kata has all its parts.</summary>
[Category("Support")]
public class RepositoryTests
{
    private static string Root([CallerFilePath] string file = "") =>
        AsyncKatas.Tests.Support.KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found above " + file);

    /// <summary>The kata tests (tests/Tests.csproj, the learner's `dotnet test`) and these maintainers' tests.</summary>
    private static readonly Assembly KataTests = typeof(KataContext).Assembly;
    private static readonly Assembly MaintainerTests = typeof(RepositoryTests).Assembly;

    private static IEnumerable<(Type Type, MethodInfo Method)> Tests(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute));

    [Test]
    public void Every_kata_test_has_its_kata_category_and_every_maintainer_test_Support()
    {
        var problems = new List<string>();
        foreach (var (assembly, support) in new[] { (KataTests, false), (MaintainerTests, true) })
        {
            foreach (var (type, method) in Tests(assembly))
            {
                var categories = type.GetCustomAttributes<CategoryAttribute>(true)
                    .Concat(method.GetCustomAttributes<CategoryAttribute>(true)).Select(c => c.Name).ToList();
                var kata = KataCatalog.FromPath(type.FullName ?? "");
                // The learner's project holds kata tests only; the maintainers' project none.
                var expected = support ? (kata is null ? "Support" : "(no kata test here: it belongs in tests/)") : kata?.Id ?? "(a kata's folder: tests outside the katas belong in tools/SupportTests)";
                if (!categories.Contains(expected)) problems.Add($"{type.Name}.{method.Name}: expected category {expected}, has [{string.Join(", ", categories)}]");
            }
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_kata_has_stub_solution_tests_and_a_readme_with_hints_in_two_languages()
    {
        var problems = new List<string>();
        var katas = KataCatalog.All;
        Assert.That(katas, Is.Not.Empty);
        foreach (var kata in katas)
        {
            var stub = Path.Combine(Root(), "katas", kata.Folder);
            var solution = Path.Combine(Root(), "solutions", kata.Folder);
            var tests = Path.Combine(Root(), "tests", kata.Folder);
            var readme = Path.Combine(stub, "README.md");
            if (!File.Exists(readme)) problems.Add($"{kata.Id}: no {kata.ReadmePath}");
            else
            {
                var text = File.ReadAllText(readme);
                if (!text.Contains("## Hints", StringComparison.Ordinal)) problems.Add($"{kata.Id}: README has no '## Hints' section");
                if (!text.Contains("中文", StringComparison.Ordinal)) problems.Add($"{kata.Id}: README has no Chinese section or link");
            }
            var stubFiles = Directory.Exists(stub) ? Directory.GetFiles(stub, "*.cs").Select(Path.GetFileName).Order().ToList() : [];
            var solutionFiles = Directory.Exists(solution) ? Directory.GetFiles(solution, "*.cs").Select(Path.GetFileName).Order().ToList() : [];
            if (stubFiles.Count == 0) problems.Add($"{kata.Id}: no code in katas/{kata.Folder}");
            if (!stubFiles.SequenceEqual(solutionFiles)) problems.Add($"{kata.Id}: katas/ has [{string.Join(", ", stubFiles)}], solutions/ has [{string.Join(", ", solutionFiles)}]");
            if (!Directory.Exists(tests) || Directory.GetFiles(tests, "*Tests.cs").Length == 0) problems.Add($"{kata.Id}: no tests/{kata.Folder}/*Tests.cs");
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Kata_tests_judge_only_through_the_kata_support()
    {
        // A bare Assert in a kata test gives the learner NUnit's "Expected: … But was: …" with no kata
        // header and no fix; kata tests judge through Judge (tests/Support/Judge.cs) and KataVerifier.
        var bare = new System.Text.RegularExpressions.Regex(@"\b(ClassicAssert|Assert|Assume|Warn)\s*\.\s*\w+");
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root(), "tests"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root(), file).Replace('\\', '/');
            var folder = relative.Split('/')[1];
            if (!(folder.Length > 4 && folder[0] == 'K' && folder[3] == '_') || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].Split("//")[0];
                if (bare.Match(code) is { Success: true } match) problems.Add($"{relative}:{i + 1}: {match.Value}");
            }
        }
        Assert.That(problems, Is.Empty, "kata tests that call NUnit's Assert directly (use Judge.That/Equal/Sequence/All, VerifyRun, AssertCompleted)");
    }

    [Test]
    public void Every_snapshot_is_UTF8_without_BOM_with_LF_line_endings()
    {
        var problems = new List<string>();
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var file in Directory.GetFiles(Path.Combine(Root(), "tests"), "*.verified.txt", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetRelativePath(Root(), file);
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) problems.Add($"{name}: has a BOM");
            try { strict.GetString(bytes); } catch (DecoderFallbackException) { problems.Add($"{name}: not UTF-8"); }
            if (bytes.Contains((byte)'\r')) problems.Add($"{name}: has \\r");
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_verified_snapshot_belongs_to_a_test()
    {
        var names = KataTests.GetTypes().Concat(MaintainerTests.GetTypes())
            .SelectMany(t => t.GetMethods().Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var orphans = new[] { "tests", "tools/SupportTests" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Root(), folder), "*.verified.txt", SearchOption.AllDirectories))
            .Select(Path.GetFileName)
            .Select(f => f![..^".verified.txt".Length])
            .Select(n => n.Contains('=') ? n[..n.LastIndexOf('_', n.IndexOf('='))] : n) // parameterised: Method_arg=value
            .Where(n => !names.Contains(n))
            .ToList();
        Assert.That(orphans, Is.Empty, "snapshot files whose test no longer exists");
    }
}
