using KataRunner.Engine;

namespace Mistakes.Tests;

/// <summary>The repository these tests were built in (the folder with Katas.sln above the test binaries).</summary>
internal static class Repository
{
    public static RepositoryPaths Paths { get; } =
        RepositoryPaths.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no Katas.sln above the tests");

    public static string Root => Paths.Root;
}
