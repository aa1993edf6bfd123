using static VirtualTimeLoop.TimelineRecorder;

namespace VirtualTimeLoop;

/// <summary>
/// Turns a run's records into lanes. A step belongs to the task it resumed. What an async method did
/// before its first await ran inside its caller's step: those prints and timers are claimed by the
/// method's lane when its task first resumes from one of those timers (the stack named the method).
/// </summary>
internal sealed class TimelineBuilder(IReadOnlyList<StepRecord> steps, IReadOnlyList<ArmRecord> arms, IReadOnlyList<PrintRecord> prints,
    IReadOnlyDictionary<int, TimeSpan> fired, IReadOnlyDictionary<object, string> names, Task? main, (TimeSpan At, Cause By)? mainEnded, TimeSpan elapsed, int dropped)
{
    private readonly Dictionary<object, Lane> _lanes = new(ReferenceEqualityComparer.Instance);
    private readonly List<Lane> _order = [];
    private readonly Dictionary<int, Lane> _owners = []; // record Seq → lane
    private readonly Dictionary<string, Lane> _threadLanes = [];

    private sealed class Lane(object key, int firstStep)
    {
        public object Key { get; } = key;
        public int FirstStep { get; } = firstStep;
        public Type? Machine { get; } = key is Task t ? LaneNames.StateMachineOf(t) : null;
        public List<(TimeSpan At, string Thread, Cause WokenBy)> Runs { get; } = [];
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    public RunTimeline Build()
    {
        foreach (var step in steps) LaneOf(step).Runs.Add((step.At, step.Thread, step.WokenBy));
        var marks = arms.Select(a => (a.Seq, a.Step, a.Method, a.At, a.Thread)).Concat(prints.Select(p => (p.Seq, p.Step, p.Method, p.At, p.Thread)))
            .OrderBy(m => m.Seq).ToList();
        Claim(marks);
        foreach (var mark in marks.Where(m => !_owners.ContainsKey(m.Seq)))
        {
            _owners[mark.Seq] = mark.Step >= 0 ? LaneOf(steps[mark.Step]) : ThreadLane(mark.Thread, mark.At);
        }
        // A lane starts with its first claimed mark when that came before its first step (its synchronous start).
        foreach (var group in marks.GroupBy(m => _owners[m.Seq]))
        {
            var first = group.First();
            if (group.Key.Runs.Count == 0 || first.At < group.Key.Runs[0].At) group.Key.Runs.Insert(0, (first.At, first.Thread, default));
        }
        Number();
        var timers = arms.GroupBy(a => a.TimerId).Select(g => g.Last()).OrderBy(a => a.TimerId).Select(a => new TimelineTimer
        {
            Id = a.TimerId,
            ArmedAt = a.At,
            DueAt = a.Due,
            Period = a.Period,
            LaneId = _owners[a.Seq].Id,
            Site = arms.First(f => f.TimerId == a.TimerId).Site,
            Fired = fired.ContainsKey(a.TimerId),
        }).ToList();
        var lanes = _order.Select(l => new TimelineLane
        {
            Id = l.Id,
            Name = l.Name,
            Spans = SpansOf(l),
            Prints = [.. prints.Where(p => _owners[p.Seq] == l).Select(p => new TimelinePrint { Text = p.Text, At = p.At, Thread = p.Thread })],
        }).ToList();
        return new RunTimeline { Lanes = lanes, Timers = timers, Elapsed = elapsed, Dropped = dropped };
    }

    private Lane LaneOf(StepRecord step)
    {
        var key = step.Key ?? (object)"main";
        if (!_lanes.TryGetValue(key, out var lane))
        {
            lane = new Lane(key, step.Index);
            _lanes[key] = lane;
            _order.Add(lane);
        }
        return lane;
    }

    private Lane ThreadLane(string thread, TimeSpan at)
    {
        if (_threadLanes.TryGetValue(thread, out var lane)) return lane;
        lane = new Lane("thread " + thread, int.MaxValue);
        lane.Runs.Add((at, thread, default));
        _threadLanes[thread] = lane;
        _order.Add(lane);
        return lane;
    }

    /// <summary>Gives each async method's synchronous start (prints, timers in its caller's step) to its lane.</summary>
    private void Claim(List<(int Seq, int Step, Type? Method, TimeSpan At, string Thread)> marks)
    {
        var foreign = marks.Where(m => m.Step >= 0 && m.Method is not null && m.Method != LaneOf(steps[m.Step]).Machine).ToList();
        foreach (var lane in _order.ToList())
        {
            if (lane.Machine is null || lane.Runs.Count == 0 || lane.Key == main) continue;
            var wokenBy = lane.Runs[0].WokenBy;
            int from, to;
            if (wokenBy.Kind == CauseKind.Timer && arms.FirstOrDefault(a => a.TimerId == wokenBy.Ref) is { } arm && arm.Method == lane.Machine)
            {
                var before = foreign.Where(m => m.Step == arm.Step && m.Method == lane.Machine && m.Seq <= arm.Seq).ToList();
                if (before.Count == 0) continue;
                (from, to) = (before[0].Seq, arm.Seq);
                // More timers armed right after it that wake this lane or no lane (two sleeps started before awaiting
                // either: the second is over when the first wakes the method, and wakes nobody).
                foreach (var after in foreign.Where(m => m.Step == arm.Step && m.Method == lane.Machine && m.Seq > arm.Seq))
                {
                    if (arms.FirstOrDefault(a => a.Seq == after.Seq) is not { } next || !(Wakes(next.TimerId, lane) || !_order.Any(l => Wakes(next.TimerId, l)))) break;
                    to = after.Seq;
                }
            }
            else
            {
                var step = foreign.Where(m => m.Method == lane.Machine).Select(m => m.Step).DefaultIfEmpty(-1).First();
                if (step < 0) continue;
                var mine = foreign.Where(m => m.Step == step && m.Method == lane.Machine).ToList();
                var firstArm = mine.FindIndex(m => arms.Any(a => a.Seq == m.Seq));
                var taken = firstArm < 0 ? mine : mine.Take(firstArm).ToList();
                if (taken.Count == 0) continue;
                (from, to) = (taken[0].Seq, taken[^1].Seq);
            }
            foreach (var m in foreign.Where(m => m.Seq >= from && m.Seq <= to && m.Method == lane.Machine).ToList())
            {
                _owners[m.Seq] = lane;
                foreign.Remove(m);
            }
        }
    }

    /// <summary>True when a step of <paramref name="lane"/> was woken by timer <paramref name="timerId"/>.</summary>
    private static bool Wakes(int timerId, Lane lane) => lane.Runs.Any(r => r.WokenBy.Kind == CauseKind.Timer && r.WokenBy.Ref == timerId);

    /// <summary>Main first, then in the order lanes started; duplicate names numbered.</summary>
    private void Number()
    {
        var ordered = _order.OrderBy(l => l.Key == main || l.FirstStep == 0 ? 0 : 1).ThenBy(l => l.Runs.Count > 0 ? l.Runs[0].At : TimeSpan.MaxValue)
            .ThenBy(l => l.FirstStep).ToList();
        _order.Clear();
        _order.AddRange(ordered);
        for (var i = 0; i < _order.Count; i++)
        {
            var lane = _order[i];
            lane.Id = i;
            lane.Name = lane.Key switch
            {
                Task t when t == main && (LaneNames.StateMachineOf(t) is null || names.GetValueOrDefault(t, "").Contains(" lambda(", StringComparison.Ordinal)) => "main",
                Task t => names.TryGetValue(t, out var name) ? name : LaneNames.Of(t),
                string s => s,
                _ => "?",
            };
        }
        foreach (var same in _order.GroupBy(l => l.Name).Where(g => g.Count() > 1))
        {
            var n = 0;
            foreach (var lane in same) lane.Name += $" #{++n}";
        }
    }

    private List<TimelineSpan> SpansOf(Lane lane)
    {
        var spans = new List<TimelineSpan>();
        var runs = lane.Runs.OrderBy(r => r.At).ToList();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (i > 0 && run.At > runs[i - 1].At) spans.Add(Gap(lane, runs[i - 1].At, run.At, run.WokenBy));
            if (i == 0 || run.At > runs[i - 1].At) spans.Add(new TimelineSpan { Kind = TimelineSpanKind.Ran, Start = run.At, End = run.At, Thread = run.Thread });
        }
        if (lane.Key == main && mainEnded is { } ended && runs.Count > 0 && ended.At > runs[^1].At)
        {
            spans.Add(Gap(lane, runs[^1].At, ended.At, ended.By));
        }
        return spans;
    }

    private TimelineSpan Gap(Lane lane, TimeSpan from, TimeSpan to, Cause by)
    {
        switch (by.Kind)
        {
            case CauseKind.Timer:
                var arm = arms.LastOrDefault(a => a.TimerId == by.Ref);
                var own = arm is not null && _owners.TryGetValue(arm.Seq, out var owner) && owner == lane;
                return new TimelineSpan
                {
                    Kind = own ? TimelineSpanKind.Slept : TimelineSpanKind.Waited, Start = from, End = to, TimerId = by.Ref,
                    WaitedOn = own ? null : $"timer #{by.Ref}" + (arm is not null && _owners.TryGetValue(arm.Seq, out var other) ? $" of {other.Name}" : ""),
                };
            case CauseKind.Step:
                var waker = LaneOf(steps[by.Ref]);
                return new TimelineSpan
                {
                    Kind = TimelineSpanKind.Waited, Start = from, End = to, WaitedOnLane = waker.Id,
                    WaitedOn = waker == lane ? "itself (a yield)" : waker.Name,
                };
            case CauseKind.Thread:
                return new TimelineSpan { Kind = TimelineSpanKind.Waited, Start = from, End = to, WaitedOn = $"thread {by.Thread}" };
            default:
                return new TimelineSpan { Kind = TimelineSpanKind.Waited, Start = from, End = to, WaitedOn = "the loop" };
        }
    }
}
