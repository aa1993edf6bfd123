using System.Diagnostics;
using System.Runtime.CompilerServices;
using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Engine;

/// <summary>
/// The runner's engine, headless: compiles the kata tree in memory (<see cref="KataCompiler"/>), loads
/// the image with the tests (<see cref="TestsBuild"/>, compiled in memory too) into a fresh collectible
/// load context, runs the chosen categories with NUnit in-process, and unloads. What a start learns (the
/// compiler command lines, the tests image, the last katas image) is kept in the runner's cache
/// (<see cref="RunnerCache"/>), so a restart with nothing changed compiles nothing. The UI, the bench,
/// the report mode and the tests all drive this.
/// </summary>
public sealed class KataEngine : IKataEngine, IReportsOtherKatas
{
    private static readonly AnalyzerLoader SharedLoader = new();
    private readonly object _gate = new();
    private KataCompiler? _compiler;
    private bool _warming;

    public KataEngine(RepositoryPaths paths, CodeTree tree = CodeTree.Katas, RunnerCache? cache = null)
    {
        Paths = paths;
        Tree = tree;
        Cache = cache ?? RunnerCache.For(paths);
        TestsBuild = new TestsBuild(paths, Cache);
    }

    public RepositoryPaths Paths { get; }
    public CodeTree Tree { get; }
    public RunnerCache Cache { get; }
    public TestsBuild TestsBuild { get; }

    /// <summary>The compiler, once <see cref="Prepare"/> has run.</summary>
    public KataCompiler Compiler => _compiler ?? throw new InvalidOperationException("Prepare() first");

    /// <summary>
    /// Reads the compiler settings of the kata project and of the tests side by side (each from the cache
    /// when its inputs are unchanged; else MSBuild is asked, one process each), then compiles the tests and
    /// (with <paramref name="compileKatas"/>) the kata code side by side, telling <paramref name="progress"/>
    /// about each stage that does real work. Returns null when ready, else what went wrong.
    /// </summary>
    public string? Prepare(Action<PrepareStage>? progress = null, bool compileKatas = true)
    {
        progress ??= _ => { };
        lock (_gate)
        {
            try
            {
                var testsSettings = Task.Run(() => TestsBuild.LoadSettings(progress));
                _compiler ??= KataCompiler.ForProject(Paths, Tree, SharedLoader, Cache, progress);
                _compiler.Progress = progress;
                var settings = testsSettings.GetAwaiter().GetResult();
                // Both compiles are mostly one core each: on two cores, side by side.
                var katas = compileKatas ? Task.Run(() => _compiler.Compile()) : Task.CompletedTask;
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
            if (!compile.Succeeded) return new RunResult(compile, [], null, TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            var tests = RunInFreshContext(compile, katas, out _);
            return new RunResult(compile, tests, null, clock.Elapsed);
        }
    }

    /// <summary>
    /// Where a kata's tests are: tests/K03_AwaitChains/ is the namespace AsyncKatas.Tests.K03_AwaitChains (the trees
    /// mirror each other; EngineTests checks that every kata's tests are found there). Null for every test: then NUnit
    /// looks through the whole assembly.
    /// </summary>
    internal static IReadOnlyList<string>? TestNamespaces(IReadOnlyCollection<Kata> katas) =>
        katas.Count == 0 ? null : [.. katas.Select(k => $"AsyncKatas.Tests.{k.Folder}")];

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

    /// <summary>Runs the tests and unloads; <paramref name="context"/> lets a test watch the context go away.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal IReadOnlyList<TestOutcome> RunInFreshContext(CompileResult compile, IReadOnlyCollection<Kata> katas, out WeakReference context)
    {
        var tests = TestsBuild.Current ?? throw new InvalidOperationException("Prepare() first");
        var load = new KataLoadContext(tests, compile.Image!, compile.Pdb);
        context = new WeakReference(load);
        var directory = Environment.CurrentDirectory;
        try
        {
            // `dotnet test` runs the tests from their output folder; the runner's cache stands in for it.
            Directory.CreateDirectory(Cache.Directory);
            Environment.CurrentDirectory = Cache.Directory;
            var assembly = load.LoadTests();
            // On a thread of their own, as under `dotnet test`: not a pool thread the loop would count.
            IReadOnlyList<TestOutcome> outcomes = [];
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try { outcomes = NUnitInProcess.Run(assembly, Cache.Directory, katas, TestNamespaces(katas)); }
                catch (Exception e) { failure = e; }
            }, 16 * 1024 * 1024) { Name = "kata tests", IsBackground = true };
            thread.Start();
            thread.Join();
            if (failure is not null) throw new InvalidOperationException("NUnit could not run the tests", failure);
            return outcomes;
        }
        finally
        {
            Environment.CurrentDirectory = directory;
            NUnitCaches.Clear();
            load.Unload();
        }
    }

    /// <summary>The katas that did not compile in this run and what stood in for them (see <see cref="KataCompiler"/>).</summary>
    public IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result) =>
        [.. (result.Compile?.Fallbacks ?? []).Select(f => new OtherKataProblem(f.Kata, f.FirstError, f.ErrorCount, f.Source))];
}
