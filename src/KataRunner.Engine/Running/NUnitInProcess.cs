using System.Reflection;
using AsyncKatas.Catalog;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using System.Security;
using NUnit;

namespace KataRunner.Engine.Running;

/// <summary>
/// Runs tests of the loaded tests assembly with NUnit's own in-process runner
/// (NUnitTestAssemblyRunner + DefaultTestAssemblyBuilder), one test at a time on the calling thread
/// as tests/katas.runsettings asks (NumberOfTestWorkers 0), and flattens the result tree.
/// </summary>
public static class NUnitInProcess
{
    /// <param name="categories">The categories to run (K01…, Harness); none: every test.</param>
    /// <param name="namespaces">Where those tests are (NUnit builds the fixtures of these namespaces only: less reflection
    /// per run); none: the whole assembly.</param>
    public static IReadOnlyList<TestOutcome> Run(Assembly tests, string workDirectory, IReadOnlyCollection<string> categories, IReadOnlyList<string>? namespaces = null)
    {
        var settings = new Dictionary<string, object>
        {
            [FrameworkPackageSettings.NumberOfTestWorkers] = 0,
            [FrameworkPackageSettings.WorkDirectory] = workDirectory,
            [FrameworkPackageSettings.SynchronousEvents] = true,
        };
        if (namespaces is { Count: > 0 }) settings[FrameworkPackageSettings.LOAD] = namespaces.ToList();
        AppContext.SetSwitch(TimelineProperties.Switch, true); // the kata support records each test's timeline (KataTimeline)
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(tests, settings);
        ITestFilter filter = categories.Count == 0
            ? TestFilter.Empty
            : TestFilter.FromXml($"<filter><or>{string.Concat(categories.Select(c => $"<cat>{SecurityElement.Escape(c)}</cat>"))}</or></filter>");
        var result = runner.Run(TestListener.NULL, filter);
        var outcomes = new List<TestOutcome>();
        Collect(result, null, outcomes);
        return outcomes;
    }

    private static void Collect(ITestResult result, string? category, List<TestOutcome> into)
    {
        category = CategoryOf(result.Test) ?? category;
        if (!result.Test.IsSuite)
        {
            // A test skipped by the filter never appears; one that did not run for another reason does.
            var outcome = result.ResultState.Status switch
            {
                TestStatus.Passed => Outcome.Passed,
                TestStatus.Skipped or TestStatus.Inconclusive => Outcome.Skipped,
                TestStatus.Warning => Outcome.Passed,
                _ => Outcome.Failed,
            };
            var (kind, gist) = outcome == Outcome.Failed ? FailureOf(result.Test) : (FailureKind.Bare, null);
            into.Add(new TestOutcome(result.Test.FullName, category ?? "", outcome, result.Message ?? "", result.StackTrace ?? "", kind, gist,
                KataTimeline.From(result.Test.Properties)));
            return;
        }
        foreach (var child in result.Children) Collect(child, category, into);
    }

    /// <summary>What the kata support recorded on a test it failed (<see cref="FailureProperties"/>); a bare failure when it recorded nothing.</summary>
    private static (FailureKind Kind, string? Gist) FailureOf(ITest test)
    {
        var gist = test.Properties.Get(FailureProperties.Gist) as string;
        return test.Properties.Get(FailureProperties.Kind) is string name && Enum.TryParse<FailureKind>(name, out var kind)
            ? (kind, gist)
            : (FailureKind.Bare, gist);
    }

    private static string? CategoryOf(ITest test)
    {
        var categories = test.Properties[PropertyNames.Category];
        return categories.Count > 0 ? categories[0] as string : null;
    }
}
