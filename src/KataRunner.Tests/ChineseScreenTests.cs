using System.Collections;
using System.Globalization;
using System.Resources;
using System.Threading.Channels;
using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// Every view of the runner in zh-Hans at 80×24, drawn as the runner draws it (ScreenView, PreparingScreen,
/// Spectre.Console.Testing): exactly 24 lines, none wider than the terminal in columns (a Chinese character takes
/// two), the runner's own words in Chinese, and no English sentence of the vocabulary left on screen.
/// </summary>
[NonParallelizable]
public class ChineseScreenTests
{
    private const int Width = 80, Height = 24;

    private string? _variable;

    /// <summary>As `--lang zh-Hans` does (the kata tests' own copy of the vocabulary follows it through the variable).</summary>
    [SetUp]
    public void Chinese()
    {
        _variable = Environment.GetEnvironmentVariable(UiLanguage.Variable);
        KataRunner.Modes.Startup.UseLanguage(new KataRunner.Modes.RunnerCommand("watch", null, null, false, 0, null) { Language = "zh-Hans" });
    }

    [TearDown]
    public void English()
    {
        UiLanguage.Use("en");
        Environment.SetEnvironmentVariable(UiLanguage.Variable, _variable);
    }

    private static List<string> Frame(RunnerSession session) =>
        ScreenFixture.Text(new ScreenView(ScreenFixture.Console(Width, Height), plain: false).Layout(session.Screen, Width, Height));

