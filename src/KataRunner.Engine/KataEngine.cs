using System.Diagnostics;
using System.Runtime.CompilerServices;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine;

/// <summary>
/// The runner's engine, headless: compiles the kata tree in memory (<see cref="KataCompiler"/>), loads
/// the image with the prebuilt tests into a fresh collectible load context, runs the chosen categories
/// with NUnit in-process, and unloads. The UI, the bench, the report mode and the tests all drive this.
/// </summary>
public sealed class KataEngine : IKataEngine
{
    private static readonly AnalyzerLoader SharedLoader = new();
    private readonly object _gate = new();
    private KataCompiler? _compiler;

    public KataEngine(RepositoryPaths paths, CodeTree tree = CodeTree.Katas)
    {
        Paths = paths;
        Tree = tree;
        TestsBuild = new TestsBuild(paths);
    }

    public RepositoryPaths Paths { get; }
    public CodeTree Tree { get; }
    public TestsBuild TestsBuild { get; }

    /// <summary>The compiler, once <see cref="Prepare"/> has run.</summary>
    public KataCompiler Compiler => _compiler ?? throw new InvalidOperationException("Prepare() first");

    /// <summary>
    /// Builds the tests assembly (solutions mode) and reads the kata project's compiler settings, side by
    /// side. Returns null when ready, else what went wrong.
    /// </summary>
    public string? Prepare()
    {
        var tests = Task.Run(TestsBuild.EnsureBuilt);
        try
        {
            _compiler ??= KataCompiler.ForProject(Paths, Tree, SharedLoader);
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
        return tests.GetAwaiter().GetResult();
    }

    public RunResult Run(IReadOnlyCollection<string> categories)
    {
        lock (_gate)
        {
            var problem = _compiler is null ? Prepare() : TestsBuild.EnsureBuilt();
            if (problem is not null) return RunResult.Failed(problem);
            var compile = Compiler.Compile();
            if (!compile.Succeeded) return new RunResult(compile, [], null, TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            var tests = RunInFreshContext(compile, categories, out _);
            return new RunResult(compile, tests, null, clock.Elapsed);
        }
    }

    /// <summary>Runs the tests and unloads; <paramref name="context"/> lets a test watch the context go away.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal IReadOnlyList<TestOutcome> RunInFreshContext(CompileResult compile, IReadOnlyCollection<string> categories, out WeakReference context)
    {
        var load = new KataLoadContext(Paths.TestsAssembly, compile.Image!, compile.Pdb);
        context = new WeakReference(load);
        var directory = Environment.CurrentDirectory;
        try
        {
            // `dotnet test` runs the tests from their output folder.
            Environment.CurrentDirectory = Paths.TestsOutput;
            var assembly = load.LoadFromAssemblyPath(Paths.TestsAssembly);
            // On a thread of their own, as under `dotnet test`: not a pool thread the loop would count.
            IReadOnlyList<TestOutcome> outcomes = [];
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try { outcomes = NUnitInProcess.Run(assembly, Paths.TestsOutput, categories); }
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
}
