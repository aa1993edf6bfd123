namespace VirtualTimeLoop;

/// <summary>
/// A deterministic, single-threaded event loop on a virtual clock, in the spirit of asyncio's loop,
/// Nito.AsyncEx's AsyncContext and kotlinx-coroutines-test's runTest.
/// <list type="bullet">
/// <item>Continuations posted to the loop run one at a time, in FIFO order, on the loop's own thread.</item>
/// <item>When nothing is ready, the clock jumps to the exact due time of the next timer; timers due at
/// the same instant fire in the order they were created, each seeing its own due time.</item>
/// <item>Blocking work runs on <see cref="VirtualThreadPool"/> threads that take turns with the loop, so
/// virtual time never moves while a thread is still working.</item>
/// <item>Every way a program can hang ends in a <see cref="LoopOutcome"/> with a message instead.</item>
/// </list>
/// Each run gets a loop of its own: runs on several threads at once are judged each on its own evidence.
/// </summary>
public static class VirtualLoop
{
    /// <summary>
    /// Runs <paramref name="program"/> on a new virtual loop until its main task ends (or a guard stops
    /// it) and returns what it printed, when, and how it ended. Never hangs; never throws for the
    /// program's faults: check <see cref="LoopRun.Outcome"/>, or call <see cref="LoopRun.EnsureCompleted"/>.
    /// </summary>
    /// <param name="label">Names the run in its explanation and its thread (a test name, for example).</param>
    /// <param name="program">The program: it gets the loop's console, clock and threads, and returns its main task.</param>
    /// <param name="options">Guards and limits; <see cref="LoopOptions.Default"/> when null.</param>
    public static LoopRun Run(string label, Func<LoopEnvironment, Task> program, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(program);
        return new RunningLoop(label, options ?? LoopOptions.Default).Start(program).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="program"/> with the label "program"; see <see cref="Run(string, Func{LoopEnvironment, Task}, LoopOptions?)"/>.</summary>
    public static LoopRun Run(Func<LoopEnvironment, Task> program, LoopOptions? options = null) => Run("program", program, options);

    /// <summary>Runs a program that returns a value; the run's <see cref="LoopRun{T}.Value"/> is that value once it completed.</summary>
    /// <inheritdoc cref="Run(string, Func{LoopEnvironment, Task}, LoopOptions?)"/>
    public static LoopRun<T> Run<T>(string label, Func<LoopEnvironment, Task<T>> program, LoopOptions? options = null) =>
        WithValue<T>(Run(label, (Func<LoopEnvironment, Task>)program, options));

    /// <summary>Runs a program that returns a value, with the label "program".</summary>
    /// <inheritdoc cref="Run{T}(string, Func{LoopEnvironment, Task{T}}, LoopOptions?)"/>
    public static LoopRun<T> Run<T>(Func<LoopEnvironment, Task<T>> program, LoopOptions? options = null) => Run("program", program, options);

    /// <summary>
    /// Runs <paramref name="program"/> as <see cref="Run(string, Func{LoopEnvironment, Task}, LoopOptions?)"/>
    /// does, without holding the caller's thread: the returned task completes when the run ends.
    /// </summary>
    /// <param name="label">Names the run in its explanation and its thread (a test name, for example).</param>
    /// <param name="program">The program: it gets the loop's console, clock and threads, and returns its main task.</param>
    /// <param name="options">Guards and limits; <see cref="LoopOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the run: the returned task is cancelled.</param>
    public static Task<LoopRun> RunAsync(string label, Func<LoopEnvironment, Task> program, LoopOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(program);
        return new RunningLoop(label, options ?? LoopOptions.Default).RunToEndAsync(program, cancellationToken);
    }

    /// <summary>Runs <paramref name="program"/> with the label "program"; see <see cref="RunAsync(string, Func{LoopEnvironment, Task}, LoopOptions?, CancellationToken)"/>.</summary>
    public static Task<LoopRun> RunAsync(Func<LoopEnvironment, Task> program, LoopOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync("program", program, options, cancellationToken);

    /// <summary>Runs a program that returns a value, without holding the caller's thread.</summary>
    /// <inheritdoc cref="RunAsync(string, Func{LoopEnvironment, Task}, LoopOptions?, CancellationToken)"/>
    public static async Task<LoopRun<T>> RunAsync<T>(string label, Func<LoopEnvironment, Task<T>> program, LoopOptions? options = null,
        CancellationToken cancellationToken = default) =>
        WithValue<T>(await RunAsync(label, (Func<LoopEnvironment, Task>)program, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Runs a program that returns a value, with the label "program", without holding the caller's thread.</summary>
    /// <inheritdoc cref="RunAsync{T}(string, Func{LoopEnvironment, Task{T}}, LoopOptions?, CancellationToken)"/>
    public static Task<LoopRun<T>> RunAsync<T>(Func<LoopEnvironment, Task<T>> program, LoopOptions? options = null,
        CancellationToken cancellationToken = default) =>
        RunAsync("program", program, options, cancellationToken);

    private static LoopRun<T> WithValue<T>(LoopRun run) =>
        new(run, run.MainTask is Task<T> { IsCompletedSuccessfully: true } main ? main.Result : default!);
}
