using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace Mistakes.Tests;

/// <summary>
/// The catalogue of learner mistakes (tools/Mistakes/README.md), one test per program: a wrong program is
/// rejected, its message has the kata's header and names its cause, and it never asks for a fix the program
/// already does; a correct program passes. One engine for the run (preparing it compiles the tests: seconds).
/// </summary>
[NonParallelizable]
public class CatalogueTests
{
    private static KataEngine? _engine;

    private static KataEngine Engine()
    {
        if (_engine is not null) return _engine;
        var engine = new KataEngine(Repository.Paths, CodeTree.Katas);
        if (engine.Prepare() is { } problem) Assert.Fail(problem);
        return _engine = engine;
    }

    private static IReadOnlyList<string> TestProcessStops() => (_engine?.Host as KataRunner.Engine.Running.Worker.WorkerHost)?.Stops ?? [];

    public static IEnumerable<TestCaseData> Programs() =>
        MistakeProgram.All().Select(p => new TestCaseData(p).SetName(p.Name.Replace('/', '.').Replace('-', '_')));

    [TestCaseSource(nameof(Programs))]
    public void Program_GetsItsVerdict(MistakeProgram program)
    {
        var expected = program.Expected;
        if (expected.Defect is { } defect) Assert.Ignore($"{program.Name}: a known defect of the judging, not judged until it is fixed: {defect}");
        var stopsBefore = TestProcessStops().Count;
        var run = ProgramRun.Of(Engine(), program);
        // A test process that stopped under the run (a runtime crash) was replaced and the run tried again: said, not hidden.
        foreach (var stop in TestProcessStops().Skip(stopsBefore)) TestContext.Progress.WriteLine($"{program.Name}: the test process stopped ({stop}); its run was tried again in a new one");
        var message = run.Message;
        TestContext.Out.WriteLine(run.Rejected ? $"rejected:\n{message}" : "passed");
        VerdictLog.Record(program.Name, run.Verdicts);
        VerdictLog.RecordMessage(program.Name, run.Rejected, message);
        Assert.Multiple(() =>
        {
            Assert.That(run.Rejected, Is.EqualTo(expected.Rejected),
                expected.Rejected ? $"{program.Name} is wrong and passed" : $"{program.Name} is correct and was rejected:\n{message}");
            if (!expected.Rejected || !run.Rejected) return;
            Assert.That(message, Does.Contain(program.Kata.Id), $"the message has no {program.Kata.Id} header:\n{message}");
            foreach (var words in expected.Says)
            {
                Assert.That(message, Does.Contain(words).IgnoreCase, $"the message does not name the cause ('{words}'):\n{message}");
            }
            foreach (var words in expected.Never)
            {
                Assert.That(message, Does.Not.Contain(words).IgnoreCase, $"the message asks for what the program already does ('{words}'):\n{message}");
            }
        });
    }

    [Test]
    public void Solutions_PassEveryKataTest()
    {
        var result = ProgramRun.OfSolutions(Engine(), KataCatalog.All);
        if (result.Problem is not null) Assert.Fail($"the engine could not run: {result.Problem}");
        Assert.That(result.Compiled, Is.True, () => "solutions/ does not build:\n" + string.Join('\n', result.Compile!.Errors.Take(20)));
        VerdictLog.Record("solutions", ProgramRun.VerdictsOf(result.Tests));
        Assert.Multiple(() =>
        {
            Assert.That(result.Tests, Is.Not.Empty, "no kata test ran");
            Assert.That(result.Tests.Where(t => t.Outcome != Outcome.Passed).Select(t => $"{t.ShortName}: {t.Message}"), Is.Empty,
                "a kata test failed against solutions/");
        });
    }

    [Test]
    public void Catalogue_IsReadable()
    {
        var programs = MistakeProgram.All().ToList();
        Assert.That(programs, Is.Not.Empty);
        Assert.That(programs.Where(p => p.Files.Count == 0).Select(p => p.Name), Is.Empty, "a program with no .cs file");
    }
}
