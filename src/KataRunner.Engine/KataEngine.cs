using System.Diagnostics;
using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Running;
using KataRunner.Engine.Running.Worker;
using KataRunner.Engine.Session;

namespace KataRunner.Engine;

/// <summary>
/// The runner's engine, headless: compiles the kata tree in memory (<see cref="KataCompiler"/>) and has
/// its <see cref="Host"/> run the chosen categories with NUnit against it and the tests image
/// (<see cref="TestsBuild"/>, compiled in memory too): in a test process the runner keeps warm and starts
/// again when learner code outlives a run (<see cref="WorkerHost"/>). What a start learns (the
/// compiler command lines, the tests image, the last katas image) is kept in the runner's cache
/// (<see cref="RunnerCache"/>), so a restart with nothing changed compiles nothing. The UI, the bench,
/// the report mode and the tests all drive this.
/// </summary>
public sealed class KataEngine : IKataEngine, IReportsOtherKatas, IReportsLeftRunning
{
    private static readonly AnalyzerLoader SharedLoader = new();
    private readonly object _gate = new();
    private KataCompiler? _compiler;
    private bool _warming;
    private readonly Dictionary<Kata, OtherKataProblem> _broken = [];

    /// <param name="host">Where the tests run; by default a test process of the runner's next to this assembly
    /// (<see cref="WorkerHost.Beside"/>), else this process.</param>
    public KataEngine(RepositoryPaths paths, CodeTree tree = CodeTree.Katas, RunnerCache? cache = null, IKataHost? host = null)
    {
        Paths = paths;
        Tree = tree;
        Cache = cache ?? RunnerCache.For(paths);
        TestsBuild = new TestsBuild(paths, Cache);
        Host = host ?? (IKataHost?)WorkerHost.Beside() ?? new InProcessHost();
    }

    /// <summary>The last run that compiled and ran tests (the bench reads its compile and test times).</summary>
    public RunResult? Last { get; private set; }

    /// <summary>Where the kata tests run. A test process ends with the runner (its pipe closes); dispose the host to end it sooner.</summary>
    public IKataHost Host { get; }

    public RepositoryPaths Paths { get; }
    public CodeTree Tree { get; }
    public RunnerCache Cache { get; }
    public TestsBuild TestsBuild { get; }

    /// <summary>The compiler, once <see cref="Prepare"/> has run.</summary>
    public KataCompiler Compiler => _compiler ?? throw new InvalidOperationException("Prepare() first");

    /// <summary>
    /// Reads the compiler settings of the kata project and of the tests side by side (each from the cache
    /// when its inputs are unchanged; else MSBuild is asked, one process each), then compiles the tests and
    /// the code of <paramref name="compileFirst"/> (the kata a start will run first; none: no kata code) side by
    /// side, telling <paramref name="progress"/> about each stage that does real work. Returns null when ready,
    /// else what went wrong.
    /// </summary>
    public string? Prepare(Action<PrepareStage>? progress = null, IReadOnlyCollection<Kata>? compileFirst = null)
    {
        progress ??= _ => { };
        lock (_gate)
        {
            (Host as WorkerHost)?.Warm(); // its start overlaps the compiles
            try
            {
                var testsSettings = Task.Run(() => TestsBuild.LoadSettings(progress));
                _compiler ??= KataCompiler.ForProject(Paths, Tree, SharedLoader, Cache, progress);
                _compiler.Progress = progress;
                var settings = testsSettings.GetAwaiter().GetResult();
                // Both compiles are mostly one core each: on two cores, side by side.
                var katas = compileFirst is { Count: > 0 } ? Task.Run(() => _compiler.Compile([.. compileFirst.Select(k => k.Folder)])) : Task.CompletedTask;
                var problem = TestsBuild.EnsureBuilt(_compiler.Arguments, progress, settings);
                katas.GetAwaiter().GetResult();
                return problem;
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }
        }
    }

    public RunResult Run(IReadOnlyCollection<Kata> katas)
    {
        lock (_gate)
        {
            var problem = _compiler is null ? Prepare() : TestsBuild.EnsureBuilt(_compiler.Arguments, _ => { });
            if (problem is not null) return RunResult.Failed(problem);
            // The katas whose tests run: their own errors are their result; another kata's never stop them.
            var compile = Compiler.Compile([.. katas.Select(k => k.Folder)]);
            if (compile.FromCache) WarmUpInBackground();
            NoteBroken(katas, compile);
            if (!compile.Succeeded) return new RunResult(compile, [], null, TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            var tests = TestsBuild.Current ?? throw new InvalidOperationException("Prepare() first");
            var run = Host.Run(tests, compile, katas, Cache.Directory);
            return Last = new RunResult(compile, run.Outcomes, run.Problem, clock.Elapsed) { LeftRunning = run.LeftRunning ?? [] };
        }
    }

    /// <summary>
    /// The first compile of a process is slow (Roslyn's JIT, loading the analyzers: seconds). A start served
    /// from the cache skips it; this does it right after, on a thread of its own, so the first save is as
    /// fast as the next ones. It holds the engine's lock: a run asked for meanwhile waits for it.
    /// </summary>
    private void WarmUpInBackground()
    {
        if (_warming) return;
        _warming = true;
        new Thread(() =>
        {
            lock (_gate) Compiler.WarmUp();
        }) { IsBackground = true, Name = "compiler warm-up", Priority = ThreadPriority.BelowNormal }.Start();
    }

    public event Action? LeftRunningFound
    {
        add { if (Host is WorkerHost worker) worker.LeftRunning.Found += value; }
        remove { if (Host is WorkerHost worker) worker.LeftRunning.Found -= value; }
    }

    public IReadOnlyList<Kata> TakeLeftRunning() => (Host as WorkerHost)?.LeftRunning.Take() ?? [];

    /// <summary>Every kata that did not compile in its own last run, in the catalogue's order (this run's too).</summary>
    public IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result)
    {
        lock (_broken) return [.. _broken.Values.OrderBy(p => p.Kata.Id, StringComparer.Ordinal)];
    }

    private void NoteBroken(IReadOnlyCollection<Kata> katas, CompileResult compile)
    {
        lock (_broken)
        {
            foreach (var kata in katas)
            {
                var errors = compile.Errors.Where(e => KataCatalog.OfCode(e.Path) == kata).ToList();
                if (errors.Count == 0) _broken.Remove(kata);
                else _broken[kata] = new OtherKataProblem(kata, errors[0], errors.Count);
            }
        }
    }
}
