using AsyncKatas.Catalog;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// The runner's state and rules, free of consoles, files and clocks: which kata is current, where
/// every kata stands, how many hints are shown, and what each key does. Opens on the named kata or
/// the first unsolved one; when the current kata turns green it says so and offers the next one
/// (n), never jumping by itself.
/// </summary>
public sealed class RunnerSession
{
    private readonly IKataEngine _engine;
    private readonly Func<Kata, IReadOnlyList<Hint>> _hints;
    private readonly Dictionary<string, KataStatus> _status = [];
    private RunResult? _last;
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
        foreach (var kata in Katas) _status[kata.Id] = KataStatus.NotRun;
    }

    public IReadOnlyList<Kata> Katas { get; }

    /// <summary>What a changed path means (<see cref="ChangeClassifier"/> for the real repository).</summary>
    public Func<string, ChangeKind> Classify { get; }
    public Kata Current => Katas[_index];
    public int Runs { get; private set; }
    public KataStatus StatusOf(string kataId) => _status[kataId];

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
            if (_status[Current.Id] != KataStatus.Solved) break;
        }
        _index = Math.Min(_index, Katas.Count - 1);
        if (_status[Current.Id] == KataStatus.Solved) _notice = SolvedNotice();
    }

    /// <summary>True while some kata's status is still unknown.</summary>
    public bool HasUnknown => Katas.Any(k => _status[k.Id] == KataStatus.NotRun);

    /// <summary>Runs the next kata whose status is unknown (for the progress bar); the current kata's screen stays.</summary>
    public bool RunNextUnknown()
    {
        var kata = Katas.FirstOrDefault(k => _status[k.Id] == KataStatus.NotRun);
        if (kata is null) return false;
        var current = _last;
        _status[kata.Id] = _engine.Run([kata.Id]).StatusOf(kata.Id);
        if (_status[kata.Id] == KataStatus.NotRun) _status[kata.Id] = KataStatus.Broken; // no tests: do not try again
        _last = current;
        if (_status[Current.Id] == KataStatus.Solved) _notice = SolvedNotice();
        return true;
    }

    /// <summary>Runs the current kata again (after a save, or r).</summary>
    public void RunCurrent()
    {
        var before = _status[Current.Id];
        var result = Record(_engine.Run([Current.Id]));
        var now = result.StatusOf(Current.Id);
        _status[Current.Id] = now;
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

    public Screen Screen
    {
        get
        {
            var result = _last;
            var mine = result?.Tests.Where(t => t.Category == Current.Id).ToList() ?? [];
            var errors = result?.Compile?.Errors ?? [];
            var folder = $"katas/{Current.Folder}/";
            var own = errors.Where(e => e.Path.StartsWith(folder, StringComparison.Ordinal)).ToList();
            var others = errors.Count - own.Count;
            var otherFiles = errors.Except(own).Select(e => e.Path).Distinct().ToList();
            var hints = _hints(Current);
            return new Screen(
                Katas.Count(k => _status[k.Id] == KataStatus.Solved),
                Katas.Count,
                Current,
                _status[Current.Id],
                mine.Count(t => t.Outcome == Outcome.Passed),
                mine.Count,
                [.. mine.Where(t => t.Outcome == Outcome.Failed)],
                own.Count > 0 ? own : errors.Take(own.Count > 0 ? 0 : 10).ToList(),
                own.Count > 0 && others > 0 ? $"…and {others} more error(s) in other files: {string.Join(", ", otherFiles)}" : null,
                [.. hints.Take(_hintLevel)],
                hints.Count,
                _showList ? [.. Katas.Select(k => (k, _status[k.Id]))] : null,
                _notice,
                result?.Problem,
                result is null ? null : (result.Compile?.Elapsed ?? TimeSpan.Zero) + result.TestTime);
        }
    }

    private RunResult Record(RunResult result)
    {
        _last = result;
        Runs++;
        return result;
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
        if (_index + 1 >= Katas.Count) return Katas.All(k => _status[k.Id] == KataStatus.Solved) ? $"{verdict} Every kata is solved." : $"{verdict} This was the last kata (l: the list).";
        var next = Katas[_index + 1];
        return $"{verdict} Press n for {next.Id} {next.Folder[4..]}.";
    }

    private int FindIndex(string id) =>
        Katas.ToList().FindIndex(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Folder, id, StringComparison.OrdinalIgnoreCase));
}
