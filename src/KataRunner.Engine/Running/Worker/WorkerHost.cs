using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Build;
using KataRunner.Engine.Session;

namespace KataRunner.Engine.Running.Worker;

/// <summary>
/// Runs the kata tests in a test process of their own (<see cref="WorkerServer"/>, the runner started with
/// <c>--worker</c>), kept warm from run to run. It answers a run first and checks what the run left behind after, while
/// the runner shows the answer. When the run's code outlived it, that process ends itself and a new one is started at
/// once, in the background: learner code never keeps a core busy after its run; the next run's result names the
/// katas whose code it stopped (<see cref="HostRun.LeftRunning"/>). When the process stops in the middle of a run (a
/// crash of the runtime), the run is tried once more in a new one.
/// </summary>
public sealed class WorkerHost : IKataHost
{
    private readonly string _command;
    private readonly IReadOnlyList<string> _arguments;
    private Task<WorkerProcess>? _next;
    private readonly List<string> _stops = [];
    private int _started;

    /// <param name="command">The runner's executable, or dotnet.</param>
    /// <param name="arguments">What comes before <c>--worker</c> (the runner's dll when <paramref name="command"/> is dotnet).</param>
    public WorkerHost(string command, IReadOnlyList<string> arguments)
    {
        _command = command;
        _arguments = arguments;
    }

    /// <summary>How each test process that stopped under a run stopped (exit code, first error lines), oldest first.</summary>
    public IReadOnlyList<string> Stops
    {
        get { lock (_stops) return [.. _stops]; }
    }

    /// <summary>How many test processes this host has started (a test watches a new one replace the last).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>The id of the test process the next run goes to (waits until it is known), or null when none is on its way.</summary>
    internal int? NextProcessId()
    {
        try
        {
            return _next?.GetAwaiter().GetResult().Id;
        }
        catch (WorkerStoppedException)
        {
            return null;
        }
    }

    /// <summary>
    /// A host for the runner next to this assembly (its apphost, else its dll through dotnet), or null when there is none
    /// (a project that uses the engine without the runner: the tests then run in-process).
    /// </summary>
    public static WorkerHost? Beside()
    {
        var folder = AppContext.BaseDirectory;
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "KataRunner.exe" : "KataRunner");
        if (File.Exists(apphost)) return new WorkerHost(apphost, []);
        var dll = Path.Combine(folder, "KataRunner.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")) ? new WorkerHost(dotnet, [dll]) : null;
    }

    /// <summary>Starts the test process now, in the background, so that the first run finds it ready.</summary>
    public void Warm() => _next ??= StartInBackground();

    public HostRun Run(TestsImage tests, CompileResult compile, IReadOnlyCollection<Kata> katas, string workDirectory)
    {
        var request = new WorkerRequest(tests.Path, new Dictionary<string, string>(tests.Dependencies), compile.Image!, compile.Pdb,
            [.. katas.Select(k => k.Id)], workDirectory, Environment.GetEnvironmentVariable(UiLanguage.Variable));
        var stops = new List<string>();
        while (stops.Count < 2)
        {
            var next = _next ?? StartInBackground();
            _next = null;
            WorkerProcess worker;
            try
            {
                worker = next.GetAwaiter().GetResult();
            }
            catch (WorkerStoppedException e)
            {
                NoteStop(stops, e.Message);
                continue;
            }
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var reply = worker.Send(request);
                EngineTrace.Write($"test process: answered in {clock.Elapsed.TotalMilliseconds:0} ms (the run {reply.RunMilliseconds:0})");
                _next = AfterStatus(worker, [.. katas]);
                if (reply.Error is not null) throw new InvalidOperationException("NUnit could not run the tests: " + reply.Error);
                return new HostRun([.. reply.Outcomes.Select(o => o.ToOutcome())], LeftRunning.Take());
            }
            catch (WorkerStoppedException e)
            {
                worker.Dispose();
                NoteStop(stops, e.Message);
            }
        }
        Warm();
        return new HostRun([], LeftRunning.Take(), KataVocabulary.Format(Vocabulary.TestProcessStopped, string.Join(", ", katas.Select(k => k.Id)), string.Join("; ", stops)));
    }

    /// <summary>
    /// The test process for the next run, once <paramref name="worker"/> has said what its last run left behind: the same
    /// one when the run's context went away; else a new one (the old one ends itself, and the run's katas are noted for
    /// <see cref="HostRun.LeftRunning"/>), or a new one when it stopped after answering.
    /// </summary>
    private Task<WorkerProcess> AfterStatus(WorkerProcess worker, List<Kata> ran) =>
        worker.Status.ContinueWith(status =>
        {
            if (status.Result is { LeftRunning: false } clean)
            {
                EngineTrace.Write($"test process: its load context went away in {clean.CheckMilliseconds:0} ms");
                return Task.FromResult(worker);
            }
            worker.Dispose();
            if (status.Result is { LeftRunning: true }) LeftRunning.Add(ran);
            return StartInBackground();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();

    /// <summary>
    /// The katas of earlier runs whose code outlived them, not yet reported. The test process says so a little after it
    /// answers, between runs: <see cref="LeftRunningReports.Found"/> lets the runner say so at once, not with the next result.
    /// </summary>
    public LeftRunningReports LeftRunning { get; } = new();

    private void NoteStop(List<string> stops, string how)
    {
        stops.Add(how);
        lock (_stops) _stops.Add(how);
    }

    private Task<WorkerProcess> StartInBackground()
    {
        Interlocked.Increment(ref _started);
        return Task.Run(() => WorkerProcess.Start(_command, _arguments));
    }

    public void Dispose()
    {
        var next = _next;
        _next = null;
        if (next is { IsCompletedSuccessfully: true }) next.Result.Dispose();
        else next?.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
    }
}
