using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// The runner's state and rules, free of consoles, files and clocks: which kata is current, where
/// every kata stands (<see cref="KataStates"/>), how many hints are shown, and what each key does.
/// Opens on the named kata or the first unsolved one; when the current kata turns green it says so and
/// offers the next one (n), never jumping by itself. Each kata keeps its hint level while the runner runs.
/// In the list (l), n and p move the selection (opened at the current kata), l or Enter opens it, Esc
/// goes back.
/// </summary>
public sealed class RunnerSession
{
    private readonly IKataEngine _engine;
    private readonly Func<Kata, IReadOnlyList<Hint>> _hints;
    private RunResult? _last;
    private IReadOnlyList<OtherKataProblem> _otherKatas = [];
    private readonly Dictionary<string, int> _hintLevels = [];
    private readonly SessionMemory _memory;
    private int _index;
    private int? _selected;
    private int _timelineShown = -1; // t: which test's timeline the middle shows, -1 for none
    private string? _notice;
    private int _changes;

    public RunnerSession(IKataEngine engine, Func<Kata, IReadOnlyList<Hint>> hints, Func<string, ChangeKind> classify, IReadOnlyList<Kata>? katas = null,
        SessionMemory? memory = null)
    {
        Classify = classify;
        _engine = engine;
        _hints = hints;
        _memory = memory ?? new SessionMemory();
        Katas = katas ?? KataCatalog.All;
        States = new KataStates(Katas, _memory.LastKnown);
    }

    public IReadOnlyList<Kata> Katas { get; }

    /// <summary>Every kata's status, each from its own last run.</summary>
    public KataStates States { get; }

    /// <summary>What a changed path means (<see cref="ChangeClassifier"/> for the real repository).</summary>
    public Func<string, ChangeKind> Classify { get; }
    public Kata Current => Katas[_index];
    public int Runs { get; private set; }
    public KataStatus StatusOf(Kata kata) => States[kata].Status;

    /// <summary>The status of the kata with this id (the command line and tests name katas by id).</summary>
    public KataStatus StatusOf(string kataId) => States[kataId].Status;

    /// <summary>
    /// Opens on <paramref name="kataId"/>, or on the first unsolved kata: runs the katas in order until
    /// one is not solved. The others are learned later, one at a time (<see cref="RunNextUnknown"/>).
    /// </summary>
    public void Start(string? kataId = null)
    {
        var named = kataId is null ? -1 : FindIndex(kataId);
        if (kataId is not null && named < 0) throw new ArgumentException(KataVocabulary.Format(Vocabulary.NoSuchKata, kataId, string.Join(", ", Katas.Select(k => k.Id))), nameof(kataId));
        if (named >= 0)
        {
            _index = named;
            RunCurrent();
            return;
        }
        for (_index = 0; _index < Katas.Count; _index++)
        {
            RunCurrent();
            if (StatusOf(Current) != KataStatus.Solved) break;
        }
        _index = Math.Min(_index, Katas.Count - 1);
        if (StatusOf(Current) == KataStatus.Solved) _notice = SolvedNotice();
    }

    /// <summary>True while some kata has not run yet, or waits to run again.</summary>
    public bool HasUnknown => States.NextToCheck is not null;

    /// <summary>
    /// Runs the next kata that has not run yet or waits to run again (for the list and the progress);
    /// the current kata's screen stays.
    /// </summary>
    public bool RunNextUnknown()
    {
        var kata = States.NextToCheck;
        if (kata is null) return false;
        if (kata == Current)
        {
            RunCurrent();
            return true;
        }
        var result = _engine.Run([kata]);
        Record(result, kata);
        if (StatusOf(Current) == KataStatus.Solved) _notice = SolvedNotice();
        if (SessionNotices.LeftRunning(result) is { } stopped) _notice = stopped;
        return true;
    }

