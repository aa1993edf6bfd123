using System.Text;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace KataRunner.Modes;

/// <summary>
/// `--report FILE [--solutions]`: runs every test of the tests assembly against the in-memory katas/
/// (or solutions/) and writes one line per test: full name, category, outcome (tab-separated).
/// Exit 0 when the report was written.
/// </summary>
public static class ReportMode
{
    public static int Run(RunnerCommand command)
    {
        var paths = RunnerCommand.Repository();
        if (paths is null) { Console.Error.WriteLine(AsyncKatas.Catalog.Words.Vocabulary.NoRepository); return 2; }
        var engine = new KataEngine(paths, command.Solutions ? CodeTree.Solutions : CodeTree.Katas);
        var result = engine.Run([]);
        if (result.Problem is not null) { Console.Error.WriteLine(result.Problem); return 2; }
        var text = new StringBuilder();
        foreach (var error in result.Compile?.Errors ?? []) text.Append("#compile\t").Append(error).Append('\n');
        foreach (var test in result.Tests.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(test.FullName).Append('\t').Append(test.Category).Append('\t').Append(test.Outcome).Append('\n');
        }
        File.WriteAllText(command.ReportPath!, text.ToString());
        var passed = result.Tests.Count(t => t.Outcome == Outcome.Passed);
        var failed = result.Tests.Count(t => t.Outcome == Outcome.Failed);
        Console.WriteLine($"{command.ReportPath}: {result.Tests.Count} tests, {passed} passed, {failed} failed");
        return 0;
    }
}
