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
/// as tests/katas.runsettings asks (NumberOfTestWorkers 0), and flattens the result tree into plain records (<see cref="RecordedOutcome"/>).
/// </summary>
public static class NUnitInProcess
{
    /// <param name="katas">The katas whose tests to run (by their category); none: every test.</param>
    /// <param name="namespaces">Where those tests are (NUnit builds the fixtures of these namespaces only: less reflection
    /// per run); none: the whole assembly.</param>
    public static IReadOnlyList<RecordedOutcome> Run(Assembly tests, string workDirectory, IReadOnlyCollection<Kata> katas, IReadOnlyList<string>? namespaces = null)
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
        runner.Load(new LoadableTypesAssembly(tests), settings);
        ITestFilter filter = katas.Count == 0
            ? TestFilter.Empty
            : TestFilter.FromXml($"<filter><or>{string.Concat(katas.Select(k => $"<cat>{SecurityElement.Escape(k.Id)}</cat>"))}</or></filter>");
        var result = runner.Run(TestListener.NULL, filter);
        var outcomes = new List<RecordedOutcome>();
        Collect(result, null, outcomes);
        return outcomes;
    }

    private static void Collect(ITestResult result, Kata? kata, List<RecordedOutcome> into)
    {
        kata = KataOf(result.Test) ?? kata;
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
            into.Add(new RecordedOutcome(result.Test.FullName, kata?.Id, outcome, result.Message ?? "", result.StackTrace ?? "", kind, gist,
                result.Test.Properties.Get(TimelineProperties.Timeline) as string, result.Test.Properties.Get(TimelineProperties.Expected) as string));
            return;
        }
        foreach (var child in result.Children) Collect(child, kata, into);
    }

    /// <summary>What the kata support recorded on a test it failed (<see cref="FailureProperties"/>); a bare failure when it recorded nothing.</summary>
    private static (FailureKind Kind, string? Gist) FailureOf(ITest test)
    {
        var gist = test.Properties.Get(FailureProperties.Gist) as string;
        return test.Properties.Get(FailureProperties.Kind) is string name && Enum.TryParse<FailureKind>(name, out var kind)
            ? (kind, gist)
            : (FailureKind.Bare, gist);
    }

    /// <summary>The kata a test's (or fixture's) category names, if any.</summary>
    private static Kata? KataOf(ITest test) =>
        test.Properties[PropertyNames.Category].OfType<string>().Select(KataCatalog.Find).FirstOrDefault(k => k is not null);
}
