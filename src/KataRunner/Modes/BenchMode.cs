using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Modes;

/// <summary>
/// `--bench N`: the warm runner, measured as a learner meets it. N times: edit
/// katas/K01_EventLoop/TwoWorkers.cs (append a comment), then wait until the file watcher, the debounce,
/// the compile and the test run have produced the new screen. Prints one line per edit (wall ms from
/// the write to the result; "compile N ms + tests", the whole run, compile and tests, as earlier versions
/// print it; managed memory after a full GC; live load contexts in this process; and in brackets the
/// run's two parts: the in-memory compile and the tests), then restores the file.
/// </summary>
public static class BenchMode
{
    /// <summary>
    /// `--bench-start`: open as a learner's start does (prepare, run the first kata), print that first
    /// screen and how long the runner's own process took to it, and exit. bench/runner.sh times the
    /// whole `dotnet run` around it (which includes building the runner).
    /// </summary>
    public static int Start(RunnerCommand command)
    {
        var console = ConsoleFactory.Create();
        if (Startup.Open(console, command) is not var (_, session)) return 2;
        console.Write(new Spectre.Console.Rows(ScreenRenderer.Plain(session.Screen)));
        var inProcess = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first screen {inProcess.TotalMilliseconds:0} ms after the runner's process started"));
        return 0;
    }

    public static int Run(RunnerCommand command)
    {
        var console = ConsoleFactory.Create();
        if (Startup.Open(console, command with { KataId = command.KataId ?? "K01" }) is not var (engine, session)) return 2;
        var file = Path.Combine(engine.Paths.KataFolder(session.Current), "TwoWorkers.cs");
        if (session.Current.Id != "K01" || !File.Exists(file)) { Console.Error.WriteLine("--bench edits K01's TwoWorkers.cs"); return 2; }
        var original = File.ReadAllText(file);
        // Learn every kata's status first, so that no idle run stands between an edit and its result.
        while (session.RunNextUnknown())
        {
        }
        var inputs = Channel.CreateUnbounded<RunnerInput>();
        using var shown = new SemaphoreSlim(0);
        var runsSeen = session.Runs;
        var loop = new RunnerLoop(session, inputs.Reader, TimeProvider.System, _ =>
        {
            if (session.Runs != runsSeen) { runsSeen = session.Runs; shown.Release(); }
        }, engine.TestsBuild.MarkStale);
        using var watcher = new ChangeWatcher(engine.Paths, inputs.Writer);
        var running = Task.Run(() => loop.RunAsync());
        var times = new List<double>();
        try
        {
            for (var i = 1; i <= command.BenchRuns; i++)
            {
                var clock = Stopwatch.StartNew();
                File.WriteAllText(file, original + $"// bench edit {i}\n");
                if (!shown.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("no result within 60 s");
                times.Add(clock.Elapsed.TotalMilliseconds);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var memory = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"edit {i}: {times[^1]:0} ms (status {session.StatusOf("K01")}, compile {session.Screen.RunTime?.TotalMilliseconds:0} ms + tests) memory {memory:0.0} MiB [compile {engine.Last?.Compile?.Elapsed.TotalMilliseconds:0} ms, tests {engine.Last?.TestTime.TotalMilliseconds:0} ms]"));
            }
        }
        finally
        {
            File.WriteAllText(file, original);
            inputs.Writer.TryWrite(new RunnerInput.Key('q'));
            running.Wait(TimeSpan.FromSeconds(30));
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:0} ms over {times.Count} edits"));
        return 0;
    }
}
