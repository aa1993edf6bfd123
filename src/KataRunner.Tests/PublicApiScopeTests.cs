using KataRunner.Engine;

namespace KataRunner.Tests;

/// <summary>
/// solutions/ declares its public API (PublicAPI.*.txt, checked by the public API analyzer). A compile of one kata sees
/// only that kata's lines of those files (ScopedAdditionalText): the symbols of the katas left out are not reported as
/// missing, and the kata compiled is still held to its declarations.
/// </summary>
[NonParallelizable]
public class PublicApiScopeTests
{
    private static KataEngine Solutions => SharedEngine.For(CodeTree.Solutions);

    private static string K01 => Path.Combine(Solutions.Paths.Solutions, "K01_EventLoop", "TwoWorkers.cs");

    [TearDown]
    public void Restore() => Solutions.Compiler.Sources.Overlay(K01, null);

    [Test]
    public void A_compile_of_one_kata_of_solutions_passes_the_public_API_check()
    {
        // An in-memory text: compiled for real, never served from the runner's cache.
        Solutions.Compiler.Sources.Overlay(K01, File.ReadAllText(K01) + "\n// edited\n");
        var result = Solutions.Compiler.Compile(["K01_EventLoop"]);
        Assert.That(result.FromCache, Is.False);
        Assert.That(result.Errors.Select(e => $"{e.Code} {e.Path}: {e.Message}"), Is.Empty);
    }

    [Test]
    public void A_public_symbol_the_kata_does_not_declare_is_still_refused_in_a_compile_of_that_kata()
    {
        var text = File.ReadAllText(K01);
        var closing = text.LastIndexOf('}');
        Solutions.Compiler.Sources.Overlay(K01, text[..closing] + "    public static void Undeclared() { }\n}\n");

        var result = Solutions.Compiler.Compile(["K01_EventLoop"]);

        Assert.That(result.Errors.Select(e => (e.Code, e.Path)), Is.EqualTo(new[] { ("RS0016", "solutions/K01_EventLoop/TwoWorkers.cs") }),
            "the one undeclared symbol, and nothing of the katas left out");
    }
}
