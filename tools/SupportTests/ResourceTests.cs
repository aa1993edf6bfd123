using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AsyncKatas.Catalog.Words;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// Every catalogue of sentences (a neutral .resx under src/ or tests/) has its Chinese translation beside it
/// (Name.zh-Hans.resx) with the same keys, none empty, none a copy of the English sentence, and the same placeholders
/// ({0}, {1}…) in each; and the translation is what a reader in that language gets.
/// </summary>
[Category("Support")]
public partial class ResourceTests
{
    private static string Root([CallerFilePath] string file = "") =>
        KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found above " + file);

    private static IEnumerable<string> NeutralCatalogues() =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root(), folder), "*.resx", SearchOption.AllDirectories))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(p => Path.GetFileNameWithoutExtension(p).IndexOf('.', StringComparison.Ordinal) < 0)
            .Order(StringComparer.Ordinal);

    [Test]
    public void There_is_a_catalogue()
    {
        Assert.That(NeutralCatalogues().Select(p => Path.GetRelativePath(Root(), p).Replace('\\', '/')),
            Does.Contain("src/AsyncKatas.Catalog/Words/Vocabulary.resx"));
    }

    [Test]
    public void Every_key_has_its_zh_Hans_text_with_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var neutral in NeutralCatalogues())
        {
            var name = Path.GetRelativePath(Root(), neutral).Replace('\\', '/');
            var chinese = Path.ChangeExtension(neutral, null) + ".zh-Hans.resx";
            if (!File.Exists(chinese))
            {
                problems.Add($"{name}: no {Path.GetFileName(chinese)} beside it");
                continue;
            }
            var english = Entries(neutral);
            var translated = Entries(chinese);
            foreach (var (key, text) in english)
            {
                if (string.IsNullOrWhiteSpace(text)) problems.Add($"{name}: {key} is empty");
                if (!translated.TryGetValue(key, out var zh) || string.IsNullOrWhiteSpace(zh)) problems.Add($"{name}: {key} has no zh-Hans text");
                else if (zh == text && EnglishWord().IsMatch(Placeholder().Replace(text, "")))
                {
                    problems.Add($"{name}: {key}: the zh-Hans text is the English one, not translated");
                }
                else if (!Placeholders(text).SetEquals(Placeholders(zh)))
                {
                    problems.Add($"{name}: {key}: the placeholders differ (en {{{string.Join("}, {", Placeholders(text))}}}, zh-Hans {{{string.Join("}, {", Placeholders(zh))}}})");
                }
            }
            problems.AddRange(translated.Keys.Except(english.Keys).Select(key => $"{name}: {key} is translated but not in the neutral file"));
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void The_vocabulary_speaks_the_language_chosen()
    {
        var count = new KataCount(Passed: 1, Failed: 3);
        try
        {
            AsyncKatas.Catalog.Words.UiLanguage.Use("zh-Hans");
            Assert.That(KataVocabulary.Status(count), Is.EqualTo("进行中：4 个测试通过了 1 个"), "the zh-Hans satellite is found and read");
            AsyncKatas.Catalog.Words.UiLanguage.Use("en");
            Assert.That(KataVocabulary.Status(count), Is.EqualTo("in progress: 1 of 4 tests pass"));
        }
        finally
        {
            AsyncKatas.Catalog.Words.UiLanguage.Use("en");
        }
    }

    [TestCase("zh-Hans", "zh-Hans")]
    [TestCase("zh-CN", "zh-Hans")]
    [TestCase("en-US", "en")]
    [TestCase("fr-FR", null)]
    [TestCase("", null)]
    public void Language_names_read_as_the_SDK_reads_them(string name, string? expected) =>
        Assert.That(AsyncKatas.Catalog.Words.UiLanguage.Normalize(name), Is.EqualTo(expected));

    private static Dictionary<string, string> Entries(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["n"].Value)];

    [GeneratedRegex(@"(?<!\{)\{(?<n>\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A word of three letters or more: a text without one ("{0} ms", a lone key letter) may read the same in both languages.</summary>
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();
}
