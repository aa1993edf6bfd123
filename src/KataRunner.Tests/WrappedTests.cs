using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Tests;

/// <summary>Wrapping counts display width and breaks where a reader expects: at spaces, between Chinese characters, never inside an English word.</summary>
public class WrappedTests
{
    private static List<string> Wrap(string text, int width) =>
        [.. Wrapped.Wrap([.. text.Select(c => new Wrapped.Cell(c, Style.Plain))], width).Select(l => new string([.. l.Select(c => c.Char)]))];

    private static int Cells(string line) => line.Sum(c => c.GetCellWidth());

    [Test]
    public void A_Chinese_sentence_fills_its_lines_instead_of_moving_whole_to_the_next()
    {
        const string text = "✗ 提示 这是一段很长的中文说明，中间没有空格，它应该填满每一行，而不是整段移到下一行；只有最后一行可以短一些。再加一句话让它更长一点，好看出 Task.Delay 前后换行的位置。";
        var lines = Wrap(text, 40);
        Assert.Multiple(() =>
        {
            Assert.That(lines.All(l => Cells(l) <= 40), Is.True, string.Join("\n", lines));
            Assert.That(lines.SkipLast(1).All(l => Cells(l) >= 36), Is.True, "every line but the last is (nearly) full:\n" + string.Join("\n", lines));
            Assert.That(lines.Skip(1).Any(l => l.StartsWith('，') || l.StartsWith('。') || l.StartsWith('：') || l.StartsWith('；')), Is.False,
                "closing punctuation stays with the character before it:\n" + string.Join("\n", lines));
            Assert.That(string.Concat(lines).Replace(" ", "", StringComparison.Ordinal), Is.EqualTo(text.Replace(" ", "", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void English_words_stay_whole()
    {
        var lines = Wrap("the worker sleeps before it prints; the article's worker prints, then sleeps.", 30);
        var words = "the worker sleeps before it prints; the article's worker prints, then sleeps.".Split(' ');
        Assert.That(lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)), Is.EqualTo(words));
    }

    [TestCase("你好", 1, true)]
    [TestCase("好，", 1, false)]
    [TestCase("（好", 1, false)]
    [TestCase("ab", 1, false)]
    [TestCase("a好", 1, true)]
    public void Chinese_break_opportunities(string text, int at, bool allowed) => Assert.That(Wrapped.CjkBreak(text, at), Is.EqualTo(allowed));
}
