using System.Diagnostics;
using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Running;
using KataRunner.Engine.Running.Worker;

namespace KataRunner.Tests;

/// <summary>
/// The runner's test process (<see cref="WorkerHost"/>): kept from run to run while runs end clean; ended, and
/// replaced, when a run's code outlives it (so no core stays busy after the run); and a run is tried again when the
/// process stops under it. Real runs of K01 with its code given in memory.
/// </summary>
[NonParallelizable]
public class WorkerHostTests
{
    private WorkerHost _host = null!;
    private KataEngine _engine = null!;
    private string _file = null!;
    private string _original = null!;

    [OneTimeSetUp]
    public void Prepare()
    {
        _host = WorkerHost.Beside() ?? throw new InvalidOperationException("the runner is not next to the tests");
        _engine = new KataEngine(SharedEngine.Paths, CodeTree.Katas, host: _host);
        if (_engine.Prepare() is { } problem) Assert.Fail(problem);
        _file = Path.Combine(_engine.Paths.Katas, "K01_EventLoop", "TwoWorkers.cs");
        _original = File.ReadAllText(_file);
    }

    [OneTimeTearDown]
    public void End() => _host.Dispose();

    [TearDown]
    public void Restore() => _engine.Compiler.Sources.Overlay(_file, null);

    [Test]
    public void Runs_that_end_clean_share_one_test_process()
    {
        _engine.Run([K01]);
        var process = _host.NextProcessId();
        var result = _engine.Run([K01]);
        Assert.Multiple(() =>
        {
            Assert.That(result.LeftRunning, Is.Empty);
            Assert.That(result.Tests, Is.Not.Empty);
            Assert.That(result.Tests[0].Message, Does.Contain("not started yet"), "the verdict is the kata's, as in-process");
            Assert.That(_host.NextProcessId(), Is.EqualTo(process).And.Not.Null, "the same test process");
        });
    }

    [TestCase("new Thread(() => { while (true) { } }).Start();", TestName = "A loop that never ends is stopped with its test process")]
    [TestCase("new Thread(() => new ManualResetEventSlim().Wait()).Start();", TestName = "A wait that never ends is stopped with its test process")]
    public void Code_that_outlives_its_run_is_stopped(string leftBehind)
    {
        _engine.Run([K01]);
        var old = _host.NextProcessId() ?? throw new InvalidOperationException("no test process after a run");
        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "throw new NotImplementedException(", leftBehind + " return Task.CompletedTask; throw new NotImplementedException(", StringComparison.Ordinal));
        var started = _host.Started;
        var result = _engine.Run([K01]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Compile!.Errors, Is.Empty, "the code compiles");
            Assert.That(result.StatusOf(K01), Is.EqualTo(KataStatus.Failing), "the verdict stands");
        });
        var next = _host.NextProcessId();
        Assert.Multiple(() =>
        {
            Assert.That(next, Is.Not.Null.And.Not.EqualTo(old), "a new test process for the next run");
            Assert.That(_host.Started, Is.EqualTo(started + 1));
            Assert.That(Exits(old), Is.True, "the old test process is gone, and the code with it");
        });
        _engine.Compiler.Sources.Overlay(_file, null);
        Assert.That(_engine.Run([K01]).LeftRunning, Is.EqualTo(new[] { K01 }), "the next result says whose code was stopped");
        Assert.That(_engine.Run([K01]).LeftRunning, Is.Empty, "once; the new process's runs end clean");
    }

    [Test]
    public void The_engine_says_between_runs_that_code_outlived_its_run()
    {
        using var found = new ManualResetEventSlim();
        void Found() => found.Set();
        _engine.LeftRunningFound += Found;
        try
        {
            _engine.Compiler.Sources.Overlay(_file, _original.Replace(
                "throw new NotImplementedException(", "new Thread(() => { while (true) { } }).Start(); return Task.CompletedTask; throw new NotImplementedException(", StringComparison.Ordinal));
            _engine.Run([K01]);
            Assert.That(found.Wait(TimeSpan.FromMinutes(1)), Is.True, "raised after the run, with no other run asked for"); // a guard against a hang
            Assert.That(_engine.TakeLeftRunning(), Is.EqualTo(new[] { K01 }));
            _engine.Compiler.Sources.Overlay(_file, null);
            Assert.That(_engine.Run([K01]).LeftRunning, Is.Empty, "said once: taken between the runs");
        }
        finally
        {
            _engine.LeftRunningFound -= Found;
        }
    }

    [Test]
    public void A_run_whose_test_process_stops_twice_says_so_and_the_next_run_has_a_new_one()
    {
        _engine.Compiler.Sources.Overlay(_file, _original.Replace(
            "throw new NotImplementedException(", "Environment.FailFast(\"the learner's code ends the process\"); throw new NotImplementedException(", StringComparison.Ordinal));
        var started = _host.Started;
        var result = _engine.Run([K01]);
        Assert.Multiple(() =>
        {
            Assert.That(result.StatusOf(K01), Is.EqualTo(KataStatus.Broken));
            Assert.That(result.Problem, Does.StartWith("The test process stopped twice while it ran K01's tests (exit code "));
            Assert.That(_host.Started, Is.EqualTo(started + 2), "one more try, and a process for the next run");
        });
        _engine.Compiler.Sources.Overlay(_file, null);
        Assert.That(_engine.Run([K01]).StatusOf(K01), Is.EqualTo(KataStatus.Failing), "the next run has its verdict");
    }

    [Test]
    public void A_test_process_that_cannot_start_is_a_problem_not_a_crash()
    {
        using var host = new WorkerHost(Path.Combine(Path.GetTempPath(), "no-such-runner-" + Guid.NewGuid().ToString("N")), []);
        var run = host.Run(_engine.TestsBuild.Current!, _engine.Compiler.Compile(), [K01], _engine.Cache.Directory);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcomes, Is.Empty);
            Assert.That(run.Problem, Does.StartWith("The test process stopped twice while it ran K01's tests (it could not be started ("));
        });
    }

    private static Kata K01 => KataCatalog.Get("K01");

    /// <summary>Whether the process is gone, or goes within 10 s.</summary>
    private static bool Exits(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            return true; // already gone
        }
    }
}
