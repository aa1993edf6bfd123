using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>
/// The runner shows a kata's hints in the learner's language: README.zh-CN.md when the language the runner
/// chose (UiLanguage: --lang, DOTNET_CLI_UI_LANGUAGE, the UI culture) is Chinese, README.md otherwise or when
/// the kata has no Chinese README.
/// </summary>
public class HintLanguageTests
{
    private string _folder = "";

    [SetUp]
    public void MakeKata()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hint-language-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "README.md"), "# K\n## Hints\n<details><summary>Hint 1 — a nudge</summary>\n\nStart both.\n</details>\n## Python ↔ C#\n");
        File.WriteAllText(Path.Combine(_folder, "README.zh-CN.md"), "# K\n## 提示\n<details><summary>提示 1 — 点拨</summary>\n\n两个都先启动。\n</details>\n## Python ↔ C#\n");
    }

    [TearDown]
    public void RemoveKata() => Directory.Delete(_folder, recursive: true);

    private string Readme => Path.Combine(_folder, "README.md");

    [TestCase("zh-Hans")]
    [TestCase("zh-CN")]
    [TestCase("zh-Hant")]
    [TestCase("zh")]
    [TestCase("zh_CN")]
    public void A_Chinese_UI_culture_gets_the_Chinese_hints(string culture) =>
        Assert.That(Hints.FromFile(Readme, culture), Is.EqualTo(new[] { new Hint("提示 1 — 点拨", "两个都先启动。") }));

    [TestCase("en")]
    [TestCase("en-US")]
    [TestCase("fr-FR")]
    [TestCase("")]
    public void Any_other_culture_gets_the_English_hints(string culture) =>
        Assert.That(Hints.FromFile(Readme, culture), Is.EqualTo(new[] { new Hint("Hint 1 — a nudge", "Start both.") }));

    [Test]
    public void Without_a_Chinese_README_a_Chinese_learner_gets_the_English_hints()
    {
        File.Delete(Path.Combine(_folder, "README.zh-CN.md"));
        Assert.That(Hints.FromFile(Readme, "zh-Hans"), Is.EqualTo(new[] { new Hint("Hint 1 — a nudge", "Start both.") }));
    }

    [TestCase("zh-CN", "提示 1 — 点拨")]
    [TestCase("zh", "提示 1 — 点拨")]
    [TestCase("en-US", "Hint 1 — a nudge")]
    [TestCase("fr-FR", "Hint 1 — a nudge")]
    public void The_runner_s_language_choice_picks_the_README(string asked, string title)
    {
        // The runner passes UiLanguage.Current: what --lang, DOTNET_CLI_UI_LANGUAGE or the UI culture chose.
        var language = AsyncKatas.Catalog.Words.UiLanguage.Choose(asked);
        Assert.That(Hints.FromFile(Readme, language).Select(h => h.Title), Is.EqualTo(new[] { title }));
    }

    [Test]
    public void Chinese_names_are_Chinese_and_others_are_not() => Assert.Multiple(() =>
    {
        Assert.That(Hints.IsChinese("zh-Hans") && Hints.IsChinese("ZH-cn") && Hints.IsChinese("zh") && Hints.IsChinese("zh_CN"), "Chinese names");
        Assert.That(Hints.IsChinese("") || Hints.IsChinese("en") || Hints.IsChinese("zu"), Is.False, "other names");
    });

    [Test]
    public void Every_kata_of_the_repository_has_as_many_Chinese_hints_as_English_ones()
    {
        var root = RepositoryRoot();
        var problems = new List<string>();
        foreach (var kata in AsyncKatas.Catalog.KataCatalog.All)
        {
            var readme = Path.Combine(root, kata.ReadmePath);
            var english = Hints.FromFile(readme, "en");
            var chinese = Hints.FromFile(readme, "zh-Hans");
            if (Hints.ReadmeFor(readme, "zh-Hans") == readme) problems.Add($"{kata.Id}: no {Hints.ChineseReadme}");
            else if (english.Count == 0 || chinese.Count != english.Count) problems.Add($"{kata.Id}: {english.Count} English hints, {chinese.Count} Chinese");
            else if (chinese.Any(h => !h.Title.StartsWith("提示", StringComparison.Ordinal))) problems.Add($"{kata.Id}: a Chinese hint's title does not start with 提示");
        }
        Assert.That(problems, Is.Empty);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Katas.sln"))) return dir;
        }
        throw new InvalidOperationException("Katas.sln not found above " + file);
    }
}