    [Test]
    public void The_failures_screen_speaks_Chinese_and_fits()
    {
        var (session, _) = ScreenFixture.Open();
        var lines = Frame(session);
        AssertFits(lines);
        var count = KataCatalog.All.Count;
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Is.EqualTo("K08: 进行中：9 个测试通过了 1 个"));
            Assert.That(lines[2], Does.StartWith($"已完成题目：0/{count}  [").And.EndWith($"还要检查 {count - 1} 道…"));
            Assert.That(lines[3], Is.EqualTo("编辑 katas/K08_ThreadPoolExecutor/*.cs · 提示：按 h 或看 README.zh-CN.md"));
            Assert.That(lines[^2], Does.Contain("第 1–").And.Contain("↑↓ PgUp PgDn 空格"));
            Assert.That(lines[^1], Is.EqualTo("h 提示 (0/2) · n 下题 · p 上题 · l 列表 · t 时间线 · r 重跑 · q 退出 (0 ms)"));
        });
        session.HandleKey('h');
        session.HandleKey('h');
        session.HandleKey('h');
        lines = Frame(session);
        AssertFits(lines);
        Assert.That(lines[^2], Is.EqualTo("这已经是最后一条提示了。"));
    }

    [Test]
    public void The_same_failure_in_more_tests_is_said_in_Chinese()
    {
        var (session, _) = ScreenFixture.Open();
        var group = session.Screen.Failures.First(g => g.Same.Count > 0);
        Assert.That(FailureView.SameLine(group), Is.EqualTo("  另有 4 个测试也是这样： SomeTests.Same_2, SomeTests.Same_3, SomeTests.Same_4 以及另外 1 个。"));
    }

    [Test]
    public void The_list_speaks_Chinese_and_fits()
    {
        var (session, _) = ScreenFixture.Open();
        session.HandleKey('l');
        var lines = Frame(session);
        AssertFits(lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines[Top], Is.EqualTo("题目列表 （n/p：移动 ›，l 或 Enter：打开，Esc：回到 K08）"));
            Assert.That(lines, Has.Some.Match(@"^›▒ K08 ThreadPoolExecutor （当前） +进行中：9 个测试通过了 1 个$"));
            Assert.That(lines, Has.Some.Match(@"^ · K01 EventLoop +还没运行$"));
        });
    }

    [Test]
    public void Compile_errors_and_other_katas_speak_Chinese_and_fit()
    {
        var (session, engine) = ScreenFixture.Open();
        var error = new CompileError("katas/K03_AwaitChains/AwaitChains.cs", 24, 51, "CS1002", "; expected");
        engine.OtherKatas.Add(new OtherKataProblem(KataCatalog.Get("K03"), error, 3));
        engine.Errors = [new CompileError("katas/K08_ThreadPoolExecutor/FourJobs.cs", 12, 9, "CS1002", "; expected")];
        session.RunCurrent();
        var lines = Frame(session);
        AssertFits(lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Is.EqualTo("K08: 编译不通过"));
            // Wrapped at a space, which the line break takes.
            Assert.That(string.Join(" ", lines.Skip(Top).Take(2)),
                Is.EqualTo("K03 编译不通过：katas/K03_AwaitChains/AwaitChains.cs(24,51): error CS1002: ; expected（另有 2 个）。其他题目不受影响，照常编译和运行。"));
            Assert.That(lines, Has.Some.EqualTo("编译不通过 （dotnet build katas/Katas.csproj 也会这样报告）："));
        });
    }

    [Test]
    public void Solving_a_kata_is_said_in_Chinese()
    {
        var engine = new FakeEngine();
        var session = new RunnerSession(engine, _ => [], _ => ChangeKind.Katas);
        session.Start("K01");
        engine.Solved.Add("K01");
        session.RunCurrent();
        Assert.That(session.Screen.Notice, Is.EqualTo("K01 完成了！按 n 进入 K02 Coroutines。"));
        session.HandleKey('p');
        Assert.That(session.Screen.Notice, Is.EqualTo("这是第一道题。"));
        AssertFits(Frame(session));
    }

    [Test]
    public void The_preparing_screen_speaks_Chinese_and_fits()
    {
        var console = ScreenFixture.Console(Width, Height);
        var preparing = new PreparingScreen(console, Channel.CreateUnbounded<RunnerInput>().Reader, plain: false);
        var unknown = ScreenFixture.Text(preparing.Layout(new Dictionary<string, KataState>()));
        var lastKnown = new Dictionary<string, KataState> { ["K01"] = new(KataStatus.Solved, 2, 2) };
        var list = ScreenFixture.Text(preparing.Layout(lastKnown, list: true));
        AssertFits(unknown);
        AssertFits(list);
        Assert.Multiple(() =>
        {
            Assert.That(unknown[0], Does.StartWith("── async-katas · 题目运行器 ─"));
            Assert.That(unknown[1], Does.StartWith("准备中：正在启动…… ("));
            Assert.That(unknown[2], Is.EqualTo("已完成题目： 运行器就绪后再检查"));
            Assert.That(unknown[^1], Is.EqualTo("l 列表 · q 退出 · 运行器就绪后打开题目"));
            Assert.That(list[2], Does.StartWith($"已完成题目（上次记录）：1/{KataCatalog.All.Count}  [█"));
            Assert.That(list, Has.Some.EqualTo("✔ K01 EventLoop  已完成（2 个测试） （待重新检查）"));
        });
    }

    [Test]
    public void The_timeline_view_speaks_Chinese_and_fits()
    {
        var session = new RunnerSession(SharedEngine.For(CodeTree.Solutions), _ => [], _ => ChangeKind.Katas);
        session.Start("K12");
        session.HandleKey('t');
        var lines = Frame(session);
        TestContext.Out.WriteLine(string.Join('\n', lines));
        AssertFits(lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines[Top], Does.StartWith("时间线 1/").And.EndWith("(t：下一个测试)"));
            Assert.That(lines, Has.Some.EqualTo("● 运行  ─ 睡眠  ═ 同时有两个以上的睡眠  · 等待另一个任务或定时器"));
            Assert.That(lines, Has.Some.Match(@"^你的输出 +期望的输出$"));
        });
    }

    [Test]
    public void Once_mode_and_the_preparing_stages_speak_Chinese()
    {
        var engine = new FakeEngine();
        engine.Solved.Add("K05");
        var session = new RunnerSession(engine, _ => [], _ => ChangeKind.Katas);
        session.Start("K05");
        // Redirected output is never wrapped (ConsoleFactory): a wide console, as --once prints.
        var console = ScreenFixture.Console(4096, Height);
        console.Write(new Spectre.Console.Rows(ScreenRenderer.Plain(KataRunner.Modes.OnceMode.ForOnce(session))));
        var lines = console.Output.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines[^2], Is.EqualTo("K05 已完成。下一题：K06 TimeoutsAndCancellation，dotnet run --project src/KataRunner -- K06"));
            Assert.That(lines[^1], Is.EqualTo("dotnet run --project src/KataRunner：监视代码，每次保存都重新运行 (0 ms)"));
            Assert.That(KataRunner.Modes.Startup.Describe(new PrepareStage.CompilingTests(12)), Is.EqualTo("准备中：在内存中编译题目的测试（12 个文件）……"));
            Assert.That(KataRunner.Modes.Startup.Describe(new PrepareStage.CompilingKatas("katas")), Is.EqualTo("准备中：用构建的分析器编译 katas/（第一次编译要加载分析器）……"));
        });
    }

    [Test]
    public void An_unknown_argument_is_named_in_the_language_asked_for_after_it()
    {
        var command = KataRunner.Modes.RunnerCommand.Parse(["--bogus", "--lang", "zh-Hans"]);
        Assert.That((command.Error, command.Language), Is.EqualTo(("--bogus", "zh-Hans")));
        Assert.That(KataVocabulary.Format(Vocabulary.UnknownArgument, command.Error), Is.EqualTo("未知参数“--bogus”"));
    }

    /// <summary>K01 (the screen a Chinese learner sees first) and K17 (a thread kata) as shipped, stubs not started, on the real engine, in Chinese.</summary>
    [TestCase("K01")]
    [TestCase("K17")]
    public void A_kata_as_shipped_speaks_Chinese_and_fits(string kata)
    {
        var engine = SharedEngine.For(CodeTree.Katas);
        var session = new RunnerSession(engine, k => Hints.FromFile(Path.Combine(engine.Paths.Root, k.ReadmePath), UiLanguage.Current), _ => ChangeKind.Katas);
        session.Start(kata);
        var lines = Frame(session);
        TestContext.Out.WriteLine(string.Join('\n', lines));
        AssertFits(lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain(KataCatalog.Get(kata).TopicZh), "the header's topic in Chinese (katas.json's topic_zh)");
            Assert.That(lines[1], Does.StartWith($"{kata}: 未开始："));
            // Chinese wraps between characters: the lines are joined without their spaces.
            Assert.That(string.Concat(lines.Skip(Top).Take(4)).Replace(" ", "", StringComparison.Ordinal), Does.Contain("还没有开始"), "the kata tests' verdict in Chinese too");
            // The group line breaks before the test's name (after "：", where the translation leaves a space), not after the number.
            Assert.That(lines, Has.None.Match(@"另有 \d+$"));
            Assert.That(lines[^1], Does.Match(@"^h 提示 \(0/\d\) · n 下题 .* q 退出 \(\d+ ms\)$"), "the keys on one line, with the run's time");
        });
    }

    [Test]
    public void Every_katas_edit_line_fits_in_Chinese()
    {
        Assert.Multiple(() =>
        {
            foreach (var kata in KataCatalog.All)
            {
                var edit = KataVocabulary.Format(Vocabulary.RunnerEdit, kata.Folder);
                Assert.That(Columns(edit), Is.LessThanOrEqualTo(Width - 1), edit);
            }
        });
    }

    [Test]
    public void The_engine_gives_an_analyzer_error_the_katas_advice_in_the_language_in_use()
    {
        var error = new CompileError("katas/K10_MixedSyncAsync/ImageDownloads.cs", 3, 5, "VSTHRD100", "Avoid async void methods");
        var paths = SharedEngine.Paths;
        Assert.Multiple(() =>
        {
            Assert.That(AnalyzerAdvice.Load(paths, "zh-Hans").For([error]), Has.One.StartsWith("VSTHRD100: async void：没人能 await 它"));
            Assert.That(AnalyzerAdvice.Load(paths, "en").For([error]), Has.One.StartsWith("VSTHRD100: async void: nobody can await it"));
            Assert.That(AnalyzerAdvice.Load(paths).For([error]), Has.One.Contains("没人能 await 它"), "this fixture speaks Chinese");
        });
    }

    /// <summary>Exactly the terminal's height, one column spare on every line, and no English sentence of the vocabulary.</summary>
    private static void AssertFits(List<string> lines)
    {
        var shown = string.Join('\n', lines);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(Height), shown);
            foreach (var line in lines) Assert.That(Columns(line), Is.LessThanOrEqualTo(Width - 1), $"wider than {Width - 1} columns: \"{line}\"");
            foreach (var english in EnglishSentences()) Assert.That(shown, Does.Not.Contain(english), "an English sentence of the vocabulary on a Chinese screen");
        });
    }

    private const int Top = 4;

    /// <summary>The English vocabulary's text between its placeholders, where it has at least two words (a lone word may be a name).</summary>
    private static IEnumerable<string> EnglishSentences()
    {
        var english = new ResourceManager(typeof(Vocabulary).FullName!, typeof(Vocabulary).Assembly).GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        foreach (DictionaryEntry entry in english)
        {
            foreach (var part in System.Text.RegularExpressions.Regex.Split((string)entry.Value!, @"\{\d+\}"))
            {
                var words = part.Trim(' ', '.', ':', ',', ';', '(', ')', '…');
                if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsAsciiLetter)) >= 2 && !words.Contains("dotnet", StringComparison.Ordinal)) yield return words;
            }
        }
    }

    private static int Columns(string text) =>
        text.EnumerateRunes().Sum(rune => new Spectre.Console.Rendering.Segment(rune.ToString()).CellCount());
}
