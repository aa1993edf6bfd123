using System.Globalization;
using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>
/// The runner shows a kata's hints in the learner's language: README.zh-CN.md when the UI language is
/// Chinese (DOTNET_CLI_UI_LANGUAGE=zh-Hans, or a zh* UI culture), README.md otherwise or when the kata
/// has no Chinese README.
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

    [Test]
    public void DOTNET_CLI_UI_LANGUAGE_wins_over_the_UI_culture_as_in_the_SDK()
    {
        // The repository builds with InvariantGlobalization: the UI culture is the invariant one (name "").
        var current = CultureInfo.InvariantCulture;
        Assert.Multiple(() =>
        {
            Assert.That(Hints.UiLanguage("zh-Hans", current), Is.EqualTo("zh-Hans"));
            Assert.That(Hints.UiLanguage(" en ", current), Is.EqualTo("en"));
            Assert.That(Hints.UiLanguage(null, current), Is.EqualTo(""), "not set: the UI culture's name");
            Assert.That(Hints.UiLanguage(" ", current), Is.EqualTo(""), "blank: the UI culture's name");
            Assert.That(Hints.IsChinese("zh-Hans") && Hints.IsChinese("ZH-cn") && Hints.IsChinese("zh"), "Chinese names");
            Assert.That(Hints.IsChinese("") || Hints.IsChinese("en") || Hints.IsChinese("zu"), Is.False, "other names");
        });
    }

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