    /// <summary>
    /// Starts learning the next unknown kata's status on a thread of its own (the engine's run), so that
    /// keys answer meanwhile; the task gives what to apply on the caller's thread once it is done (nothing
    /// when a file changed since: the status it learned may be old, and stays to be checked). Null when
    /// every status is known.
    /// </summary>
    public Task<Action>? CheckNextInBackground()
    {
        if (States.NextToCheck is not { } kata) return null;
        var changes = _changes;
        return Task.Factory.StartNew(() =>
        {
            var result = _engine.Run([kata]);
            return (Action)(() =>
            {
                if (changes != _changes) return;
                if (kata == Current) Shown(result);
                else Record(result, kata);
                if (StatusOf(Current) == KataStatus.Solved) _notice ??= SolvedNotice();
                if (kata != Current && SessionNotices.LeftRunning(result) is { } stopped) _notice = stopped;
            });
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// A path changed on disk: what it means, and which kata's status it makes stale. The current kata
    /// runs again after the debounce; a stale other kata right after, when the runner is idle (alone:
    /// a kata being run is never replaced by a stand-in, so a broken one must not share the current
    /// kata's run), wherever the learner is by then.
    /// </summary>
    public ChangeKind NoteChange(string path)
    {
        var kind = Classify(path);
        if (kind != ChangeKind.Ignored) _changes++;
        if (kind == ChangeKind.Katas && KataOf(path) is { } kata) States.SavedFileOf(kata);
        else if (kind != ChangeKind.Ignored) States.AllStale();
        return kind;
    }

    /// <summary>The engine found between runs that code of a run outlived it: the notice now, not with the next result. False when there was nothing to say.</summary>
    public bool NoteLeftRunning()
    {
        if (_engine is not IReportsLeftRunning reports || SessionNotices.LeftRunning(reports.TakeLeftRunning()) is not { } stopped) return false;
        _notice = stopped;
        return true;
    }

    /// <summary>Runs the current kata again (after a save, or r).</summary>
    public void RunCurrent() => Shown(_engine.Run([Current]));

    /// <summary>A run of the current kata: its result is what the screen shows.</summary>
    private void Shown(RunResult result)
    {
        var before = StatusOf(Current);
        _last = result;
        Runs++;
        Record(result, Current);
        var now = StatusOf(Current);
        _notice = now == KataStatus.Solved ? SolvedNotice(before != KataStatus.Solved) : null;
        if (SessionNotices.LeftRunning(result) is { } stopped) _notice = stopped + (_notice is null ? "" : " " + _notice);
    }

    /// <summary>Handles one key; false when the runner should quit.</summary>
    public bool HandleKey(char key)
    {
        var lower = char.ToLowerInvariant(key);
        if (lower == 'q') return false;
        if (_selected is { } selected)
        {
            switch (lower)
            {
                case 'n' or 'p':
                    var next = selected + (lower == 'n' ? 1 : -1);
                    _notice = next < 0 ? Vocabulary.NoticeFirstKata : next >= Katas.Count ? Vocabulary.NoticeLastKata : null;
                    _selected = Math.Clamp(next, 0, Katas.Count - 1);
                    return true;
                case 'l' or '\r' or '\n':
                    _selected = null;
                    if (selected != _index) Open(selected);
                    return true;
                case '\u001b':
                    _selected = null;
                    return true;
            }
            // A hint is read on the kata's screen: h leaves the list; r and q work from it.
            if (lower == 'h') _selected = null;
        }
        switch (lower)
        {
            case 'h':
                var total = _hints(Current).Count;
                var level = HintLevel;
                _notice = total == 0 ? KataVocabulary.Format(Vocabulary.NoticeNoHints, Current.ReadmePathIn(UiLanguage.Current)) : level >= total ? Vocabulary.NoticeLastHint : null;
                _hintLevels[Current.Id] = Math.Min(level + 1, total);
                break;
            case 'n':
                Move(+1);
                break;
            case 'p':
                Move(-1);
                break;
            case 'l':
                _selected = _index;
                _notice = null;
                break;
            case 'r':
                RunCurrent();
                break;
            case 't':
                var timelines = ScreenBuilder.Build(this, _last, _otherKatas, [], 0, false, null).Timelines.Count;
                _timelineShown = TimelineKey.Next(_timelineShown, timelines);
                if (timelines == 0) _notice = Vocabulary.NoticeNoTimeline;
                break;
        }
        return true;
    }

    /// <summary>How many of the current kata's hints are shown: kept per kata while the runner runs.</summary>
    public int HintLevel => _hintLevels.GetValueOrDefault(Current.Id);

    public Screen Screen => ScreenBuilder.Build(this, _last, _otherKatas, _hints(Current), HintLevel, _selected is not null, _notice, _timelineShown) with
    {
        Selected = _selected is { } s ? Katas[s] : null,
    };

    private void Record(RunResult result, Kata kata)
    {
        States.Record(result, [kata], _memory.Untouched);
        NoteOtherKatas(result, [kata]);
        _memory.Remember?.Invoke(States.All);
    }

    private void NoteOtherKatas(RunResult result, IReadOnlyCollection<Kata> ran)
    {
        if (_engine is not IReportsOtherKatas reports) return;
        var problems = reports.OtherKataProblems(result);
        foreach (var problem in problems.Where(p => !ran.Contains(p.Kata))) States.DoesNotCompile(problem.Kata);
        _otherKatas = [.. problems.Where(p => p.Kata != Current)];
    }

    private void Move(int step)
    {
        var next = _index + step;
        if (next < 0 || next >= Katas.Count)
        {
            _notice = step > 0 ? Vocabulary.NoticeLastKata : Vocabulary.NoticeFirstKata;
            return;
        }
        Open(next);
    }

    private void Open(int index)
    {
        _index = index;
        _selected = null;
        _timelineShown = -1;
        RunCurrent();
    }

    private string SolvedNotice(bool justNow = false) => SessionNotices.Solved(Katas, _index, States, justNow);

    /// <summary>The kata of this session whose code holds <paramref name="path"/>, if any.</summary>
    private Kata? KataOf(string path) => KataCatalog.OfCode(path) is { } kata && Katas.Contains(kata) ? kata : null;

    private int FindIndex(string id) =>
        Katas.ToList().FindIndex(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Folder, id, StringComparison.OrdinalIgnoreCase));
}
