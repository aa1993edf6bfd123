using NUnit;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// An exception that escapes a kata test becomes a kata failure (tests/Support/EscapedExceptions.cs): the kata
/// header and what was thrown in the message, its kind and gist recorded for the runner, its record attached for
/// the `dotnet test` summary. The fixture below is run with NUnit's own runner, in this process, and judged here.
/// </summary>
[Category("Support")]
public class EscapedExceptionsTests
{
    [Test]
    public void An_exception_that_escapes_a_kata_test_fails_it_as_a_kata_failure_with_its_record()
    {
        var result = RunThrowingFixture(nameof(Throwing.Throws_an_InvalidOperationException));
        Assert.Multiple(() =>
        {
            Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Failed));
            Assert.That(result.Message, Does.StartWith("K05 WaitAndGather › ").And.Contain("the code threw InvalidOperationException: the learner's bug"));
            Assert.That(result.Test.Properties.Get(FailureProperties.Kind), Is.EqualTo(nameof(FailureKind.Bare)));
            Assert.That(result.TestAttachments.Select(a => a.FilePath).Where(KataFailureRecord.IsRecordFile), Has.Exactly(1).Items);
        });
    }

    [Test]
    public void An_exception_inside_a_task_is_unwrapped_and_NUnit_s_own_results_are_left_alone()
    {
        var awaited = RunThrowingFixture(nameof(Throwing.Throws_from_an_awaited_task));
        var ignored = RunThrowingFixture(nameof(Throwing.Is_ignored));
        Assert.Multiple(() =>
        {
            Assert.That(awaited.Message, Does.Contain("the code threw TimeoutException: late"));
            Assert.That(ignored.ResultState.Status, Is.EqualTo(TestStatus.Skipped));
            Assert.That(ignored.Message, Is.EqualTo("skipped on purpose"));
        });
    }

    [Test]
    public void Where_no_frame_is_in_katas_the_verdict_says_so()
    {
        var verdict = EscapedExceptionsAttribute.VerdictOf(new AggregateException(new InvalidOperationException("boom")), KataCatalog.Get("K05"));
        var lines = verdict.Lines();
        Assert.That(lines.Select(l => l.Trim()), Is.EqualTo(new[] { KataText.Format("Escaped.Threw", "InvalidOperationException", "boom"), KataText.Text("Escaped.NoKataFrame") }));
    }

    private static ITestResult RunThrowingFixture(string test)
    {
        var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
        runner.Load(typeof(Throwing).Assembly, new Dictionary<string, object>
        {
            [FrameworkPackageSettings.NumberOfTestWorkers] = 0,
            [FrameworkPackageSettings.WorkDirectory] = TestContext.CurrentContext.WorkDirectory,
        });
        var result = runner.Run(TestListener.NULL, TestFilter.FromXml($"<filter><test>{typeof(Throwing).FullName}.{test}</test></filter>"));
        return Leaves(result).Single();
    }

    private static IEnumerable<ITestResult> Leaves(ITestResult result) =>
        result.Test.IsSuite ? result.Children.SelectMany(Leaves) : [result];

    /// <summary>Tests that throw, as a K05 test would (Support as well: this project holds maintainers' tests only); run only by the tests above.</summary>
    [Explicit("run by EscapedExceptionsTests"), Category("Support"), Category("K05"), EscapedExceptions]
    public class Throwing
    {
        [Test]
        public void Throws_an_InvalidOperationException() => throw new InvalidOperationException("the learner's bug");

        [Test]
        public async Task Throws_from_an_awaited_task()
        {
            await Task.Yield();
            throw new TimeoutException("late");
        }

        [Test]
        public void Is_ignored() => Assert.Ignore("skipped on purpose");
    }
}
