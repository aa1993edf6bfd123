using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// katas/katas.json is the one place a kata is declared; everything else that names katas agrees with it:
/// the folders of the three trees, the files given to the learner (kept once in each tree, so checked
/// equal), where each Python program is, which katas are given threads, and the READMEs' kata tables.
/// </summary>
[Category("Support")]
public class ManifestTests
{
    private static string Root([CallerFilePath] string file = "") =>
        KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found above " + file);

    [Test]
    public void Every_kata_folder_is_declared_and_every_declared_kata_has_its_folders()
    {
        var declared = KataCatalog.All.Select(k => k.Folder).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var tree in new[] { "katas", "solutions", "tests" })
        {
            var present = Directory.GetDirectories(Path.Combine(Root(), tree), "K*").Select(Path.GetFileName).OfType<string>()
                .Where(name => KataFolderPattern.IsMatch(name)).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(present.Except(declared).Order().Select(f => $"{tree}/{f} is not declared in {KataManifest.RelativePath}"));
            problems.AddRange(declared.Except(present).Order().Select(f => $"{KataManifest.RelativePath} declares {f}, but {tree}/{f} does not exist"));
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Given_files_are_the_same_in_katas_and_solutions_and_every_file_that_is_the_same_is_declared_given()
    {
        var problems = new List<string>();
        foreach (var kata in KataCatalog.All)
        {
            var stubs = Path.Combine(Root(), "katas", kata.Folder);
            var solutions = Path.Combine(Root(), "solutions", kata.Folder);
            foreach (var file in kata.GivenFiles)
            {
                var stub = Path.Combine(stubs, file);
                var solution = Path.Combine(solutions, file);
                if (!File.Exists(stub) || !File.Exists(solution)) problems.Add($"{kata.Id}: given file {file} is missing from katas/ or solutions/");
                else if (!File.ReadAllBytes(stub).AsSpan().SequenceEqual(File.ReadAllBytes(solution)))
                    problems.Add($"{kata.Id}: given file {file} differs between katas/ and solutions/ (git diff --no-index katas/{kata.Folder}/{file} solutions/{kata.Folder}/{file})");
            }
            if (!Directory.Exists(stubs) || !Directory.Exists(solutions)) continue;
            foreach (var stub in Directory.GetFiles(stubs, "*.cs"))
            {
                var name = Path.GetFileName(stub);
                var solution = Path.Combine(solutions, name);
                if (!kata.GivenFiles.Contains(name) && File.Exists(solution) && File.ReadAllBytes(stub).AsSpan().SequenceEqual(File.ReadAllBytes(solution)))
                    problems.Add($"{kata.Id}: {name} is the same in katas/ and solutions/ but not listed in its \"given\" files");
            }
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void Every_kata_has_its_Python_program_where_the_manifest_says()
    {
        var problems = new List<string>();
        foreach (var kata in KataCatalog.All)
        {
            var path = Path.Combine(Root(), "katas", kata.Folder, kata.Python);
            if (!File.Exists(path)) problems.Add($"{kata.Id}: no katas/{kata.Folder}/{kata.Python}");
            else if (kata.Python == KataManifest.ReadmeProgram && !File.ReadAllLines(path).Any(l => l.TrimEnd() == "```python"))
                problems.Add($"{kata.Id}: its README has no ```python block");
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void The_katas_given_threads_are_those_whose_code_takes_a_TaskScheduler_threads()
    {
        var problems = new List<string>();
        foreach (var kata in KataCatalog.All)
        {
            var folder = Path.Combine(Root(), "solutions", kata.Folder);
            var takesThreads = Directory.Exists(folder) &&
                               Directory.GetFiles(folder, "*.cs").Any(f => File.ReadAllText(f).Contains("TaskScheduler threads", StringComparison.Ordinal));
            if (takesThreads != kata.GivesThreads)
                problems.Add($"{kata.Id}: \"threads\" is {kata.GivesThreads.ToString().ToLowerInvariant()}, but its code {(takesThreads ? "takes" : "never takes")} a TaskScheduler threads");
        }
        Assert.That(problems, Is.Empty);
    }

    [TestCase("README.md", "beyond the article")]
    [TestCase("README.zh-CN.md", "文章之外")]
    public void The_readme_kata_tables_list_every_kata_in_order_under_its_part(string readme, string beyondWords)
    {
        var rows = KataRows(File.ReadAllLines(Path.Combine(Root(), readme)));
        Assert.That(rows.Select(r => r.Folder), Is.EqualTo(KataCatalog.All.Select(k => k.Folder)),
            $"{readme}: the kata tables' rows (first cell) must be the katas of {KataManifest.RelativePath}, in its order");
        var problems = new List<string>();
        foreach (var (row, kata) in rows.Zip(KataCatalog.All))
        {
            var part = kata.Part == 2 ? "Part II" : "Part I";
            if (!Regex.IsMatch(row.Heading, $@"\b{part}\b")) problems.Add($"{kata.Folder} is under \"{row.Heading}\", not under a \"{part}\" heading");
            if (!kata.FromArticle)
            {
                if (!row.Line.Contains(beyondWords, StringComparison.Ordinal)) problems.Add($"{kata.Folder}: a kata beyond the article; its row must say \"{beyondWords}\"");
                continue;
            }
            foreach (var section in kata.Article.Split(" / "))
            {
                if (!row.Line.Contains(section, StringComparison.Ordinal)) problems.Add($"{kata.Folder}: its row does not name the article's section \"{section}\"");
            }
            foreach (Match example in ExampleIdPattern.Matches(kata.Examples))
            {
                if (!row.Line.Contains(example.Value, StringComparison.Ordinal)) problems.Add($"{kata.Folder}: its row does not name example {example.Value}");
            }
        }
        Assert.That(problems, Is.Empty, readme);
    }

    [TestCase("README.md")]
    [TestCase("README.zh-CN.md")]
    public void The_readme_names_the_katas_given_threads_as_the_manifest_does(string readme)
    {
        // The asyncio → C# table's run_in_executor row lists the katas whose code is given the loop's threads.
        var row = File.ReadAllLines(Path.Combine(Root(), readme)).Single(l => l.StartsWith("| `loop.run_in_executor(", StringComparison.Ordinal));
        var named = Regex.Matches(row, @"\bK\d\d\b").Select(m => m.Value);
        Assert.That(named, Is.EqualTo(KataCatalog.All.Where(k => k.GivesThreads).Select(k => k.Id)),
            $"{readme}: the run_in_executor row names the katas with \"threads\": true in {KataManifest.RelativePath}, in order");
    }

    [TestCase("README.md")]
    [TestCase("README.zh-CN.md")]
    public void The_readme_copies_no_figure_from_bench(string readme)
    {
        // Timings live in bench/ (measured with their baseline, in one run); the READMEs link there instead of copying them.
        var figures = File.ReadAllLines(Path.Combine(Root(), readme))
            .Where(l => Regex.IsMatch(l, @"(about|大约) [\d.]+ ?(s|ms|秒|毫秒)\b") || Regex.IsMatch(l, @"大约[\d.]+ ?(秒|毫秒)"))
            .ToList();
        Assert.That(figures, Is.Empty, $"{readme}: a wall-clock figure copied from bench/ (link to bench/RUNNER.md or bench/RESULTS.md)");
    }

    [TestCase("""{ "katas": [ { "id": "K1", "folder": "K1_X", "part": 1, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "" } ] }""", "K1's \"id\" must be K and two digits")]
    [TestCase("""{ "katas": [ { "id": "K01", "folder": "K02_X", "part": 1, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "" } ] }""", "K01's \"folder\" must be \"K01_Name\"")]
    [TestCase("""{ "katas": [ { "id": "K01", "folder": "K01_X", "part": 2, "topic": "t", "topic_zh": "题", "article": "协程并发", "examples": "E08" } ] }""", "K01's \"article\" a Part II kata is \"beyond\"")]
    [TestCase("""{ "katas": [ { "id": "K01", "folder": "K01_X", "part": 1, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "", "given": ["sub/A.cs"] } ] }""", "K01's \"given\" lists .cs file names")]
    [TestCase("""{ "katas": [ { "id": "K01", "folder": "K01_X", "part": 1, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "", "thread": true } ] }""", "\"thread\" is not a field")]
    [TestCase("""{ "katas": [ { "id": "K02", "folder": "K02_X", "part": 2, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "" }, { "id": "K03", "folder": "K03_X", "part": 1, "topic": "t", "topic_zh": "题", "article": "beyond", "examples": "" } ] }""", "K03's \"part\" part 1 comes after part 2")]
    [TestCase("""{ "katas": [ { "id": "K01", "folder": "K01_X", "part": 1, "topic": "t", "topic_zh": "topic", "article": "beyond", "examples": "" } ] }""", "K01's \"topic_zh\" is missing or has no Chinese in it")]
    public void A_mistake_in_the_manifest_is_named(string json, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var error = Assert.Throws<InvalidDataException>(() => KataManifest.Load(stream));
        Assert.That(error!.Message, Does.StartWith(KataManifest.RelativePath).And.Contain(expected));
    }

    [Test]
    public void The_embedded_manifest_is_the_file_in_the_repository()
    {
        using var file = File.OpenRead(Path.Combine(Root(), KataManifest.RelativePath));
        Assert.That(KataManifest.Load(file), Is.EqualTo(KataCatalog.All).Using<Kata>((a, b) =>
            a.Id == b.Id && a.Folder == b.Folder && a.Topic == b.Topic && a.TopicZh == b.TopicZh && a.FromArticle == b.FromArticle && a.Part == b.Part &&
            a.Article == b.Article && a.Examples == b.Examples && a.GivesThreads == b.GivesThreads && a.Python == b.Python &&
            a.GivenFiles.SequenceEqual(b.GivenFiles)));
    }

    /// <summary>Each table row whose first cell is a kata folder, with the heading it is under.</summary>
    private static List<(string Folder, string Heading, string Line)> KataRows(string[] lines)
    {
        var rows = new List<(string, string, string)>();
        var heading = "";
        foreach (var line in lines)
        {
            if (line.StartsWith('#')) heading = line.TrimStart('#').Trim();
            else if (TableRowPattern.Match(line) is { Success: true } row) rows.Add((row.Groups["folder"].Value, heading, line));
        }
        return rows;
    }

    // Plain Regex objects, not [GeneratedRegex]: the watch runner compiles the tests in memory without source generators.
    private static readonly Regex KataFolderPattern = new(@"^K\d\d_\w+$");
    private static readonly Regex TableRowPattern = new(@"^\|\s*(?<folder>K\d\d_\w+)\s*\|");
    private static readonly Regex ExampleIdPattern = new(@"E\d\d[a-z]?");
}
