using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Which kata the running test belongs to (its [Category], else its namespace), the header every
/// verdict begins with, and the last run the test made on the virtual loop (for what it printed and
/// what went to the Console instead).
/// </summary>
public static class KataContext
{
    private static (string TestId, LoopRun Run)? _lastRun;
    private static readonly object Gate = new();

    /// <summary>The kata of the test now running, or null outside a kata test.</summary>
    public static Kata? CurrentKata
    {
        get
        {
            for (var test = TestExecutionContext.CurrentContext.CurrentTest as ITest; test is not null; test = test.Parent)
            {
                foreach (var category in test.Properties[PropertyNames.Category].OfType<string>())
                {
                    if (KataCatalog.Find(category) is { } kata) return kata;
                }
            }
            return OfNamespace(TestContext.CurrentContext.Test.ClassName ?? "");
        }
    }

    /// <summary>The kata whose tests folder holds <paramref name="type"/> (its namespace names the folder): for a kata's helper that tests outside the kata call too.</summary>
    public static Kata Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return OfNamespace(type.FullName ?? "") ?? throw new ArgumentException($"{type.FullName} is not in a kata's folder.", nameof(type));
    }

    private static Kata? OfNamespace(string name) => KataCatalog.FromPath(name);

    /// <summary>The kata of the test now running; throws outside a kata test.</summary>
    public static Kata Kata =>
        CurrentKata ?? throw new InvalidOperationException($"{TestContext.CurrentContext.Test.FullName} has no kata category (a kata id of katas/katas.json).");

    /// <summary>The first words of every failure: "K04 Tasks › TaskObjectsTests.NamedTasks_3s_2s".</summary>
    public static string Header(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return AsyncKatas.Catalog.Words.KataVocabulary.FailureHeader(kata, TestName);
    }

    /// <summary>The test now running as the header names it: "TaskObjectsTests.NamedTasks_3s_2s".</summary>
    public static string TestName
    {
        get
        {
            var test = TestContext.CurrentContext.Test;
            var type = test.ClassName is { } full ? full[(full.LastIndexOf('.') + 1)..] : "?";
            return $"{type}.{test.Name}";
        }
    }

    /// <summary>The last run of the test now running, if it made one.</summary>
    public static LoopRun? LastRun
    {
        get
        {
            lock (Gate) { return _lastRun is { } last && last.TestId == TestContext.CurrentContext.Test.ID ? last.Run : null; }
        }
    }

    internal static void RememberRun(LoopRun run)
    {
        lock (Gate) { _lastRun = (TestContext.CurrentContext.Test.ID, run); }
    }
}
