using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// What a start learns is kept (the compiler command lines, the tests image, the last katas image), and
/// one kata that does not compile never stops another: the real engine on the real katas/, with its
/// cache in a folder of its own (the repository's obj/KataRunner is not touched) and in-memory texts
/// for edits.
/// </summary>
[NonParallelizable]
public class FallbackTests
{
    private readonly List<PrepareStage> _firstStages = [];
    private string _cacheDir = null!;
    private KataEngine _engine = null!;
    private string _k03 = null!;
    private string _k10 = null!;

    [OneTimeSetUp]
    public void Prepare()
    {
        _cacheDir = Path.Combine(Path.GetTempPath(), "katarunner-tests-" + Guid.NewGuid().ToString("N"));
        _engine = NewEngine(_firstStages);
        _k03 = Path.Combine(_engine.Paths.Katas, "K03_AwaitChains", "AwaitChains.cs");
        _k10 = Path.Combine(_engine.Paths.Katas, "K10_MixedSyncAsync", "ImageDownloads.cs");
        // Katas as shipped compile: every kata's last version that compiled is known from here on.
        Assert.That(_engine.Run([KataCatalog.Get("K01")]).Compiled, Is.True);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        try { Directory.Delete(_cacheDir, recursive: true); } catch (IOException) { }
    }

    [TearDown]
    public void Restore()
    {
        _engine.Compiler.Sources.Overlay(_k03, null);
        _engine.Compiler.Sources.Overlay(_k10, null);
    }

    [Test]
    public void A_second_start_with_nothing_changed_compiles_nothing_and_gives_the_same_result()
    {
        Assert.That(_firstStages.Select(s => s.GetType().Name), Is.SupersetOf(new[] { "ReadingCompilerSettings", "CompilingTests" }),
            "the first start asks MSBuild and compiles the tests");

        var stages = new List<PrepareStage>();
        var restarted = NewEngine(stages);
        var first = _engine.Run([KataCatalog.Get("K01")]);
        var again = restarted.Run([KataCatalog.Get("K01")]);
        Assert.Multiple(() =>
        {
            Assert.That(stages, Is.Empty, "nothing to ask MSBuild, nothing to compile");
            Assert.That(again.Compile!.FromCache, Is.True, "the katas image comes from the cache");
            Assert.That(again.StatusOf(KataCatalog.Get("K01")), Is.EqualTo(first.StatusOf(KataCatalog.Get("K01"))));
            Assert.That(again.Tests.Select(t => (t.FullName, t.Outcome)), Is.EqualTo(first.Tests.Select(t => (t.FullName, t.Outcome))));
        });
    }

    [Test]
    public void Another_kata_that_does_not_compile_runs_from_its_last_version_that_compiled()
    {
        _engine.Compiler.Sources.Overlay(_k03, File.ReadAllText(_k03) + "\nthis is not C#\n");
        var result = _engine.Run([KataCatalog.Get("K01")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Compiled, Is.True, "K01 runs");
            Assert.That(result.StatusOf(KataCatalog.Get("K01")), Is.EqualTo(KataStatus.Failing), "K01's own verdict, as shipped");
            var fallback = result.Compile!.Fallbacks.Single();
            Assert.That(fallback.KataId, Is.EqualTo("K03"));
            Assert.That(fallback.Source, Is.EqualTo(FallbackSource.LastCompiled));
            Assert.That(fallback.FirstError.Path, Is.EqualTo("katas/K03_AwaitChains/AwaitChains.cs"));
            Assert.That(fallback.ToString(), Does.StartWith("K03 does not compile: katas/K03_AwaitChains/AwaitChains.cs(").And.Contain("last version that compiled"));
            // What the session shows as the "another kata does not compile" line.
            var problem = _engine.OtherKataProblems(result).Single();
            Assert.That((problem.KataId, problem.UsedVersion, problem.FirstDiagnostic), Is.EqualTo(("K03", FallbackSource.LastCompiled, fallback.FirstError)));
        });

        var own = _engine.Run([KataCatalog.Get("K03")]);
        Assert.That(own.StatusOf(KataCatalog.Get("K03")), Is.EqualTo(KataStatus.CompileError), "the broken kata's own run shows its errors");
        Assert.That(own.Compile!.Errors.Select(e => e.Path).Distinct(), Is.EqualTo(new[] { "katas/K03_AwaitChains/AwaitChains.cs" }));
    }

    [Test]
    public void An_analyzer_error_in_another_kata_does_not_stop_the_current_one()
    {
        _engine.Compiler.Sources.Overlay(_k10, File.ReadAllText(_k10).Replace(
            "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal));
        var result = _engine.Run([KataCatalog.Get("K03")]);
        Assert.That(result.Compiled, Is.True);
        Assert.That(result.Tests.Select(t => t.Category).Distinct(), Is.EqualTo(new[] { "K03" }));
        Assert.That(result.Compile!.Fallbacks.Select(f => (f.KataId, f.FirstError.Code)), Is.EqualTo(new[] { ("K10", "VSTHRD100") }));
    }

    [Test]
    public void A_kata_that_never_compiled_runs_from_the_reference_solution()
    {
        foreach (var file in Directory.EnumerateFiles(_cacheDir, "*last-compiled-K03_*")) File.Delete(file);
        // A start that has not compiled katas/ yet: its first compile sees the broken K03.
        var fresh = NewEngine([], compileKatas: false);
        fresh.Compiler.Sources.Overlay(_k03, File.ReadAllText(_k03) + "\nthis is not C#\n");
        var result = fresh.Run([KataCatalog.Get("K02")]);
        Assert.That(result.Compiled, Is.True);
        Assert.That(result.Compile!.Fallbacks.Single().Source, Is.EqualTo(FallbackSource.Reference));
        Assert.That(result.Compile.Fallbacks.Single().ToString(), Does.Contain("reference solution"));
    }

    [Test]
    public void Incremental_analysis_after_an_edit_finds_what_a_full_analysis_finds()
    {
        var edit = File.ReadAllText(_k10).Replace(
            "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal);
        _engine.Compiler.Sources.Overlay(_k10, edit);
        var incremental = _engine.Compiler.Compile();
        var analyzed = _engine.Compiler.Analyzers.LastAnalyzedTrees;

        var fresh = NewEngine([], compileKatas: false);
        fresh.Compiler.Sources.Overlay(_k10, edit);
        var full = fresh.Compiler.Compile();
        Assert.Multiple(() =>
        {
            Assert.That(incremental.Errors, Is.EqualTo(full.Errors));
            Assert.That(incremental.Errors.Select(e => e.Code), Does.Contain("VSTHRD100"));
            Assert.That(analyzed, Is.LessThan(fresh.Compiler.Analyzers.LastAnalyzedTrees), "only K10's files were analyzed again");
        });
    }

    private KataEngine NewEngine(List<PrepareStage> stages, bool compileKatas = true)
    {
        var engine = new KataEngine(SharedEngine.Paths, CodeTree.Katas, new RunnerCache(_cacheDir));
        if (engine.Prepare(stages.Add, compileKatas) is { } problem) Assert.Fail(problem);
        return engine;
    }
}
