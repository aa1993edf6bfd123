using AsyncKatas.Catalog;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// The runner's state and rules, free of consoles, files and clocks: which kata is current, where
/// every kata stands (<see cref="KataStates"/>), how many hints are shown, and what each key does.
/// Opens on the named kata or the first unsolved one; when the current kata turns green it says so and
/// offers the next one (n), never jumping by itself.
/// </summary>
public sealed class RunnerSession
{
    private readonly IKataEngine _engine;
    private readonly Func<Kata, IReadOnlyList<Hint>> _hints;
    private RunResult? _last;
    private IReadOnlyList<OtherKataProblem> _otherKatas = [];
    private int _index;
    private int _hintLevel;
    private bool _showList;
    private string? _notice;

    public RunnerSession(IKataEngine engine, Func<Kata, IReadOnlyList<Hint>> hints, Func<string, ChangeKind> classify, IReadOnlyList<Kata>? katas = null)
    {
        Classify = classify;
        _engine = engine;
        _hints = hints;
        Katas = katas ?? KataCatalog.All;
        States = new KataStates(Katas);
    }

    public IReadOnlyList<Kata> Katas { get; }

    /// <summary>Every kata's status, each from its own last run.</summary>
    public KataStates States { get; }

    /// <summary>What a changed path means (<see cref="ChangeClassifier"/> for the real repository).</summary>
    public Func<string, ChangeKind> Classify { get; }
    public Kata Current => Katas[_index];
    public int Runs { get; private set; }
    public KataStatus StatusOf(string kataId) => States[kataId].Status;

    /// <summary>
    /// Opens on <paramref name="kataId"/>, or on the first unsolved kata: runs the katas in order until
    /// one is not solved. The others are learned later, one at a time (<see cref="RunNextUnknown"/>).
    /// </summary>
    public void Start(string? kataId = null)
    {
        var named = kataId is null ? -1 : FindIndex(kataId);
        if (kataId is not null && named < 0) throw new ArgumentException($"no kata '{kataId}'; the katas are {string.Join(", ", Katas.Select(k => k.Id))}", nameof(kataId));
        if (named >= 0)
        {
            _index = named;
            RunCurrent();
            return;
        }
        for (_index = 0; _index < Katas.Count; _index++)
        {
            RunCurrent();
            if (StatusOf(Current.Id) != KataStatus.Solved) break;
        }
        _index = Math.Min(_index, Katas.Count - 1);
        if (StatusOf(Current.Id) == KataStatus.Solved) _notice = SolvedNotice();
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
        var result = _engine.Run([kata.Id]);
        States.Record(result, [kata.Id]);
        NoteOtherKatas(result, [kata.Id]);
        if (StatusOf(Current.Id) == KataStatus.Solved) _notice = SolvedNotice();
        return true;
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
        if (kind == ChangeKind.Katas && KataOf(path) is { } kata) States.SavedFileOf(kata.Id);
        else if (kind != ChangeKind.Ignored) States.AllStale();
        return kind;
    }

    /// <summary>Runs the current kata again (after a save, or r).</summary>
    public void RunCurrent()
    {
        var before = StatusOf(Current.Id);
        var result = _engine.Run([Current.Id]);
        _last = result;
        Runs++;
        States.Record(result, [Current.Id]);
        NoteOtherKatas(result, [Current.Id]);
        var now = StatusOf(Current.Id);
        _notice = now == KataStatus.Solved ? SolvedNotice(before != KataStatus.Solved) : null;
    }

    /// <summary>Handles one key; false when the runner should quit.</summary>
    public bool HandleKey(char key)
    {
        switch (char.ToLowerInvariant(key))
        {
            case 'q':
                return false;
            case 'h':
                var total = _hints(Current).Count;
                _notice = total == 0 ? $"No hints in {Current.ReadmePath}." : _hintLevel >= total ? "That was the last hint." : null;
                _hintLevel = Math.Min(_hintLevel + 1, total);
                break;
            case 'n':
                Move(+1);
                break;
            case 'p':
                Move(-1);
                break;
            case 'l':
                _showList = !_showList;
                break;
            case 'r':
                RunCurrent();
                break;
        }
        return true;
    }

    public Screen Screen => ScreenBuilder.Build(this, _last, _otherKatas, _hints(Current), _hintLevel, _showList, _notice);

    private void NoteOtherKatas(RunResult result, IReadOnlyCollection<string> ran)
    {
        if (_engine is not IReportsOtherKatas reports) return;
        var problems = reports.OtherKataProblems(result);
        foreach (var problem in problems.Where(p => !ran.Contains(p.KataId))) States.DoesNotCompile(problem.KataId);
        _otherKatas = problems;
    }

    private void Move(int step)
    {
        var next = _index + step;
        if (next < 0 || next >= Katas.Count)
        {
            _notice = step > 0 ? "This is the last kata." : "This is the first kata.";
            return;
        }
        _index = next;
        _hintLevel = 0;
        _showList = false;
        RunCurrent();
    }

    private string SolvedNotice(bool justNow = false)
    {
        var verdict = justNow ? $"{Current.Id} is solved!" : $"{Current.Id} is solved.";
        if (_index + 1 >= Katas.Count) return States.Solved == Katas.Count ? $"{verdict} Every kata is solved." : $"{verdict} This was the last kata (l: the list).";
        var next = Katas[_index + 1];
        return $"{verdict} Press n for {next.DisplayName}.";
    }

    /// <summary>The kata of this session whose code holds <paramref name="path"/>, if any.</summary>
    private Kata? KataOf(string path) => KataCatalog.OfCode(path) is { } kata && Katas.Contains(kata) ? kata : null;

    private int FindIndex(string id) =>
        Katas.ToList().FindIndex(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Folder, id, StringComparison.OrdinalIgnoreCase));
}
