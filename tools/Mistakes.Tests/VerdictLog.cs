namespace Mistakes.Tests;

/// <summary>
/// When MISTAKES_VERDICTS names a file, every program's verdict (and the solutions') is appended to it, one line per
/// kata test: "program, test, outcome, kind, headline". tools/check-processor-counts.sh runs the catalogue under
/// several DOTNET_PROCESSOR_COUNT values and compares these files: a verdict must depend on nothing but the program.
/// </summary>
internal static class VerdictLog
{
    public const string Variable = "MISTAKES_VERDICTS";

    private static readonly Lock Gate = new();

    public static void Record(string program, IEnumerable<string> verdicts)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        lock (Gate)
        {
            File.AppendAllLines(path, verdicts.Select(v => $"{program}\t{v.ReplaceLineEndings(" ")}"));
        }
    }

    /// <summary>When MISTAKES_MESSAGES names a folder, each program's whole message goes to a file of its own there (to read them all at once).</summary>
    public static void RecordMessage(string program, bool rejected, string message)
    {
        if (Environment.GetEnvironmentVariable("MISTAKES_MESSAGES") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, program.Replace('/', '.') + ".txt"), $"rejected: {rejected}\n{message}\n");
    }
}
