namespace VirtualTimeLoop.Tests.Timeline;

/// <summary>The timeline of known programs: its lanes, their spans, and where each timer was created.</summary>
public class TimelineDataTests
{
    private static readonly LoopOptions Recording = new() { RecordTimeline = true };

    private static async Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        for (var round = 0; round < 3; round++)
        {
            output.WriteLine($"worker {number}");
            await Task.Delay(TimeSpan.FromSeconds(1), time);
        }
    }

    private static async Task<string> SayAfterAsync(double seconds, string what, TextWriter output, TimeProvider time)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), time);
        output.WriteLine(what);
        return what;
    }

    private static async Task ConcurrentAsync(LoopEnvironment env)
    {
        var hello = SayAfterAsync(1, "hello", env.Out, env.Time);
        var world = SayAfterAsync(2, "world", env.Out, env.Time);
        env.Out.WriteLine("started");
        await hello;
        await world;
        env.Out.WriteLine("finished");
    }

    [Test]
    public void Two_workers_have_a_lane_each_named_after_their_method_with_their_argument()
    {
        var run = VirtualLoop.Run(env => Task.WhenAll(WorkAsync(1, env.Out, env.Time), WorkAsync(2, env.Out, env.Time)), Recording);
        var timeline = run.EnsureCompleted().Timeline;
        foreach (var l in timeline.ToText(80)) TestContext.Out.WriteLine(l);
        Assert.That(timeline.Lanes.Select(l => l.Name), Is.EqualTo(new[] { "main", "WorkAsync(1)", "WorkAsync(2)" }));
        var worker = timeline.Lanes[1];
        Assert.That(worker.Prints.Select(p => (p.Text, p.At.TotalSeconds)), Is.EqualTo(new[] { ("worker 1", 0.0), ("worker 1", 1.0), ("worker 1", 2.0) }));
        Assert.That(worker.Spans.Where(s => s.Kind == TimelineSpanKind.Slept).Select(s => (s.Start.TotalSeconds, s.End.TotalSeconds)),
            Is.EqualTo(new[] { (0.0, 1.0), (1.0, 2.0), (2.0, 3.0) }));
        Assert.That(worker.Spans.Where(s => s.Kind == TimelineSpanKind.Ran).Select(s => s.Thread).Distinct(), Is.EqualTo(new[] { "loop" }));
        var main = timeline.Lanes[0];
        Assert.That(main.Spans.Select(s => (s.Kind, s.Start.TotalSeconds, s.End.TotalSeconds)),
            Is.EqualTo(new[] { (TimelineSpanKind.Ran, 0.0, 0.0), (TimelineSpanKind.Waited, 0.0, 3.0) }));
        Assert.That(main.Spans[1].WaitedOn, Is.EqualTo("WorkAsync(2)"));
    }

    [Test]
    public void Each_sleep_names_its_timer_and_each_timer_where_it_was_created()
    {
        var run = VirtualLoop.Run(ConcurrentAsync, Recording);
        var timeline = run.EnsureCompleted().Timeline;
        foreach (var l in timeline.ToText(80)) TestContext.Out.WriteLine(l);
        foreach (var t in timeline.Timers) TestContext.Out.WriteLine($"#{t.Id} {t.ArmedAt} {t.DueAt} lane {t.LaneId} {t.Site}");
        Assert.That(timeline.Lanes.Select(l => l.Name), Is.EqualTo(new[] { "ConcurrentAsync()", "SayAfterAsync(1, \"hello\")", "SayAfterAsync(2, \"world\")" }));
        Assert.That(timeline.Timers.Select(t => (t.Id, t.DueAt.TotalSeconds, t.LaneId, t.Fired)), Is.EqualTo(new[] { (1, 1.0, (int?)1, true), (2, 2.0, (int?)2, true) }));
        Assert.That(timeline.Timers.Select(t => t.Site), Has.All.Match("TimelineDataTests.cs:[0-9]+ in VirtualTimeLoop.Tests.Timeline.TimelineDataTests.SayAfterAsync"));
        var world = timeline.Lanes[2];
        Assert.That(world.Spans.Select(s => (s.Kind, s.Start.TotalSeconds, s.End.TotalSeconds, s.TimerId)),
            Is.EqualTo(new[] { (TimelineSpanKind.Ran, 0.0, 0.0, (int?)null), (TimelineSpanKind.Slept, 0.0, 2.0, 2), (TimelineSpanKind.Ran, 2.0, 2.0, null) }));
        Assert.That(world.Prints.Single().Text, Is.EqualTo("world"));
        var main = timeline.Lanes[0];
        Assert.That(main.Prints.Select(p => p.Text), Is.EqualTo(new[] { "started", "finished" }));
        Assert.That(main.Spans.Where(s => s.Kind == TimelineSpanKind.Waited).Select(s => (s.End.TotalSeconds, s.WaitedOn)),
            Is.EqualTo(new[] { (1.0, "SayAfterAsync(1, \"hello\")"), (2.0, "SayAfterAsync(2, \"world\")") }));
    }

    [Test]
    public void A_run_that_does_not_ask_records_nothing()
    {
        var run = VirtualLoop.Run(ConcurrentAsync);
        Assert.That(run.EnsureCompleted().Timeline, Is.SameAs(RunTimeline.Empty));
    }
}
