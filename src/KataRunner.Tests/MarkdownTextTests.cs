using KataRunner.Engine;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>Hints are Markdown in the kata READMEs; the runner shows them formatted (Markdig, then Spectre.Console), never raw.</summary>
public class MarkdownTextTests
{
    private static string Plain(string markdown, int width = 80)
    {
        var console = ScreenFixture.Console(width, 50);
        console.Write(MarkdownText.Render(markdown));
        return string.Join('\n', console.Output.Split('\n').Select(l => l.TrimEnd()));
    }

    [Test]
    public void Emphasis_code_lists_and_code_blocks_are_formatted()
    {
        const string hint = "Both must be *under way*, **both**: call `WorkAsync` twice.\n\n- first\n- second\n\n1. one\n2. two\n\n```csharp\nawait Task.WhenAll(a, b);\n```\n<!-- snippet: x -->\n";
        var text = Plain(hint);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("Both must be under way, both: call WorkAsync twice.\n\n  • first"), "a blank line between blocks, as in the README");
            Assert.That(text, Does.Contain("  • first\n  • second\n"));
            Assert.That(text, Does.Contain("  1. one\n  2. two\n"));
            Assert.That(text, Does.Contain("    await Task.WhenAll(a, b);"));
            Assert.That(text, Does.Not.Contain("snippet"), "HTML comments are the maintainers'");
        });
        var console = ScreenFixture.AnsiConsole(80, 50);
        console.Write(MarkdownText.Render(hint));
        Assert.Multiple(() =>
        {
            Assert.That(console.Output, Does.Contain("\u001b[3munder way\u001b[0m"), "italic");
            Assert.That(console.Output, Does.Contain("\u001b[1mboth\u001b[0m"), "bold");
        });
    }

    [Test]
    public void Every_katas_hints_render_without_raw_markdown()
    {
        var paths = RepositoryPaths.Find(TestContext.CurrentContext.TestDirectory)!;
        var raw = new List<string>();
        var count = 0;
        foreach (var kata in AsyncKatas.Catalog.KataCatalog.All)
        {
            foreach (var hint in Hints.FromFile(Path.Combine(paths.Root, kata.ReadmePath)))
            {
                count++;
                var text = Plain(hint.Text, 200);
                foreach (var mark in new[] { "`", "**", "```", "<details>", "<!--" })
                {
                    if (text.Contains(mark, StringComparison.Ordinal)) raw.Add($"{kata.Id} {hint.Title}: {mark}");
                }
                if (System.Text.RegularExpressions.Regex.IsMatch(text, @"(^|\s)\*\S[^*\n]*\*")) raw.Add($"{kata.Id} {hint.Title}: *emphasis*");
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(count, Is.GreaterThanOrEqualTo(15 * 3), "every kata has hints");
            Assert.That(raw, Is.Empty);
        });
    }
}
