using System.Reflection;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running;

/// <summary>
/// The test process's next load context, made while the runner shows the last run's results: the tests image is
/// loaded in it and the kata support's warm-up (<c>KataWarmUp.Run</c>) is run once, so that the next run does not
/// load and JIT-compile the library, the support and DiffPlex on its own time. The katas image is given to the
/// context only when its run comes (<see cref="KataLoadContext.UseKatas"/>); the warm-up never asks for it. A run
/// for another tests image, or a warm-up that failed, gets a fresh context instead.
/// </summary>
public sealed class PreparedContext
{
    private const string WarmUpType = "AsyncKatas.Tests.Support.KataWarmUp";
    private KataLoadContext? _next;
    private Thread? _warming;
    private Exception? _failure;

    /// <summary>True once a context is prepared (its warm-up ended without an error) and not taken yet.</summary>
    public bool IsReady
    {
        get
        {
            EndWarmUp();
            return _next is not null;
        }
    }

    /// <summary>
    /// Makes the next context for <paramref name="tests"/> and starts its warm-up, on a thread of its own (as the
    /// tests run), so that the caller can go on (the test process checks meanwhile that the last run's context went away).
    /// </summary>
    public void Prepare(TestsImage tests)
    {
        Discard();
        var load = new KataLoadContext(tests);
        _next = load;
        _failure = null;
        _warming = new Thread(() =>
        {
            try { load.LoadTests().GetType(WarmUpType)?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [])?.Invoke(null, null); }
            catch (Exception e) { _failure = e; }
        }, 16 * 1024 * 1024) { Name = "kata warm-up", IsBackground = true };
        _warming.Start();
    }

    /// <summary>Waits for the warm-up; a context whose warm-up failed is dropped.</summary>
    private void EndWarmUp()
    {
        if (_warming is null) return;
        _warming.Join();
        _warming = null;
        if (_failure is null) return;
        _next?.Unload();
        _next = null;
    }

    /// <summary>The prepared context when it is for <paramref name="tests"/>, else a fresh one; either way given the katas image.</summary>
    public KataLoadContext Take(TestsImage tests, byte[] katasImage, byte[]? katasPdb)
    {
        EndWarmUp();
        if (_next is not { } load || !SameImage(load.Tests, tests))
        {
            Discard(); // a context prepared for another tests image is unloaded, not kept
            load = new KataLoadContext(tests);
        }
        _next = null;
        load.UseKatas(katasImage, katasPdb);
        return load;
    }

    private void Discard()
    {
        EndWarmUp();
        _next?.Unload();
        _next = null;
    }

    private static bool SameImage(TestsImage a, TestsImage b) =>
        a.Path == b.Path && a.Dependencies.Count == b.Dependencies.Count &&
        a.Dependencies.All(d => b.Dependencies.TryGetValue(d.Key, out var path) && path == d.Value);
}
