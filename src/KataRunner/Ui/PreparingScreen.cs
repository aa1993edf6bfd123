using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Session;
using KataRunner.Modes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// The full screen while the runner prepares (MSBuild's compiler settings, the first compiles, the first
/// run: seconds, minutes on a loaded machine): drawn before any of it starts, it shows what is being done
/// and for how long, the progress the last session knew (the runner's cache), and answers l (the list
/// of those states) and q (quit) at once. The preparation runs on a thread of its own; this screen is
/// redrawn on each key, each new stage and every second.
/// </summary>
internal sealed class PreparingScreen(IAnsiConsole console, ChannelReader<RunnerInput> inputs, bool plain)
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _stage = Vocabulary.PreparingStarting;
    private bool _list;
    private string? _notice;

    /// <summary>
    /// The first frame's one-time work (the kata catalogue, Spectre's markup parser and colour tables: about 70 of its
    /// 170 ms on two cores), done on another core from the process's first moments, so that a key pressed while the runner
    /// prepares waits less for the first frame.
    /// </summary>
    public static void WarmUpInBackground() => ThreadPool.UnsafeQueueUserWorkItem(static _ =>
    {
        _ = KataCatalog.All.Count;
        _ = new Markup("[bold]a[/] [grey](0 s)[/] [green]b[/]");
        _ = new Rule("[bold]a[/]").LeftJustified();
        _ = StatusWords.Cell(KataState.Unknown);
    }, null);

    /// <summary>What the preparation ended with: the engine and the session, or why there are none (or q).</summary>
    public sealed record Outcome((KataEngine Engine, RunnerSession Session)? Opened, string? Problem, bool Quit);

    public Outcome Open(RunnerCommand command)
    {
        var paths = RunnerCommand.Repository();
        var lastKnown = paths is null || command.Solutions ? new Dictionary<string, KataState>() : LastKnownStates.Load(RunnerCache.For(paths));
        (KataEngine, RunnerSession)? opened = null;
        string? problem = null;
        using var changed = new SemaphoreSlim(0);
        var preparing = new Thread(() =>
        {
            opened = Startup.Open(command, stage => { lock (_gate) _stage = stage; changed.Release(); }, p => problem = p);
            changed.Release();
        }) { IsBackground = true, Name = "prepare" };
        // The alternate screen is blank: a line at once, before Spectre lays out the first frame.
        Console.Out.Write("\u001b[H" + Vocabulary.StartingRunner);
        Console.Out.Flush();
        // The first frame, then the preparation. Started together on two cores, the preparation's start-up (and the test
        // process it starts) slowed the first frame's layout from about 50 ms to 150-200 ms. Drawn first, the frame also
        // answers a key pressed at the first line (read by then). By hand, 5 pairs on two idle cores: l pressed at the first
        // character answered in 121-137 ms against 187-221; the kata screen came at 1480-1523 ms against 1440-1536.
        if (AnswerKeys(preparing: null) is { } quit) return quit;
        Draw(lastKnown);
        preparing.Start();
        Task? stageChanged = null;
        while (true)
        {
            // A key, a new stage or the next second, whichever comes first.
            if (stageChanged is null || stageChanged.IsCompleted) stageChanged = changed.WaitAsync();
            Task.WaitAny([inputs.WaitToReadAsync().AsTask(), stageChanged], TimeSpan.FromSeconds(1));
            // Keys first: q must quit even when the preparation ends now.
            if (AnswerKeys(preparing) is { } quitNow) return quitNow;
            if (!preparing.IsAlive) return new Outcome(opened, problem, Quit: false);
            Draw(lastKnown);
        }
    }

    /// <summary>
    /// The keys waiting in the input channel, while <paramref name="preparing"/> runs (or before it starts): l and q
    /// are answered here, any other key is said to wait. What is left once the preparation has ended goes on to the kata's
    /// screen. The outcome when q was pressed, else null.
    /// </summary>
    private Outcome? AnswerKeys(Thread? preparing)
    {
        while ((preparing is null || preparing.IsAlive) && inputs.TryRead(out var item))
        {
            if (item is not RunnerInput.Key key) continue;
            switch (char.ToLowerInvariant(key.Char))
            {
                case 'q':
                    return new Outcome(null, null, Quit: true);
                case 'l':
                    _list = !_list;
                    _notice = null;
                    break;
                default:
                    _notice = KataVocabulary.Format(Vocabulary.PreparingKeyWaits, key.Char);
                    break;
            }
        }
        return null;
    }

    private void Draw(IReadOnlyDictionary<string, KataState> lastKnown)
    {
        var frame = Layout(lastKnown);
        console.Write(new ControlCode("\u001b[H"));
        console.Write(frame);
    }

    /// <summary>The frame as it stands: the stage, the last known progress, the list when l asked for it, the keys.</summary>
    internal FullScreen Layout(IReadOnlyDictionary<string, KataState> lastKnown, bool list = false)
    {
        string stage;
        lock (_gate) stage = _stage;
        var width = Math.Max(20, console.Profile.Width - 1);
        var states = KataCatalog.All.Select(k => (Kata: k, State: lastKnown.GetValueOrDefault(k.Id) is { } s ? s with { Stale = true } : KataState.Unknown)).ToList();
        var solved = states.Count(s => s.State.Status == Engine.Running.KataStatus.Solved);
        var cells = string.Concat(states.Select(s => $"[{StatusWords.Colour(s.State)}]{StatusWords.Cell(s.State)}[/]"));
        IRenderable[] top =
        [
            new Rule($"[bold]async-katas[/] · {Markup.Escape(Vocabulary.PreparingTitle)}").LeftJustified(),
            new Markup(string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(stage)} [grey]({_clock.Elapsed.TotalSeconds:0} s)[/]")),
            new Markup(lastKnown.Count == 0 ? $"{Markup.Escape(Vocabulary.PreparingSolvedUnknown)} [grey]{Markup.Escape(Vocabulary.PreparingCheckedWhenReady)}[/]"
                : $"{Markup.Escape(KataVocabulary.Format(Vocabulary.PreparingSolvedLastKnown, solved, states.Count))}  [[{cells}]]"),
        ];
        var middle = _list || list
            ? new[] { new Part(new Rows(states.Select(s => new Markup(
                $"{StatusWords.Mark(s.State)} {Markup.Escape(s.Kata.DisplayName)}  {StatusWords.Markup(s.State)}")))) }
            : [];
        IEnumerable<IRenderable> Bottom(string? note)
        {
            yield return new Rule().RuleStyle(new Style(Color.Grey));
            if (_notice is not null) yield return new Wrapped(_notice, new Style(Color.Yellow));
            yield return new Text(Vocabulary.PreparingKeys, new Style(Color.Grey));
        }
        return new FullScreen(console, top, middle, Bottom, width, console.Profile.Height, 0, plain);
    }
}
