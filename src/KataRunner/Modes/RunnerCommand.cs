using AsyncKatas.Catalog.Words;
using KataRunner.Engine;

namespace KataRunner.Modes;

/// <summary>The runner's command line: a kata id, and one mode (watch by default); <c>--lang zh-Hans|en</c> the language.</summary>
/// <param name="Error">The argument the runner does not know, if any (the usage names it in the chosen language).</param>
public sealed record RunnerCommand(string Mode, string? KataId, string? ReportPath, bool Solutions, int BenchRuns, string? Error)
{
    /// <summary>The language asked for with --lang ("en", "zh-Hans"); null: as the SDK chooses (<see cref="UiLanguage.Choose"/>).</summary>
    public string? Language { get; init; }

    /// <summary>With <c>--worker PIPE</c>: the runner's test process, serving runs on that pipe (<see cref="KataRunner.Engine.Running.Worker.WorkerServer"/>).</summary>
    public string? WorkerPipe { get; init; }

    public static RunnerCommand Parse(IReadOnlyList<string> args)
    {
        string mode = "watch";
        string? kata = null, report = null;
        var solutions = false;
        var bench = 0;
        string? worker = null;
        // The language first: an unknown argument before --lang is still said in the language asked for.
        var asked = args.ToList().IndexOf("--lang");
        string? language = asked >= 0 && asked + 1 < args.Count ? UiLanguage.Normalize(args[asked + 1]) : null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--once": mode = "once"; break;
                case "--bench-start": mode = "bench-start"; break;
                case "--solutions": solutions = true; break;
                case "--lang" when i + 1 < args.Count && UiLanguage.Normalize(args[i + 1]) is { } lang: language = lang; i++; break;
                case "--worker" when i + 1 < args.Count: mode = "worker"; worker = args[++i]; break;
                case "--report" when i + 1 < args.Count: mode = "report"; report = args[++i]; break;
                case "--bench" when i + 1 < args.Count && int.TryParse(args[i + 1], out bench) && bench > 0: mode = "bench"; i++; break;
                case var a when !a.StartsWith('-') && kata is null: kata = a; break;
                default: return new RunnerCommand(mode, kata, report, solutions, bench, args[i]) { Language = language };
            }
        }
        return new RunnerCommand(mode, kata, report, solutions, bench, null) { Language = language, WorkerPipe = worker };
    }

    /// <summary>The repository the runner works on: the one around the current folder.</summary>
    public static RepositoryPaths? Repository() =>
        RepositoryPaths.Find(Environment.CurrentDirectory) ?? RepositoryPaths.Find(AppContext.BaseDirectory);
}
