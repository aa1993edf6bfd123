namespace Mistakes.Tests;

/// <summary>
/// The catalogue runs every program in this one process, one after another. A wrong program may leave a
/// shared-pool thread blocked for ever (in-process, nothing can stop it), and the pool then starts the next
/// program's work only as fast as it injects threads (about two a second), slower still under
/// DOTNET_PROCESSOR_COUNT=1. The library would then report a correct program's pool work as stalled: a verdict
/// that depends on the programs before it. Enough threads up front keep each program's verdict its own.
/// </summary>
[SetUpFixture]
public sealed class PoolHeadroom
{
    [OneTimeSetUp]
    public void GiveThePoolHeadroom()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
