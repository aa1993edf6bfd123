using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// The kinds a real run hands the runner: tests/Support records each failure's kind and gist on the test
/// (NUnit test properties), and the engine reads them into <see cref="TestOutcome"/>. In-memory texts stand
/// in for a learner's edits of K01; the files on disk are never touched.
/// </summary>
[NonParallelizable]
public class FailureKindTests
{
    private KataEngine _engine = null!;
    private string _file = null!;
    private string _solution = null!;

    [OneTimeSetUp]
    public void Prepare()
    {
        _engine = SharedEngine.For(CodeTree.Katas);
        _file = Path.Combine(_engine.Paths.Katas, "K01_EventLoop", "TwoWorkers.cs");
        _solution = File.ReadAllText(Path.Combine(_engine.Paths.Solutions, "K01_EventLoop", "TwoWorkers.cs"));
    }

    [TearDown]
    public void Restore() => _engine.Compiler.Sources.Overlay(_file, null);

    [Test]
    public void A_stub_as_shipped_is_not_started()
    {
        var failures = Failures("K02");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Not.Empty);
            Assert.That(failures.Select(f => f.Kind), Is.All.EqualTo(FailureKind.NotStarted));
            Assert.That(failures.Select(f => f.Gist), Is.All.StartWith("not started yet: open katas/K02_Coroutines/"));
        });
    }

    [Test]
    public void A_wrong_line_is_a_bare_diff_whose_gist_leaves_out_the_tests_name_hint_and_received_file()
    {
        Edit("output.WriteLine($\"我是异步任务{number}\");", "output.WriteLine($\"我是异步任务 {number}\");");
        var failures = Failures("K01");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Has.Count.EqualTo(2));
            Assert.That(failures.Select(f => f.Kind), Is.All.EqualTo(FailureKind.Bare));
            foreach (var failure in failures)
            {
                Assert.That(failure.Message, Does.Contain(failure.Gist!).And.Contain("Received: "), "the gist is part of the message");
                Assert.That(failure.Gist, Does.StartWith("the output differs").And.Not.Contain("Hint:").And.Not.Contain("Received:")
                    .And.Not.Contain(failure.ShortName.Split('.')[1]));
            }
        });
    }

    [Test]
    public void Work_left_running_is_a_verdict_with_a_likely_cause()
    {
        Edit("public static Task RunAsync(TextWriter output, TimeProvider time) =>\n        Task.WhenAll(WorkAsync(1, output, time), WorkAsync(2, output, time));",
             "public static Task RunAsync(TextWriter output, TimeProvider time)\n    {\n        _ = WorkAsync(1, output, time);\n        _ = WorkAsync(2, output, time);\n        return Task.CompletedTask;\n    }");
        var failures = Failures("K01");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Has.Count.EqualTo(1), "the test of one worker still passes");
            Assert.That(failures.Select(f => f.Kind), Is.All.EqualTo(FailureKind.NamedCause));
            Assert.That(failures.Select(f => f.Message), Is.All.Contain("Likely cause: "), "what the kind says is what the learner reads");
        });
    }

    private void Edit(string line, string instead)
    {
        Assert.That(_solution, Does.Contain(line));
        _engine.Compiler.Sources.Overlay(_file, _solution.Replace(line, instead, StringComparison.Ordinal));
    }

    private List<TestOutcome> Failures(string kata)
    {
        var result = _engine.Run([KataCatalog.Get(kata)]);
        Assert.That(result.Compile!.Errors, Is.Empty);
        return [.. result.Tests.Where(t => t.Outcome == Outcome.Failed)];
    }
}
