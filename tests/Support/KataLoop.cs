namespace AsyncKatas.Tests.Support;

/// <summary>
/// Runs a kata program on the virtual loop (the VirtualTimeLoop library), labelled with the kata's id,
/// and records the run for tools/stress.sh and bench/run.sh.
/// </summary>
public static class KataLoop
{
    /// <summary>Runs <paramref name="program"/> for kata <paramref name="kataId"/> ("K04").</summary>
    public static LoopRun Run(string kataId, Func<ProgramIO, Task> program, LoopOptions? options = null)
    {
        var kata = KataCatalog.Get(kataId);
        var run = VirtualLoop.Run(kata.Id, program, options);
        RunLog.Append(kata, run);
        return run;
    }

    extension(LoopRun run)
    {
        /// <summary>The kata a run belongs to (its label is the kata's id).</summary>
        public Kata Kata => KataCatalog.Get(run.Label);
    }
}
