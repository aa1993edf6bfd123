using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// The test process's next load context, prepared between runs (<see cref="PreparedContext"/>): the kata support's
/// warm-up runs in it without the katas, and a run in it decides what a run in a fresh context decides.
/// </summary>
[NonParallelizable]
public class PreparedContextTests
{
    private KataEngine _engine = null!;
    private CompileResult _compile = null!;
    private TestsImage _tests = null!;

    [OneTimeSetUp]
    public void Compile()
    {
        _engine = SharedEngine.For(CodeTree.Katas);
        _compile = _engine.Compiler.Compile();
        _tests = _engine.TestsBuild.Current!;
    }

    [Test]
    public void The_warm_up_loads_the_library_and_not_the_katas()
    {
        var prepared = new PreparedContext();
        prepared.Prepare(_tests);
        Assert.That(prepared.IsReady, Is.True, "the warm-up ran without an error");
        var load = prepared.Take(_tests, _compile.Image!, _compile.Pdb);
        try
        {
            var loaded = load.Assemblies.Select(a => a.GetName().Name).ToList();
            Assert.That(loaded, Does.Contain("VirtualTimeLoop").And.Contain("AsyncKatas.Tests").And.Not.Contain("AsyncKatas"));
        }
        finally
        {
            load.Unload();
        }
    }

    [Test]
    public void A_run_in_a_prepared_context_decides_what_a_run_in_a_fresh_one_does()
    {
        Kata[] katas = [KataCatalog.Get("K02"), KataCatalog.Get("K04")];
        var prepared = new PreparedContext();
        prepared.Prepare(_tests);
        var warmed = InProcessHost.RunIn(prepared.Take(_tests, _compile.Image!, _compile.Pdb), katas, _engine.Cache.Directory, out _);
        var fresh = InProcessHost.RunInFreshContext(_tests, _compile.Image!, _compile.Pdb, katas, _engine.Cache.Directory, out _);
        Assert.That(warmed, Is.Not.Empty);
        Assert.That(warmed.Select(o => (o.FullName, o.Outcome, o.Kind, o.Message)), Is.EqualTo(fresh.Select(o => (o.FullName, o.Outcome, o.Kind, o.Message))));
    }

    [Test]
    public void A_run_for_another_tests_image_gets_a_fresh_context()
    {
        var prepared = new PreparedContext();
        prepared.Prepare(_tests);
        var other = _tests with { Dependencies = new Dictionary<string, string>(_tests.Dependencies) { ["Another"] = "another.dll" } };
        var load = prepared.Take(other, _compile.Image!, _compile.Pdb);
        try
        {
            Assert.That(load.Assemblies, Is.Empty, "nothing loaded: not the prepared context");
            Assert.That(prepared.IsReady, Is.False);
        }
        finally
        {
            load.Unload();
        }
    }
}
