using System.Net;
using System.Text.RegularExpressions;

namespace KataRunner.Engine.Session;

/// <summary>One hint of a kata: its title ("Hint 1 — …") and its text.</summary>
public sealed record Hint(string Title, string Text);

/// <summary>
/// Reads a kata's hints from its README: the <c>## Hints</c> section (<c>## 提示</c> in README.zh-CN.md), one
/// hint per <c>&lt;details&gt;&lt;summary&gt;Hint N …&lt;/summary&gt; … &lt;/details&gt;</c> block, in order. A
/// Hints section without such blocks is one hint: the whole section.
/// </summary>
public static partial class Hints
{
    public static IReadOnlyList<Hint> FromReadme(string markdown)
    {
        var section = HintsSection(markdown);
        if (section is null) return [];
        var blocks = DetailsBlock().Matches(section);
        if (blocks.Count == 0)
        {
            var whole = section.Trim();
            return whole.Length == 0 ? [] : [new Hint("Hints", whole)];
        }
        return [.. blocks.Select(m => new Hint(Clean(m.Groups["summary"].Value), Clean(m.Groups["body"].Value)))];
    }

    public static IReadOnlyList<Hint> FromFile(string readmePath) =>
        File.Exists(readmePath) ? FromReadme(File.ReadAllText(readmePath)) : [];

    /// <summary>
    /// The hints in the learner's language: README.zh-CN.md beside <paramref name="readmePath"/> when
    /// <paramref name="language"/> (a culture name: "zh-Hans", "en", "") is Chinese and that file exists, else
    /// README.md. Names, not CultureInfo: the repository builds with InvariantGlobalization, where only the
    /// invariant culture can be made.
    /// </summary>
    public static IReadOnlyList<Hint> FromFile(string readmePath, string language) =>
        FromFile(ReadmeFor(readmePath, language));

    /// <summary>The README to read the hints from for <paramref name="language"/> (see FromFile).</summary>
    public static string ReadmeFor(string readmePath, string language)
    {
        if (!IsChinese(language)) return readmePath;
        var chinese = Path.Combine(Path.GetDirectoryName(readmePath) ?? "", ChineseReadme);
        return File.Exists(chinese) ? chinese : readmePath;
    }

    /// <summary>The Chinese README's name, beside each kata's README.md.</summary>
    public const string ChineseReadme = "README.zh-CN.md";

    /// <summary>zh, zh-Hans, zh-CN, zh-Hant…: any culture name whose language is Chinese.</summary>
    public static bool IsChinese(string language) =>
        language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
        || language.StartsWith("zh_", StringComparison.OrdinalIgnoreCase);

    private static string? HintsSection(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => HintsHeading().IsMatch(l));
        if (start < 0) return null;
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal) || l == "##");
        return string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);
    }

    private static string Clean(string html)
    {
        var text = Tags().Replace(html, "");
        return WebUtility.HtmlDecode(text).Trim('\n', ' ', '\t');
    }

    [GeneratedRegex(@"^##\s+(Hints\b|提示)", RegexOptions.IgnoreCase)]
    private static partial Regex HintsHeading();

    [GeneratedRegex(@"<details>\s*<summary>(?<summary>.*?)</summary>(?<body>.*?)</details>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex DetailsBlock();

    [GeneratedRegex(@"</?(summary|details|b|strong|em|i|br)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();
}
