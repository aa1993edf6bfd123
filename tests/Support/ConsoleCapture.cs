using System.Runtime.CompilerServices;
using System.Text;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Output that bypassed the injected writer: for the duration of a run, Console.Out and Console.Error
/// are swapped for recorders (tests run one at a time), so a verdict can say where the lines went
/// instead of showing them all as missing.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private static readonly ConditionalWeakTable<LoopRun, IReadOnlyList<string>> ByRun = new();
    private readonly TextWriter _previousOut;
    private readonly TextWriter _previousError;
    private readonly StringWriter _captured = new(System.Globalization.CultureInfo.InvariantCulture);
    private bool _disposed;

    private ConsoleCapture()
    {
        _previousOut = Console.Out;
        _previousError = Console.Error;
        var recorder = TextWriter.Synchronized(_captured);
        Console.SetOut(recorder);
        Console.SetError(recorder);
    }

    /// <summary>Starts recording what the program writes to the Console.</summary>
    public static ConsoleCapture Start() => new();

    /// <summary>The lines written to the Console so far (an unterminated last line included).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            string text;
            lock (_captured) { text = _captured.ToString(); }
            if (text.Length == 0) return [];
            var lines = SnapshotFile.Normalize(text).Split('\n').ToList();
            if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines;
        }
    }

    /// <summary>Puts the Console back as it was.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
    }

    /// <summary>Records what went to the Console during <paramref name="run"/>.</summary>
    internal static void Attach(LoopRun run, IReadOnlyList<string> lines)
    {
        if (lines.Count > 0) ByRun.AddOrUpdate(run, lines);
    }

    /// <summary>The lines <paramref name="run"/>'s program wrote to the Console instead of its writer.</summary>
    public static IReadOnlyList<string> LinesOf(LoopRun? run) =>
        run is not null && ByRun.TryGetValue(run, out var lines) ? lines : [];

    /// <summary>The note a verdict adds when output went to the Console, or null.</summary>
    public static string? Note(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0) return null;
        var text = new StringBuilder();
        text.Append(KataText.Format("Console.LinesWentToConsole", lines.Count));
        foreach (var line in Listing.Capped(lines, head: 4, tail: 2)) text.Append("\n    ").Append(line);
        text.Append("\n  ").Append(KataText.Text("Console.PrintWithTheWriter"));
        return text.ToString();
    }
}
