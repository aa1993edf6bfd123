using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// Each kata's README comes in two languages that say the same: katas/Kxx/README.md (English) and
/// katas/Kxx/README.zh-CN.md (Chinese) have the same headings at the same levels, the hints section at the
/// same place, the same number of hint levels, the same code blocks (byte for byte: code, the article's
/// printed lines and the Python program are data) and the same marker comments (<c>&lt;!-- output: … --&gt;</c>,
/// <c>&lt;!-- snippet: … --&gt;</c>) in the same order. The Chinese one is translated: no English sentence is
/// left in its prose (a run of four English words outside code, links and markers), every heading and hint
/// title has Chinese in it, each README links to the other, and the Chinese uses the article's terms.
/// </summary>
[Category("Support")]
public partial class ReadmeLanguagesTests
{
    private const string Chinese = "README.zh-CN.md";

    private static string Root([CallerFilePath] string file = "") =>
        AsyncKatas.Tests.Support.KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found above " + file);

    public static IEnumerable<TestCaseData> Katas() =>
        KataCatalog.All.Select(k => new TestCaseData(k.Folder).SetArgDisplayNames(k.Id));

    [Test]
    public void A_failure_links_the_hints_of_the_README_in_the_language_in_use()
    {
        foreach (var (language, heading) in new[] { ("en", "## Hints"), ("zh-Hans", "## 提示") })
        {
            foreach (var kata in KataCatalog.All)
            {
                var parts = kata.HintsPathIn(language).Split('#');
                var file = Path.Combine(Root(), parts[0]);
                Assert.That(File.Exists(file), $"{language}: {parts[0]} names no file");
                Assert.That(File.ReadAllLines(file), Does.Contain(heading).And.Contain("## " + parts[1]).IgnoreCase,
                    $"{language}: {kata.HintsPathIn(language)} names no heading of that README");
            }
        }
        Assert.That(KataCatalog.All[0].HintsPathIn("zh-Hans"), Does.Contain(Chinese), "in Chinese the hints are README.zh-CN.md's");
    }

    [TestCaseSource(nameof(Katas))]
    public void The_two_READMEs_have_the_same_structure(string folder)
    {
        var dir = Path.Combine(Root(), "katas", folder);
        var englishPath = Path.Combine(dir, "README.md");
        var chinesePath = Path.Combine(dir, Chinese);
        Assert.That(File.Exists(chinesePath), $"katas/{folder}/{Chinese} is missing");
        var english = ReadmeShape.Parse(File.ReadAllText(englishPath));
        var chinese = ReadmeShape.Parse(File.ReadAllText(chinesePath));
        Assert.Multiple(() =>
        {
            Assert.That(chinese.HeadingLevels, Is.EqualTo(english.HeadingLevels),
                $"heading levels differ:\n  en: {string.Join(" | ", english.Headings)}\n  zh: {string.Join(" | ", chinese.Headings)}");
            Assert.That(english.HintsHeading, Is.GreaterThanOrEqualTo(0), "README.md has no '## Hints'");
            Assert.That(chinese.HintsHeading, Is.EqualTo(english.HintsHeading), "'## 提示' is not where README.md has '## Hints'");
            Assert.That(chinese.HintTitles, Has.Count.EqualTo(english.HintTitles.Count).And.Count.GreaterThan(0), "hint levels");
            Assert.That(chinese.HintTitles, Has.All.Match(@"^提示 \d+ — "), "Chinese hint titles read '提示 N — …'");
            Assert.That(english.HintTitles, Has.All.Match(@"^Hint \d+ — "), "English hint titles read 'Hint N — …'");
            Assert.That(chinese.CodeBlocks, Has.Count.EqualTo(english.CodeBlocks.Count), "number of code blocks");
            for (var i = 0; i < Math.Min(chinese.CodeBlocks.Count, english.CodeBlocks.Count); i++)
            {
                Assert.That(chinese.CodeBlocks[i], Is.EqualTo(english.CodeBlocks[i]), $"code block {i + 1} differs");
            }
            Assert.That(chinese.Markers, Is.EqualTo(english.Markers), "marker comments (output, snippet) and their order");
            Assert.That(chinese.Imports, Is.EqualTo(english.Imports), "the imports each README names");
        });
    }

    [TestCaseSource(nameof(Katas))]
    public void The_Chinese_README_is_translated_and_linked(string folder)
    {
        var dir = Path.Combine(Root(), "katas", folder);
        var english = File.ReadAllText(Path.Combine(dir, "README.md"));
        var chinese = File.ReadAllText(Path.Combine(dir, Chinese));
        var shape = ReadmeShape.Parse(chinese);
        var prose = ReadmeShape.Prose(chinese);
        var untranslated = prose.SelectMany(line => EnglishRun().Matches(line).Select(m => m.Value)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(english, Does.Contain($"]({Chinese})"), "README.md links to the Chinese README");
            Assert.That(chinese, Does.Contain("](README.md)"), "README.zh-CN.md links to the English README");
            Assert.That(english, Does.Not.Contain("## 中文说明"), "the Chinese text lives in README.zh-CN.md, not in a section of README.md");
            Assert.That(shape.Headings.Concat(shape.HintTitles).Where(h => !Han().IsMatch(h) && h != "Python ↔ C#"), Is.Empty, "headings without Chinese");
            Assert.That(untranslated, Is.Empty, "English left in the Chinese prose");
        });
    }

    /// <summary>
    /// Words for the article's concepts that the article does not use, with the article's own word (the
    /// glossary in README.zh-CN.md): a learner who reads the article must meet the same terms here.
    /// </summary>
    private static readonly (string Avoid, string Article)[] Terms =
    [
        ("协同程序", "协程"), ("協程", "协程"), ("事件环", "事件循环"), ("事件迴圈", "事件循环"),
        ("期物", "future"), ("期约", "future"), ("回呼", "回调"), ("回调函数对象", "回调"), ("线程池子", "线程池"),
    ];

    [TestCaseSource(nameof(Katas))]
    public void The_Chinese_README_uses_the_article_s_terms(string folder)
    {
        var text = string.Join('\n', ReadmeShape.Prose(File.ReadAllText(Path.Combine(Root(), "katas", folder, Chinese))));
        Assert.That(Terms.Where(t => text.Contains(t.Avoid, StringComparison.Ordinal)).Select(t => $"'{t.Avoid}': the article says '{t.Article}'"), Is.Empty);
    }

    /// <summary>Four English words in a row (code, paths and links are taken out first).</summary>
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){3,}\b")]
    private static partial Regex EnglishRun();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
