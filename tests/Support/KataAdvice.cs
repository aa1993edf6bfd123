namespace AsyncKatas.Tests.Support;

/// <summary>
/// The fix that fits the kata at hand: a kata whose code is given `threads` (a TaskScheduler) may move
/// blocking work there; a kata without them is told to stay on the loop and sleep on its clock.
/// </summary>
public static class KataAdvice
{
    /// <summary>True when the kata's code is given the loop's threads (<c>TaskScheduler threads</c>; "threads" in katas/katas.json).</summary>
    public static bool HasThreads(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return kata.GivesThreads;
    }

    /// <summary>What to do about code that ran on a thread the loop does not know.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="sleeps">True when that code slept (used the clock): say how to sleep on the loop.</param>
    public static string LeaveNoThread(Kata kata, bool sleeps = true) => HasThreads(kata)
        ? "run blocking work on the threads you are given (Task.Factory.StartNew(work, CancellationToken.None, " +
          "TaskCreationOptions.None, threads)) instead of Task.Run or new Thread, and drop ConfigureAwait(false)."
        : "this kata needs no other thread: drop Task.Run, new Thread and ConfigureAwait(false)" +
          (sleeps ? ", and sleep on the loop with await Task.Delay(delay, time)." : ".");

    /// <summary>What to do about a program that ended with work still running.</summary>
    public static string FinishWhatYouStart(Kata kata) => kata.Id switch
    {
        "K06" => "await the tasks you start; cancel the ones the timeout leaves pending (their sleeps must take the token), " +
                 "and stop the timeout's own timer when the tasks win.",
        "K08" or "K09" => "wait for every job you submit (await the futures, or ShutdownAsync) before the program returns.",
        "K13" => "await the close: await using, or await connection.DisposeAsync() (in a finally when the body may throw).",
        _ => "await every task you start (Task.WhenAll), make async void methods async Task and await them, cancel what you abandon.",
    };

    /// <summary>Where the learner's code for the kata lives: its one source file, or its folder.</summary>
    public static string CodePath(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        var root = KataVerifier.RepositoryRoot(ThisFile());
        var folder = root is null ? null : Path.Combine(root, "katas", kata.Folder);
        var files = folder is not null && Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs") : [];
        return files.Length == 1 ? $"katas/{kata.Folder}/{Path.GetFileName(files[0])}" : $"katas/{kata.Folder}/";
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
