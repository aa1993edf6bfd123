using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace Mistakes.Tests;

/// <summary>What the kata's tests said about one program: whether they rejected it, and everything the learner reads.</summary>
/// <param name="Rejected">The program did not build, or one of its kata's tests failed (or none ran).</param>
/// <param name="Message">The build errors, or each failed test's name and message, in the order they ran.</param>
public sealed record ProgramRun(bool Rejected, string Message)
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
            if (!result.Compiled) return new ProgramRun(true, string.Join('\n', result.Compile!.Errors));
            var mineRan = result.Tests.Where(t => t.Kata == program.Kata).ToList();
            var failed = mineRan.Where(t => t.Outcome != Outcome.Passed).ToList();
            return new ProgramRun(failed.Count > 0 || mineRan.Count == 0,
                mineRan.Count == 0 ? "no test of the kata ran" : string.Join("\n\n", failed.Select(f => $"{f.ShortName}: {f.Message}")));
        }
        finally
        {
            foreach (var path in laid) engine.Compiler.Sources.Overlay(path, null);
        }
    }
}
