using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KataRunner.Tests;

/// <summary>
/// What the runner prints to the learner comes from the vocabulary (src/AsyncKatas.Catalog/Words), so that
/// zh-Hans is a translation: no string literal in src/KataRunner/Ui or src/KataRunner/Modes holds three or more
/// English words (Spectre markup tags and interpolated values left out), apart from the few listed below.
/// </summary>
public partial class InlineWordsTests
{
    /// <summary>The literals allowed to stay, by file, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // The maintainer's start-up benchmark (--bench, --bench-start): its figures are read by bench/ scripts, in English.
        ["Modes/BenchMode.cs"] = "*",
        // The maintainer's --report (tools/check.sh reads the file; this line says where it went and how many tests).
        ["Modes/ReportMode.cs:{}: {} tests, {} passed, {} failed"] = "",
    };

    private static readonly string[] Folders = ["src/KataRunner/Ui", "src/KataRunner/Modes"];

    [Test]
    public void No_English_sentence_is_written_inline_in_the_runner()
    {
        var found = new List<string>();
        foreach (var folder in Folders)
        {
            var path = Path.Combine(SharedEngine.Paths.Root, folder);
            Assert.That(Directory.Exists(path), path);
            foreach (var file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(Path.Combine(SharedEngine.Paths.Root, "src/KataRunner"), file).Replace('\\', '/');
                if (Allowed.ContainsKey(name)) continue;
                foreach (var (line, text) in Literals(File.ReadAllText(file)))
                {
                    if (Words(text) >= 3 && !Allowed.ContainsKey($"{name}:{text}")) found.Add($"src/KataRunner/{name}({line}): \"{text}\"");
                }
            }
        }
        Assert.That(found, Is.Empty, "put the sentence in Vocabulary.resx with its zh-Hans text in Vocabulary.zh-Hans.resx");
    }

    [TestCase("Katas solved: {} of {}", 3)]
    [TestCase("[bold]{}[/] [grey]({})[/]", 0)]
    [TestCase("\u001b[K", 0)]
    [TestCase("h 提示{} · n 下题", 0)]
    public void Words_are_counted_outside_markup_and_values(string text, int words) => Assert.That(Words(text), Is.EqualTo(words));

    /// <summary>The text of every string literal (an interpolated one with "{}" for each value) and its line.</summary>
    private static IEnumerable<(int Line, string Text)> Literals(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{}")),
                _ => null,
            };
            // A literal inside an interpolation is part of its interpolated string, and counted there too.
            if (text is not null) yield return (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text);
        }
    }

    /// <summary>The English words (two letters or more) of <paramref name="text"/>, without Spectre's [style] tags.</summary>
    private static int Words(string text) => Word().Matches(MarkupTag().Replace(text, " ")).Count;

    [GeneratedRegex(@"\[/?[a-z ]*\]")]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")]
    private static partial Regex Word();
}
