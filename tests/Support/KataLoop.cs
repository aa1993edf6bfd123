namespace AsyncKatas.Tests.Support;

/// <summary>
/// Runs a kata program on the virtual loop (the VirtualTimeLoop library), labelled with the kata's id,
/// with the Console recorded for the run (output that bypassed the injected writer), and records the
/// run for tools/stress.sh and bench/run.sh.
/// </summary>
public static class KataLoop
{
    /// <summary>Runs <paramref name="program"/> for the running test's kata (its [Category], else its namespace: <see cref="KataContext.Kata"/>), its clock a FakeTimeProvider (see <see cref="KataIO"/>).</summary>
    public static LoopRun Run(Func<KataIO, Task> program, LoopOptions? options = null) => Run(KataContext.Kata, program, options);

    /// <summary>Runs <paramref name="program"/> for <paramref name="kata"/> (a test outside the katas, such as tools/SupportTests, names it).</summary>
    public static LoopRun Run(Kata kata, Func<KataIO, Task> program, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kata);
        LoopRun run;
        using (var console = ConsoleCapture.Start())
        {
            run = VirtualLoop.Run(kata.Id, run => program(new KataIO(run)), RunTimelines.Recording(options));
            ConsoleCapture.Attach(run, console.Lines);
        }
        RunLog.Append(kata, run);
        KataContext.RememberRun(run);
        RunTimelines.Remember(run);
        return run;
    }

    extension(LoopRun run)
    {
        /// <summary>The kata a run belongs to (its label is the kata's id).</summary>
        public Kata Kata => KataCatalog.Get(run.Label);

        /// <summary>
        /// True when the program threw <see cref="NotImplementedException"/>: a stub the learner has not
        /// written yet (the library calls it a program failure like any other).
        /// </summary>
        public bool IsNotStarted => run.Outcome == LoopOutcome.ProgramFailed && run.Exception is NotImplementedException;
    }
}
