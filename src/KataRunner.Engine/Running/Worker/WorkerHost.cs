using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running.Worker;

/// <summary>
/// Runs the kata tests in a test process of their own (<see cref="WorkerServer"/>, the runner started with
/// <c>--worker</c>), kept warm from run to run. When a run's code outlives it, that process ends itself and the next
/// run gets a new one (started at once, in the background): learner code never keeps a core busy after its run. When
/// the process stops in the middle of a run (a crash of the runtime), the run is tried once more in a new one.
/// </summary>
public sealed class WorkerHost : IKataHost
{
    private readonly string _command;
    private readonly IReadOnlyList<string> _arguments;
    private Task<WorkerProcess>? _next;
    private readonly List<string> _stops = [];

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
    public int Started { get; private set; }

    /// <summary>The id of the test process the next run goes to, once it has started.</summary>
    internal int? ProcessId => _next is { IsCompletedSuccessfully: true } next ? next.Result.Id : null;

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
                stops.Add(e.Message);
                lock (_stops) _stops.Add(e.Message);
                continue;
            }
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var reply = worker.Send(request);
                if (Environment.GetEnvironmentVariable("KATARUNNER_TRACE") is not null)
                {
                    Console.Error.WriteLine($"test process: {clock.Elapsed.TotalMilliseconds:0} ms (run {reply.RunMilliseconds:0}, unload check {reply.CheckMilliseconds:0})");
                }
                if (reply.LeftRunning)
                {
                    worker.Dispose();
                    Warm();
                }
                else
                {
                    _next = Task.FromResult(worker);
                }
                if (reply.Error is not null) throw new InvalidOperationException("NUnit could not run the tests: " + reply.Error);
                return new HostRun([.. reply.Outcomes.Select(o => o.ToOutcome())], reply.LeftRunning);
            }
            catch (WorkerStoppedException e)
            {
                worker.Dispose();
                stops.Add(e.Message);
                lock (_stops) _stops.Add(e.Message);
            }
        }
        Warm();
        return new HostRun([], Problem: KataVocabulary.Format(Vocabulary.TestProcessStopped, string.Join(", ", katas.Select(k => k.Id)), string.Join("; ", stops)));
    }

    private Task<WorkerProcess> StartInBackground()
    {
        Started++;
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
