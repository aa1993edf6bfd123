using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// A test runner that loads the library into a collectible context per run (as the katas' watch
/// runner does) can unload it: the library's process-wide helpers end with the context.
/// </summary>
public class UnloadTests
{
    [Test]
    public void A_collectible_context_that_ran_programs_unloads()
    {
        var context = RunInCollectibleContext(out var outcome);
        Assert.That(outcome, Is.EqualTo("Completed"));
        var gone = SpinWait.SpinUntil(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !context.IsAlive;
        }, TimeSpan.FromSeconds(10));
        Assert.That(gone, Is.True, "the library kept its load context alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RunInCollectibleContext(out string outcome)
    {
        var context = new AssemblyLoadContext("library run", isCollectible: true);
        var library = context.LoadFromAssemblyPath(typeof(VirtualLoop).Assembly.Location);
        var environment = library.GetType(typeof(LoopEnvironment).FullName!, throwOnError: true)!;
        var programType = typeof(Func<,>).MakeGenericType(environment, typeof(Task));
        var program = Delegate.CreateDelegate(programType, typeof(UnloadTests).GetMethod(nameof(SleepOneSecond), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!);
        var run = library.GetType(typeof(VirtualLoop).FullName!, throwOnError: true)!
            .GetMethod(nameof(VirtualLoop.Run), [programType, library.GetType(typeof(LoopOptions).FullName!, throwOnError: true)!])!
            .Invoke(null, [program, null])!;
        outcome = run.GetType().GetProperty(nameof(LoopRun.Outcome))!.GetValue(run)!.ToString()!;
        context.Unload();
        return new WeakReference(context);
    }

    // Bound to Func<LoopEnvironment, Task> of the loaded library: the environment is read by reflection.
    private static Task SleepOneSecond(object io) =>
        Task.Delay(TimeSpan.FromSeconds(1), (TimeProvider)io.GetType().GetProperty(nameof(LoopEnvironment.Time))!.GetValue(io)!);
}
