using System.Reflection;

namespace KataRunner.Engine.Running;

/// <summary>
/// NUnit keeps static caches keyed by the tests' types and methods (metadata, await shapes, randomizers,
/// ApplyToContext lookups). Since the runner's nunit.framework lives for the whole process, those
/// entries would pin every run's collectible load context. This empties them after each run. The
/// names are NUnit 5.0's internals; the unload test (EngineTests) fails if a new version moves them.
/// </summary>
internal static class NUnitCaches
{
    private static readonly (string Type, string Field)[] Caches =
    [
        ("NUnit.Framework.Internal.CSharpPatternBasedAwaitAdapter", "ShapeInfoByType"),
        ("NUnit.Framework.Internal.Randomizer", "Randomizers"),
        ("NUnit.Framework.Internal.Reflect", "InvokeApplyToLookup"),
        ("NUnit.Framework.Internal.Reflect", "InvokeApplyToCollectionLookup"),
        ("NUnit.Framework.Internal.Builders.MethodInfoCache", "MethodMetadataCache"),
        ("NUnit.Framework.Internal.Builders.TestMetadataCache", "Cache"),
        ("NUnit.Framework.Internal.Builders.DatapointProvider", "ProviderCache"),
    ];

    public static void Clear()
    {
        var nunit = typeof(NUnit.Framework.TestAttribute).Assembly;
        foreach (var (typeName, fieldName) in Caches)
        {
            var field = nunit.GetType(typeName)?.GetField(fieldName, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            var cache = field?.GetValue(null);
            if (cache is null) continue;
            var clear = cache.GetType().GetMethod("Clear", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
            if (clear is not null)
            {
                lock (cache) clear.Invoke(cache, null);
            }
        }
    }
}
