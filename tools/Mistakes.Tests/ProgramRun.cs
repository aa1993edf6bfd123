using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace Mistakes.Tests;

/// <summary>What the kata's tests said about one program: whether they rejected it, and everything the learner reads.</summary>
/// <param name="Rejected">The program did not build, or one of its kata's tests failed (or none ran).</param>
/// <param name="Message">The build errors, or each failed test's name and message, in the order they ran.</param>
/// <param name="Verdicts">One line per test of the kata, by name: its outcome, failure kind and the first line of its gist
/// (or one line with the build's error ids): what must not depend on the machine (tools/check-processor-counts.sh).</param>
public sealed record ProgramRun(bool Rejected, string Message, IReadOnlyList<string> Verdicts)
{
    /// <summary>
    /// Compiles <paramref name="program"/> in place of its kata's files (in-memory texts over katas/; the files on
    /// disk are never touched) and runs that kata's tests, one compile and one run. The engine is the watch
    /// runner's: the build's compiler settings and analyzers, NUnit in-process (tools/parity.sh checks it
    /// agrees with dotnet test).
    /// </summary>
    public static ProgramRun Of(KataEngine engine, MistakeProgram program)
    {
        var kataFolder = Path.Combine(engine.Paths.Katas, program.Kata.Folder);
        var solutionFolder = Path.Combine(engine.Paths.Solutions, program.Kata.Folder);
        var own = program.Files.ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var laid = new List<string>();
        try
        {
            foreach (var kataFile in Directory.GetFiles(kataFolder, "*.cs"))
            {
                var name = Path.GetFileName(kataFile);
                var text = own.TryGetValue(name, out var mine) ? mine : File.ReadAllText(Path.Combine(solutionFolder, name));
                engine.Compiler.Sources.Overlay(kataFile, text);
                laid.Add(kataFile);
            }
            foreach (var (name, text) in own.Where(f => !File.Exists(Path.Combine(kataFolder, f.Key))))
            {
                var added = Path.Combine(kataFolder, name);
                engine.Compiler.Sources.Overlay(added, text);
                laid.Add(added);
            }
            var result = engine.Run([program.Kata]);
            if (result.Problem is not null) throw new InvalidOperationException($"the engine could not run: {result.Problem}");
            if (!result.Compiled)
            {
                var errors = result.Compile!.Errors;
                return new ProgramRun(true, string.Join('\n', errors.Select(e => e.ToString()).Concat(result.Compile.Advice)),
                    [$"build\tFailed\t{BuildErrorIds(errors)}"]);
            }
            var mineRan = result.Tests.Where(t => t.Kata == program.Kata).ToList();
            var failed = mineRan.Where(t => t.Outcome != Outcome.Passed).ToList();
            return new ProgramRun(failed.Count > 0 || mineRan.Count == 0,
                mineRan.Count == 0 ? "no test of the kata ran" : string.Join("\n\n", failed.Select(f => $"{f.ShortName}: {f.Message}")),
                VerdictsOf(mineRan));
        }
        finally
        {
            foreach (var path in laid) engine.Compiler.Sources.Overlay(path, null);
        }
    }

    /// <summary>
    /// Compiles every kata's reference files from solutions/ in place of katas/ (in memory, as for a program) and runs
    /// every kata's tests at once: the solutions' verdicts, with the same engine as the catalogue's.
    /// </summary>
    public static RunResult OfSolutions(KataEngine engine, IReadOnlyCollection<Kata> katas)
    {
        var laid = new List<string>();
        try
        {
            foreach (var kataFile in Directory.GetFiles(engine.Paths.Katas, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(engine.Paths.Katas, kataFile);
                var reference = Path.Combine(engine.Paths.Solutions, relative);
                if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || !File.Exists(reference)) continue;
                engine.Compiler.Sources.Overlay(kataFile, File.ReadAllText(reference));
                laid.Add(kataFile);
            }
            return engine.Run(katas);
        }
        finally
        {
            foreach (var path in laid) engine.Compiler.Sources.Overlay(path, null);
        }
    }

    /// <summary>Each test's verdict as one line: name, outcome, and for a failure its kind and its gist's first line (the headline).</summary>
    public static IReadOnlyList<string> VerdictsOf(IEnumerable<TestOutcome> tests) =>
        [.. tests.OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => t.Outcome == Outcome.Passed
                ? $"{t.ShortName}\t{t.Outcome}"
                : $"{t.ShortName}\t{t.Outcome}\t{t.Kind}\t{Headline(t.Gist)}")];

    private static string Headline(string? gist) => gist is null ? "" : gist.Split('\n')[0];

    // The ids of the build's errors (VSTHRD103, RS0030, …), sorted and distinct: their text may quote the program.
    private static string BuildErrorIds(IEnumerable<KataRunner.Engine.Build.CompileError> errors) =>
        string.Join(' ', errors.Select(e => e.Code).Distinct().Order(StringComparer.Ordinal));
}
