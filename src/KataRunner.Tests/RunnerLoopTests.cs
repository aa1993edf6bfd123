using System.Threading.Channels;
using KataRunner.Engine.Session;
using Microsoft.Extensions.Time.Testing;

namespace KataRunner.Tests;

/// <summary>
/// The whole watch loop, headless: "files changed" signals and keys go in through the channel, the
/// clock is a FakeTimeProvider; no file events, no real sleeps.
/// </summary>
public class RunnerLoopTests
{
    private FakeEngine _engine = null!;
    private RunnerSession _session = null!;
    private Channel<RunnerInput> _inputs = null!;
    private FakeTimeProvider _time = null!;
    private List<Screen> _shown = null!;
    private int _testsChanged;
    private SemaphoreSlim _screens = null!;

    [SetUp]
    public void Open()
    {
        _engine = new FakeEngine();
        _engine.Solved.UnionWith(KataIds().Skip(1)); // only K01 unsolved: no idle status runs after start
        var repository = new KataRunner.Engine.RepositoryPaths("/repo");
        _session = new RunnerSession(_engine, _ => [], p => ChangeClassifier.Classify(repository, Path.Combine("/repo", p)));
        _session.Start("K01");
        while (_session.RunNextUnknown())
        {
        }
        _inputs = Channel.CreateUnbounded<RunnerInput>();
        _time = new FakeTimeProvider();
        _shown = [];
        _testsChanged = 0;
        _screens = new SemaphoreSlim(0);
    }

    [TearDown]
    public void Close() => _screens.Dispose();

    /// <summary>Waits for the loop to show a screen (a guard against a hang, not a sleep).</summary>
    private async Task NextScreen() => Assert.That(await _screens.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "a screen");

    private static IEnumerable<string> KataIds() => AsyncKatas.Catalog.KataCatalog.All.Select(k => k.Id);

    private Task<int> Start() =>
        new RunnerLoop(_session, _inputs.Reader, _time, s => { _shown.Add(s); _screens.Release(); }, () => _testsChanged++).RunAsync();

    private void Change(string path) => _inputs.Writer.TryWrite(new RunnerInput.FilesChanged([path]));

    [Test]
    public async Task Code_stopped_between_runs_is_said_at_once_not_with_the_next_result()
    {
        _engine.LeftRunningFound += () => _inputs.Writer.TryWrite(new RunnerInput.LeftRunning());
        var loop = Start();
        await NextScreen();
        var runs = _engine.Runs.Count;
        _engine.FindLeftRunning(AsyncKatas.Catalog.KataCatalog.Get("K01"));
        await NextScreen();
        Assert.Multiple(() =>
        {
            Assert.That(_shown[^1].Notice, Does.StartWith("Code of K01's last run was still running"));
            Assert.That(_engine.Runs, Has.Count.EqualTo(runs), "no run needed for it");
            Assert.That(_engine.TakeLeftRunning(), Is.Empty, "taken: said once");
        });
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        Assert.That(await loop.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
    }

    [Test]
    public async Task A_save_storm_runs_the_kata_once_after_50_ms()
    {
        var runsBefore = _engine.RunsOf("K01");
        for (var i = 0; i < 25; i++) Change("katas/K01_EventLoop/TwoWorkers.cs");
        var loop = Start();
        await NextScreen();
        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.That(_engine.RunsOf("K01"), Is.EqualTo(runsBefore), "not before the quiet period");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await NextScreen();
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        Assert.That(await loop.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
        Assert.That(_engine.RunsOf("K01"), Is.EqualTo(runsBefore + 1), "one run for the storm");
    }

    [Test]
    public async Task Ignored_paths_run_nothing_and_tests_changes_mark_a_rebuild()
    {
        var runsBefore = _engine.Runs.Count;
        Change("katas/K01_EventLoop/obj/x.cs");
        var loop = Start();
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(_engine.Runs, Has.Count.EqualTo(runsBefore));
        await NextScreen();
        Change("tests/K01_EventLoop/TwoWorkersTests.cs");
        await Task.Yield();
        _time.Advance(TimeSpan.FromMilliseconds(150));
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(_testsChanged, Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_reach_the_session_and_q_ends_with_exit_code_0()
    {
        foreach (var key in "nhlrq") _inputs.Writer.TryWrite(new RunnerInput.Key(key));
        var exit = await Start().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(_session.Current.Id, Is.EqualTo("K02"));
            Assert.That(_engine.RunsOf("K02"), Is.EqualTo(3), "start, n, r");
            Assert.That(_session.Screen.List, Is.Not.Null, "l shows the list");
        });
    }

    [Test]
    public async Task Scroll_keys_reach_the_view_and_redraw_without_running_anything()
    {
        var scrolled = new List<ScrollKey>();
        var runsBefore = _engine.Runs.Count;
        _inputs.Writer.TryWrite(new RunnerInput.Scroll(ScrollKey.PageDown));
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        var exit = await new RunnerLoop(_session, _inputs.Reader, _time, s => _shown.Add(s), scroll: scrolled.Add).RunAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(scrolled, Is.EqualTo(new[] { ScrollKey.PageDown }));
            Assert.That(_engine.Runs, Has.Count.EqualTo(runsBefore));
        });
    }

