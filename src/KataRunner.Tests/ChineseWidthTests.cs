using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Tests;

/// <summary>
/// The full screen with Chinese hint text, headless (Spectre.Console.Testing): a Chinese character takes
/// two columns of the terminal, so a line of 40 of them fills 80 columns. At 80×24 every line of the
/// frame fits in the terminal's width counted in columns (not in chars), the frame is exactly 24 lines
/// with the keys at the bottom, and wrapping loses and cuts no character.
/// </summary>
public class ChineseWidthTests
{
    private const string Nudge =
        "两个 worker 必须*同时*在运行。调用一个 `async` 方法会得到什么？它是什么时候开始运行的？" +
        "事件循环只有一个线程：一个任务等待时把线程让出来，循环就去运行另一个就绪的任务，所以五秒钟内两个协程交替打印，而不是十秒。";

    private static readonly IReadOnlyList<Hint> ChineseHints =
    [
        new("提示 1 — 点拨", Nudge),
        new("提示 2 — 时间从哪里来", "只在给你的时钟上睡眠：`Thread.Sleep` 会阻塞循环唯一的线程，不带 `time` 的 `Task.Delay(delay)` 等的是真实时钟。\n```csharp\nawait Task.Delay(TimeSpan.FromSeconds(1), time); // 在虚拟时钟上睡一秒\n```"),
    ];

    private static (RunnerSession Session, List<string> Lines, FullScreen Frame) Shown(int width, int height, int hints)
    {
        var engine = new FakeEngine();
        engine.Tests["K08"] = [FakeEngine.Failing("K08", "Fails", "任务没有按顺序完成。", "ThreadPoolExecutor", AsyncKatas.Catalog.FailureKind.Bare, "")];
        var chinese = new RunnerSession(engine, _ => ChineseHints, _ => ChangeKind.Katas);
        chinese.Start("K08");
        var view = new ScreenView(ScreenFixture.Console(width, height), plain: false);
        view.Layout(chinese.Screen, width, height);
        for (var i = 0; i < hints; i++) chinese.HandleKey('h');
        var frame = view.Layout(chinese.Screen, width, height);
        return (chinese, ScreenFixture.Text(frame), frame);
    }

    [TestCase(80, 24)]
    [TestCase(100, 30)]
    public void Chinese_hint_lines_fit_the_terminal_in_columns(int width, int height)
    {
        var (_, lines, _) = Shown(width, height, hints: 2);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(height), "exactly the terminal's height");
            foreach (var line in lines)
            {
                Assert.That(Columns(line), Is.LessThanOrEqualTo(width), $"wider than {width} columns: \"{line}\"");
            }
            Assert.That(lines[^1], Does.StartWith("h hint (2/2)"), "the keys stay at the bottom");
            Assert.That(lines.Any(l => l.Contains("提示 2 — 时间从哪里来", StringComparison.Ordinal)), "the new hint's title is on screen");
        });
    }

    [Test]
    public void A_wrapped_Chinese_paragraph_loses_no_character()
    {
        var (_, lines, _) = Shown(80, 24, hints: 1);
        var title = lines.FindIndex(l => l.StartsWith("提示 1 — 点拨", StringComparison.Ordinal));
        Assert.That(title, Is.GreaterThanOrEqualTo(0), "the hint is on screen:\n" + string.Join('\n', lines));
        var paragraph = lines.Skip(title + 1).TakeWhile(l => l.Length > 0).ToList();
        // The Markdown marks are formatting, not text: what is left must read as the README wrote it.
        var expected = Nudge.Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(string.Concat(paragraph.Select(l => l.TrimEnd())).Replace(" ", "", StringComparison.Ordinal),
                Is.EqualTo(expected.Replace(" ", "", StringComparison.Ordinal)), "every character, in order, across the wrapped lines");
            Assert.That(paragraph, Has.Count.GreaterThan(1), "the paragraph is longer than a line: it wraps");
            // Spectre.Console breaks lines at spaces only: a long run of Chinese without a space moves to the
            // next line whole (or is folded when longer than a line), so a line may end early, never late.
            Assert.That(paragraph.Select(Columns), Has.All.LessThanOrEqualTo(79), "the screen keeps one column spare");
        });
    }

    [Test]
    public void Columns_count_a_Chinese_character_as_two() =>
        Assert.That((Columns("提示 1"), Columns("事件循环")), Is.EqualTo((6, 8)));

    /// <summary>The columns a terminal gives the text: two for a wide (East Asian) character.</summary>
    private static int Columns(string text)
    {
        var columns = 0;
        foreach (var rune in text.EnumerateRunes()) columns += new Spectre.Console.Rendering.Segment(rune.ToString()).CellCount();
        return columns;
    }
}
