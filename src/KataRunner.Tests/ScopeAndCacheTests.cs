using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// What a start learns is kept (the compiler command lines, the tests image, the last katas images), and
/// a run compiles only its katas, so one kata that does not compile never stops another: the real engine on the real katas/, with its
/// cache in a folder of its own (the repository's obj/KataRunner is not touched) and in-memory texts
/// for edits.
/// </summary>
[NonParallelizable]
public class ScopeAndCacheTests
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
    public void Another_kata_that_does_not_compile_does_not_stop_the_current_one_and_is_named()
    {
        _engine.Compiler.Sources.Overlay(_k03, File.ReadAllText(_k03) + "\nthis is not C#\n");
        var own = _engine.Run([KataCatalog.Get("K03")]);
        Assert.That(own.StatusOf(KataCatalog.Get("K03")), Is.EqualTo(KataStatus.CompileError), "the broken kata's own run shows its errors");
        Assert.That(own.Compile!.Errors.Select(e => e.Path).Distinct(), Is.EqualTo(new[] { "katas/K03_AwaitChains/AwaitChains.cs" }));

        var result = _engine.Run([KataCatalog.Get("K01")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Compiled, Is.True, "K01 runs");
            Assert.That(result.StatusOf(KataCatalog.Get("K01")), Is.EqualTo(KataStatus.Failing), "K01's own verdict, as shipped");
            // What the session shows as the "another kata does not compile" line.
            var problem = _engine.OtherKataProblems(result).Single(p => p.KataId == "K03");
            Assert.That((problem.KataId, problem.FirstDiagnostic), Is.EqualTo(("K03", own.Compile.Errors[0])));
        });

        _engine.Compiler.Sources.Overlay(_k03, null);
        Assert.That(_engine.Run([KataCatalog.Get("K03")]).Compiled, Is.True);
        Assert.That(_engine.OtherKataProblems(result).Select(p => p.KataId), Has.No.Member("K03"), "K03 compiles again");
    }

    [Test]
    public void An_analyzer_error_in_another_kata_does_not_stop_the_current_one()
    {
        _engine.Compiler.Sources.Overlay(_k10, File.ReadAllText(_k10).Replace(
            "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal));
        var result = _engine.Run([KataCatalog.Get("K03")]);
        Assert.That(result.Compiled, Is.True);
        Assert.That(result.Tests.Select(t => t.Category).Distinct(), Is.EqualTo(new[] { "K03" }));
        var own = _engine.Run([KataCatalog.Get("K10")]);
        Assert.That(own.Compile!.Errors.Select(e => e.Code).Distinct(), Is.EqualTo(new[] { "VSTHRD100" }));
    }

    [Test]
    public void A_run_compiles_only_its_katas_and_gives_the_verdicts_of_the_whole_image()
    {
        // Test types of other katas that implement a kata's interface (K23's fakes) do not load against this image: NUnit is
        // given the types that do (LoadableTypesAssembly).
        var katas = new[] { KataCatalog.Get("K01"), KataCatalog.Get("K16") };
        var scoped = _engine.Run(katas);
        var whole = _engine.Host.Run(_engine.TestsBuild.Current!, _engine.Compiler.Compile(), katas, _engine.Cache.Directory);
        Assert.Multiple(() =>
        {
            Assert.That(scoped.Compile!.Image!.Length, Is.LessThan(_engine.Compiler.Compile().Image!.Length / 3), "two katas of 23");
            Assert.That(scoped.Tests, Is.Not.Empty);
            Assert.That(scoped.Tests.Select(t => (t.FullName, t.Outcome)), Is.EqualTo(whole.Outcomes.Select(t => (t.FullName, t.Outcome))));
        });
    }

    [Test]
    public void Incremental_analysis_after_an_edit_finds_what_a_full_analysis_finds()
    {
        var edit = File.ReadAllText(_k10).Replace(
            "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal);
        _engine.Compiler.Sources.Overlay(_k10, edit);
        var incremental = _engine.Compiler.Compile();
        var analyzed = _engine.Compiler.Analyzers.LastAnalyzedTrees;

        var fresh = NewEngine([]);
        fresh.Compiler.Sources.Overlay(_k10, edit);
        var full = fresh.Compiler.Compile();
        Assert.Multiple(() =>
        {
            Assert.That(incremental.Errors, Is.EqualTo(full.Errors));
            Assert.That(incremental.Errors.Select(e => e.Code), Does.Contain("VSTHRD100"));
            Assert.That(analyzed, Is.LessThan(fresh.Compiler.Analyzers.LastAnalyzedTrees), "only K10's files were analyzed again");
        });
    }

    private KataEngine NewEngine(List<PrepareStage> stages)
    {
        var engine = new KataEngine(SharedEngine.Paths, CodeTree.Katas, new RunnerCache(_cacheDir));
        if (engine.Prepare(stages.Add, [KataCatalog.Get("K01")]) is { } problem) Assert.Fail(problem);
        return engine;
    }
}