    [Test]
    public async Task A_save_then_n_refreshes_the_saved_kata_in_the_list()
    {
        _engine.Solved.Add("K01");
        Change("katas/K01_EventLoop/TwoWorkers.cs");
        _inputs.Writer.TryWrite(new RunnerInput.Key('n'));
        var loop = Start();
        await NextScreen(); // the first screen
        await NextScreen(); // n: K02
        Assert.That(_session.Current.Id, Is.EqualTo("K02"));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        await NextScreen(); // the save's debounced run of the current kata
        await NextScreen(); // idle: the saved kata, alone
        Assert.Multiple(() =>
        {
            Assert.That(_engine.Runs.TakeLast(3), Is.EqualTo(new[] { new[] { "K02" }, ["K02"], ["K01"] }));
            Assert.That(_session.StatusOf("K01"), Is.EqualTo(KataRunner.Engine.Running.KataStatus.Solved));
        });
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        Assert.That(await loop.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
    }

    [TestCase(' ', ConsoleKey.Spacebar, ScrollKey.PageDown)]
    [TestCase('\0', ConsoleKey.PageDown, ScrollKey.PageDown)]
    [TestCase('\0', ConsoleKey.PageUp, ScrollKey.PageUp)]
    [TestCase('\0', ConsoleKey.UpArrow, ScrollKey.LineUp)]
    [TestCase('\0', ConsoleKey.DownArrow, ScrollKey.LineDown)]
    public void Scroll_keys_are_read_as_scrolling(char c, ConsoleKey key, ScrollKey scroll) =>
        Assert.That(KataRunner.Ui.KeyReader.Map(new ConsoleKeyInfo(c, key, false, false, false)), Is.EqualTo(new RunnerInput.Scroll(scroll)));

    [Test]
    public void Other_keys_go_to_the_session() =>
        Assert.That(KataRunner.Ui.KeyReader.Map(new ConsoleKeyInfo('h', ConsoleKey.H, false, false, false)), Is.EqualTo(new RunnerInput.Key('h')));

    /// <summary>An engine whose run of K02 waits at a gate the test opens (and says when it got there).</summary>
    private sealed class GatedEngine(FakeEngine inner) : KataRunner.Engine.IKataEngine
    {
        public SemaphoreSlim Entered { get; } = new(0);
        public SemaphoreSlim Gate { get; } = new(0);

        public KataRunner.Engine.Running.RunResult Run(IReadOnlyCollection<AsyncKatas.Catalog.Kata> katas)
        {
            if (katas.Any(k => k.Id == "K02"))
            {
                Entered.Release();
                Gate.Wait(TimeSpan.FromSeconds(10));
            }
            lock (inner) return inner.Run(katas);
        }
    }

    [Test]
    public async Task Keys_answer_while_another_katas_status_is_being_learned()
    {
        var gated = new GatedEngine(new FakeEngine());
        var session = new RunnerSession(gated, _ => [], _ => ChangeKind.Ignored);
        session.Start("K01");
        var screens = Channel.CreateUnbounded<Screen>();
        var loop = new RunnerLoop(session, _inputs.Reader, _time, s => screens.Writer.TryWrite(s), checkInBackground: true).RunAsync();
        Assert.That(await gated.Entered.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "the idle run of K02 started");
        _inputs.Writer.TryWrite(new RunnerInput.Key('l'));
        Screen shown;
        do shown = await screens.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        while (shown.List is null);
        Assert.That(shown.Katas.Single(k => k.Kata.Id == "K02").State.Known, Is.False, "the list is shown while K02's run still waits");
        gated.Gate.Release(int.MaxValue / 2);
        do shown = await screens.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        while (!shown.Katas.Single(k => k.Kata.Id == "K02").State.Known);
        _inputs.Writer.TryWrite(new RunnerInput.Key('q'));
        Assert.That(await loop.WaitAsync(TimeSpan.FromSeconds(10)), Is.Zero);
    }
}
