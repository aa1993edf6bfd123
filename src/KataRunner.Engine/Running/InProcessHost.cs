using System.Runtime.CompilerServices;
using AsyncKatas.Catalog;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running;

/// <summary>
/// Runs the kata tests in this process: a fresh collectible load context per run (<see cref="KataLoadContext"/>),
/// NUnit's own runner on a thread of its own, then the context is unloaded. Learner code that outlives its run
/// (a thread that never ends) cannot be stopped here; the test process (<see cref="Worker.WorkerServer"/>) uses
/// <see cref="Unloaded"/> to tell, and ends itself.
/// </summary>
public sealed class InProcessHost : IKataHost
{
    public HostRun Run(TestsImage tests, CompileResult compile, IReadOnlyCollection<Kata> katas, string workDirectory) =>
        new([.. RunInFreshContext(tests, compile.Image!, compile.Pdb, katas, workDirectory, out _).Select(o => o.ToOutcome())]);

    /// <summary>Runs the tests and unloads; <paramref name="context"/> lets the caller watch the context go away.</summary>
    public static IReadOnlyList<RecordedOutcome> RunInFreshContext(TestsImage tests, byte[] image, byte[]? pdb, IReadOnlyCollection<Kata> katas,
        string workDirectory, out WeakReference context) =>
        RunIn(new KataLoadContext(tests, image, pdb), katas, workDirectory, out context);

    /// <summary>Runs the tests in <paramref name="load"/> (given its katas image), then unloads it; <paramref name="context"/> lets the caller watch it go away.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static IReadOnlyList<RecordedOutcome> RunIn(KataLoadContext load, IReadOnlyCollection<Kata> katas, string workDirectory, out WeakReference context)
    {
        context = new WeakReference(load);
        var directory = Environment.CurrentDirectory;
        try
        {
            // `dotnet test` runs the tests from their output folder; the runner's cache stands in for it.
            Directory.CreateDirectory(workDirectory);
            Environment.CurrentDirectory = workDirectory;
            var assembly = load.LoadTests();
            // On a thread of their own, as under `dotnet test`: not a pool thread the loop would count.
            IReadOnlyList<RecordedOutcome> outcomes = [];
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try { outcomes = NUnitInProcess.Run(assembly, workDirectory, katas, TestNamespaces(katas)); }
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

    /// <summary>
    /// Whether the run's load context went away: it cannot while a thread still runs (or waits in) the run's code, or
    /// something of the process still holds it. A few collections, with short pauses for the run's own threads to end.
    /// </summary>
    public static bool Unloaded(WeakReference context)
    {
        for (var i = 0; i < 8 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (context.IsAlive && i >= 2) Thread.Sleep(25 * (i - 1));
        }
        return !context.IsAlive;
    }

    /// <summary>
    /// Where a kata's tests are: tests/K03_AwaitChains/ is the namespace AsyncKatas.Tests.K03_AwaitChains (the trees
    /// mirror each other; EngineTests checks that every kata's tests are found there). Null for every test: then NUnit
    /// looks through the whole assembly.
    /// </summary>
    internal static IReadOnlyList<string>? TestNamespaces(IReadOnlyCollection<Kata> katas) =>
        katas.Count == 0 ? null : [.. katas.Select(k => $"AsyncKatas.Tests.{k.Folder}")];

    public void Dispose()
    {
    }
}
