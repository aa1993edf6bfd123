using System.Runtime.Loader;

namespace VirtualTimeLoop;

/// <summary>
/// When the library is loaded in a collectible AssemblyLoadContext (a test runner that loads the tests
/// afresh for each run and unloads them after), its process-wide helpers (the loop threads kept for
/// reuse, the watchdog thread, the runtime-event listener) end as the context unloads: a thread parked
/// in the library's code, or a listener the runtime holds, would keep the whole context alive.
/// </summary>
internal static class LibraryLifetime
{
    private static int _watching;

    /// <summary>True once the library's load context has begun to unload: helpers end instead of waiting for more runs.</summary>
    public static bool Unloading { get; private set; }

    /// <summary>Arranges, once, for the helpers to end when a collectible context unloads.</summary>
    public static void WatchUnloading()
    {
        if (Volatile.Read(ref _watching) != 0 || Interlocked.Exchange(ref _watching, 1) != 0) return;
        if (AssemblyLoadContext.GetLoadContext(typeof(LibraryLifetime).Assembly) is not { IsCollectible: true } context) return;
        context.Unloading += static _ =>
        {
            Unloading = true;
            LoopThreads.EndIdleThreads();
            Watchdog.End();
            RunScope.StopListening();
        };
    }
}
