using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// The real engine on the real katas/: compile errors (compiler and analyzers) as the build shows
/// them, NUnit's failure messages, and a load context that goes away after each run. In-memory texts
/// stand in for edits: the files on disk are never touched.
/// </summary>
[NonParallelizable]
public class EngineTests
{
    private KataEngine _engine = null!;
    private string _file = null!;
    private string _original = null!;

    [OneTimeSetUp]
    public void Prepare()
    {
        _engine = SharedEngine.For(CodeTree.Katas);
        _file = Path.Combine(_engine.Paths.Katas, "K01_EventLoop", "TwoWorkers.cs");
        _original = File.ReadAllText(_file);
    }

    [TearDown]
    public void Restore() => _engine.Compiler.Sources.Overlay(_file, null);

    [Test]
    public void Katas_as_shipped_compile_and_K01_fails_with_the_tests_message()
    {
        var result = _engine.Run([KataCatalog.Get("K01")]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Compile!.Errors, Is.Empty);
            Assert.That(result.StatusOf(KataCatalog.Get("K01")), Is.EqualTo(KataStatus.Failing));
            Assert.That(result.Tests.Select(t => t.Category).Distinct(), Is.EqualTo(new[] { "K01" }), "nothing from other katas");
            Assert.That(result.Tests[0].Message, Does.StartWith("K01 EventLoop › TwoWorkersTests."));
            Assert.That(result.Tests[0].Message, Does.Contain("not started yet"));
        });
    }

    [Test]
    public void A_syntax_error_shows_file_line_and_code()
    {
        _engine.Compiler.Sources.Overlay(_file, _original.Replace("await WorkAsync(1, output, time);", "await WorkAsync(1, output, time)", StringComparison.Ordinal));
        var result = _engine.Run([KataCatalog.Get("K01")]);
        Assert.That(result.StatusOf(KataCatalog.Get("K01")), Is.EqualTo(KataStatus.CompileError));
        var error = result.Compile!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Path, Is.EqualTo("katas/K01_EventLoop/TwoWorkers.cs"));
            Assert.That(error.Code, Is.EqualTo("CS1002"));
            Assert.That(error.Line, Is.EqualTo(LineOf("await WorkAsync(1, output, time);")));
            Assert.That(error.ToString(), Does.Match(@"^katas/K01_EventLoop/TwoWorkers\.cs\(\d+,\d+\): error CS1002: ; expected$"));
        });
    }

    [Test]
    public void An_analyzer_warning_is_an_error_as_in_the_build()
    {
        // async void: VSTHRD100, a warning made an error by TreatWarningsAsErrors.
        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal));
        var result = _engine.Run([KataCatalog.Get("K01")]);
        Assert.That(result.Compile!.Errors.Select(e => e.Code), Does.Contain("VSTHRD100"));
    }

    [Test]
    public void Editorconfig_severities_and_analyzer_files_apply_as_in_the_build()
    {
        // VSTHRD103 (a blocking call inside an async method) is on for katas in .editorconfig, and
        // TextWriter's methods are excluded by solutions/vs-threading.SyncMethodsToExcludeFromVSTHRD103.txt.
        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "await WorkAsync(1, output, time);", "output.Flush();\n        await WorkAsync(1, output, time);", StringComparison.Ordinal));
        Assert.That(_engine.Run([KataCatalog.Get("K01")]).Compile!.Errors, Is.Empty, "an excluded method builds");

        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "await WorkAsync(1, output, time);", "Task.Delay(TimeSpan.FromSeconds(1), time).Wait();\n        await WorkAsync(1, output, time);", StringComparison.Ordinal));
        Assert.That(_engine.Run([KataCatalog.Get("K01")]).Compile!.Errors.Select(e => e.Code), Does.Contain("VSTHRD103"), "a blocking wait is refused");
    }

    [Test]
    public void A_banned_call_is_refused_with_what_to_write_instead_as_in_the_build()
    {
        // solutions/BannedSymbols.txt, an additional file of the build: RS0030 names the call and the fix.
        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "await WorkAsync(1, output, time);", "Thread.Sleep(300);\n        await WorkAsync(1, output, time);", StringComparison.Ordinal));
        var error = _engine.Run([KataCatalog.Get("K01")]).Compile!.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("RS0030"));
            Assert.That(error.Message, Does.Contain("'Thread.Sleep(int)'").And.Contain("await Task.Delay(delay, time)"));
        });
    }

    [Test]
    public void A_kata_run_finds_every_test_of_its_category()
    {
        // A kata's run asks NUnit to build the fixtures of the kata's namespace only (InProcessHost.TestNamespaces).
        var all = _engine.Run([]);
        foreach (var kata in AsyncKatas.Catalog.KataCatalog.All)
        {
            var alone = _engine.Run([kata]);
            Assert.That(alone.Tests.Select(t => t.FullName), Is.EquivalentTo(all.Tests.Where(t => t.Kata == kata).Select(t => t.FullName)), kata.Id);
        }
    }

    [Test]
    public void Only_changed_files_are_parsed_again()
    {
        _engine.Compiler.Compile();
        _engine.Compiler.Sources.Overlay(_file, _original + "// edited\n");
        Assert.That(_engine.Compiler.Compile().FilesParsed, Is.EqualTo(1));
    }

    [Test]
    public void The_load_context_is_unloaded_after_a_run()
    {
        var compile = _engine.Compiler.Compile();
        var context = RunOnce(compile);
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.That(context.IsAlive, Is.False, "the collectible context of the run is gone");
    }

    private WeakReference RunOnce(Engine.Build.CompileResult compile)
    {
        InProcessHost.RunInFreshContext(_engine.TestsBuild.Current!, compile.Image!, compile.Pdb, [KataCatalog.Get("K02")], _engine.Cache.Directory, out var context);
        return context;
    }

    private int LineOf(string text) =>
        _original.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;
}
