using KataRunner.Engine;

namespace KataRunner.Tests;

/// <summary>One real engine per code tree for the whole test run (preparing one builds the tests
/// assembly and reads the compiler settings: seconds, not milliseconds).</summary>
internal static class SharedEngine
{
    private static readonly Dictionary<CodeTree, KataEngine> Engines = [];

    public static RepositoryPaths Paths { get; } =
        RepositoryPaths.Find(TestContext.CurrentContext.TestDirectory) ?? throw new InvalidOperationException("no Katas.sln above the tests");

    public static KataEngine For(CodeTree tree)
    {
        lock (Engines)
        {
            if (!Engines.TryGetValue(tree, out var engine))
            {
                engine = new KataEngine(Paths, tree);
                if (engine.Prepare() is { } problem) Assert.Fail(problem);
                Engines[tree] = engine;
            }
            return engine;
        }
    }
}
