using System.Runtime.CompilerServices;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// solutions/AnalyzerAdvice.txt and its Chinese AnalyzerAdvice.zh-Hans.txt give advice for the same rules in the same
/// order, and every Chinese line is written in Chinese (code and rule names stay as they are).
/// </summary>
[Category("Support")]
public class AnalyzerAdviceTests
{
    private static string Solutions([CallerFilePath] string file = "") =>
        Path.Combine(AsyncKatas.Tests.Support.KataVerifier.RepositoryRoot(file) ?? throw new InvalidOperationException("Katas.sln not found"), "solutions");

    private static List<(string Rule, string Advice)> Read(string name) =>
        [.. File.ReadAllLines(Path.Combine(Solutions(), name))
            .Where(l => !l.StartsWith('#') && l.Contains('\t', StringComparison.Ordinal))
            .Select(l => (l[..l.IndexOf('\t', StringComparison.Ordinal)], l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..]))];

    [Test]
    public void The_Chinese_advice_covers_the_same_rules_in_Chinese()
    {
        var english = Read("AnalyzerAdvice.txt");
        var chinese = Read("AnalyzerAdvice.zh-Hans.txt");
        Assert.Multiple(() =>
        {
            Assert.That(english, Is.Not.Empty);
            Assert.That(chinese.Select(c => c.Rule), Is.EqualTo(english.Select(e => e.Rule)), "the same rules, in the same order");
            foreach (var (rule, advice) in chinese)
            {
                Assert.That(advice.Count(c => c >= '\u4e00' && c <= '\u9fff'), Is.GreaterThan(5), $"{rule}'s Chinese advice has little Chinese in it");
            }
        });
    }
}
