using AsyncKatas.Catalog;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace KataRunner.Tests;

/// <summary>
/// A session on K08 with a screenful of failures: five tests that fail with the same message (apart from
/// their names), a bare diff, one with a fix and one with a named cause, and two hints in Markdown.
/// </summary>
internal static class ScreenFixture
{
    public static readonly IReadOnlyList<Hint> Hints =
    [
        new("Hint 1 — a nudge", "Both workers must be *under way* at the same time. What does calling an `async` method give you?"),
        new("Hint 2 — the shape", "The job's **blocking** sleep:\n```csharp\nTask.Delay(TimeSpan.FromSeconds(1), time).Wait();\n```\n- one\n- two"),
    ];

    public static (RunnerSession Session, FakeEngine Engine) Open()
    {
        var engine = new FakeEngine();
        const string hint = "Hint: katas/K08_ThreadPoolExecutor/README.md#hints";
        var diff = "the output differs from the article's\n  (- article, + yours; virtual time in brackets)\n" +
                   string.Join('\n', Enumerable.Range(1, 40).Select(i => $"  + line {i} [{i}.0 s]"));
        engine.Tests["K08"] =
        [
            FakeEngine.Failing("K08", "Bare_Diff", diff, "ThreadPoolExecutor", FailureKind.Bare, hint),
            .. Enumerable.Range(1, 5).Select(i => FakeEngine.Failing("K08", $"Same_{i}",
                "not started yet: open katas/K08_ThreadPoolExecutor/FourJobs.cs and replace the NotImplementedException.",
                "ThreadPoolExecutor", FailureKind.NotStarted, $"{hint}\nReceived: tests/K08_ThreadPoolExecutor/SomeTests.Same_{i}.received.txt")),
            FakeEngine.Failing("K08", "With_A_Fix", "the future says pending.\n  Fix: mark it running when it gets a slot.", "ThreadPoolExecutor", FailureKind.Fix, hint),
            FakeEngine.Failing("K08", "With_A_Cause", "a worker blocked on the real clock.\n  Likely cause: Thread.Sleep in a job.\n  Fix: block on a delay of time.",
                "ThreadPoolExecutor", FailureKind.NamedCause, hint),
            FakeEngine.Passing("K08", "Passes"),
        ];
        var session = new RunnerSession(engine, _ => Hints, _ => ChangeKind.Katas);
        session.Start("K08");
        return (session, engine);
    }

    public static TestConsole Console(int width, int height) => new TestConsole().Width(width).Height(height);

    /// <summary>A console that writes escape codes, in true colour.</summary>
    public static TestConsole AnsiConsole(int width, int height) =>
        TestConsoleExtensions.EmitAnsiSequences(Console(width, height)).Colors(Spectre.Console.ColorSystem.TrueColor);

    /// <summary>The frame's lines as text.</summary>
    public static List<string> Text(FullScreen frame) => [.. frame.Frame().Select(Text)];

    public static string Text(SegmentLine line) => string.Concat(line.Where(s => !s.IsControlCode).Select(s => s.Text)).TrimEnd();
}
