using AsyncKatas.TestLogger;
using static AsyncKatas.Tests.SupportTests.SummaryLoggerTests;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// What the kata support wrote reaches the `dotnet test` summary as a typed record (KataFailureRecord, attached to
/// the test): the summary prints and groups it from the record, never from NUnit's message.
/// </summary>
[Category("Support")]
public class SummaryLoggerRecordTests
{

    /// <summary>A message the regexes would read as an exception with no frame of the learner's, and as a list of failures.</summary>
    private const string MisleadingMessage = "System.InvalidOperationException : Multiple failures or warnings in test:\n  1) the message's words";

    private static KataFailureRecord Recorded(string test, FailureKind kind, string gist, params string[] evidence) =>
        new("K05", test, kind, gist, [$"K05 WaitAndGather › {test}: {gist}", .. evidence, "Hint: katas/K05_WaitAndGather/README.md#hints"]);

    private static TestOutcomeRecord FailedWith(params KataFailureRecord[] records) =>
        new(KataCatalog.Get("K05"), records[0].Test, Outcome.Failed, MisleadingMessage, HarnessStack, Records: records);

    [Test, NonParallelizable]
    public void In_Chinese_the_next_kata_is_named_with_its_Chinese_topic_and_README()
    {
        var failed = new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.B", Outcome.Failed, "msg", HarnessStack);
        try
        {
            AsyncKatas.Catalog.Words.UiLanguage.Use("zh-Hans");
            var summary = KataSummaryLogger.Summarize([failed]);
            Assert.That(summary, Does.Contain(KataCatalog.Get("K05").TopicZh).And.Contain("katas/K05_WaitAndGather/README.zh-CN.md")
                .And.Not.Contain("katas/K05_WaitAndGather/README.md"));
        }
        finally
        {
            AsyncKatas.Catalog.Words.UiLanguage.Use("en");
        }
        Assert.That(KataSummaryLogger.Summarize([failed]), Does.Contain(KataCatalog.Get("K05").Topic).And.Contain("katas/K05_WaitAndGather/README.md"));
    }

    [Test]
    public void A_failure_with_a_record_is_printed_from_the_record_and_its_message_is_not_read()
    {
        var record = Recorded("GatherTests.B", FailureKind.Fix, "the right lines, printed at the wrong virtual times", "  yours:    1.0", "  Fix: await both.");
        var lines = FailureView.Describe(FailedWith(record), "K05 WaitAndGather › GatherTests.B", 40);
        Assert.That(lines, Is.EqualTo(record.Lines));
        var summary = KataSummaryLogger.Summarize([FailedWith(record)]);
        Assert.That(summary, Does.Contain(string.Join(Environment.NewLine, record.Lines)));
        Assert.That(summary, Does.Not.Contain("the message's words").And.Not.Contain("InvalidOperationException").And.Not.Contain("console;verbosity=normal"));
    }

    [Test]
    public void Without_a_record_the_same_message_is_shown_as_NUnit_wrote_it()
    {
        var failure = new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.B", Outcome.Failed, MisleadingMessage, HarnessStack);
        var lines = FailureView.Describe(failure, "K05 WaitAndGather › GatherTests.B", 40);
        Assert.That(lines, Is.EqualTo(FailureText.Describe(failure, "K05 WaitAndGather › GatherTests.B", 40)));
        Assert.That(lines, Is.EqualTo(new[] { "K05 WaitAndGather › GatherTests.B: System.InvalidOperationException : Multiple failures or warnings in test:", "  1) the message's words" }));
    }

    [Test]
    public void Recorded_failures_are_grouped_by_their_kind_and_gist_not_by_their_messages()
    {
        var results = new List<TestOutcomeRecord>
        {
            FailedWith(Recorded("GatherTests.A", FailureKind.Fix, "the same gist")) with { Message = "one message" },
            FailedWith(Recorded("GatherTests.B", FailureKind.Fix, "the same gist")) with { Message = "another message" },
            FailedWith(Recorded("GatherTests.C", FailureKind.Fix, "another gist")) with { Message = "one message" },
            FailedWith(Recorded("GatherTests.D", FailureKind.Bare, "the same gist")) with { Message = "one message" },
        };
        var lines = KataSummaryLogger.Summarize(results).Split(Environment.NewLine);
        Assert.That(lines, Has.One.EqualTo("  The same for GatherTests.B."));
        Assert.That(lines, Has.One.StartsWith("K05 WaitAndGather › GatherTests.C: another gist"));
        Assert.That(lines, Has.One.StartsWith("K05 WaitAndGather › GatherTests.D: the same gist"), "the same words of another kind are another failure");
    }

    [Test]
    public void The_most_telling_recorded_failures_are_shown_first()
    {
        var results = new List<TestOutcomeRecord>
        {
            FailedWith(Recorded("GatherTests.A", FailureKind.Bare, "only what was seen")),
            FailedWith(Recorded("GatherTests.B", FailureKind.NotStarted, "not started yet")),
            FailedWith(Recorded("GatherTests.C", FailureKind.NamedCause, "a named cause")),
            new(KataCatalog.Get("K05"), "GatherTests.D", Outcome.Failed, "GatherTests.D: NUnit's own words", HarnessStack),
            FailedWith(Recorded("GatherTests.E", FailureKind.Fix, "a fix")),
        };
        var shown = KataSummaryLogger.Summarize(results, new SummaryOptions(FailuresShownForOneKata: 10)).Split(Environment.NewLine)
            .Where(l => l.StartsWith("K05 WaitAndGather › ", StringComparison.Ordinal)).Select(l => l.Split(':')[0][^13..]).ToList();
        Assert.That(shown, Is.EqualTo(new[] { "GatherTests.C", "GatherTests.E", "GatherTests.B", "GatherTests.A", "GatherTests.D" }));
    }

    [Test]
    public void Several_records_of_one_test_become_a_numbered_list_and_a_long_one_is_cut()
    {
        var first = Recorded("GatherTests.B", FailureKind.Bare, "first check", "  yours: 1");
        var second = Recorded("GatherTests.B", FailureKind.Fix, "second check");
        Assert.That(FailureView.Describe(FailedWith(first, second), "K05 WaitAndGather › GatherTests.B", 40), Is.EqualTo(new[]
        {
            "K05 WaitAndGather › GatherTests.B: 2 failures",
            "  1) K05 WaitAndGather › GatherTests.B: first check",
            "       yours: 1",
            "     Hint: katas/K05_WaitAndGather/README.md#hints",
            "  2) K05 WaitAndGather › GatherTests.B: second check",
            "     Hint: katas/K05_WaitAndGather/README.md#hints",
        }));
        Assert.That(FailureView.Kind(FailedWith(first, second)), Is.EqualTo(FailureKind.Fix));

        var longOne = Recorded("GatherTests.L", FailureKind.Bare, "long", [.. Enumerable.Range(0, 100).Select(i => $"  + line {i}")]);
        var summary = KataSummaryLogger.Summarize([FailedWith(longOne)], new SummaryOptions(MessageLines: 10));
        Assert.That(summary, Does.Contain("  + line 7").And.Not.Contain("  + line 8").And.Contain("… 93 more line(s)"));
    }

    [Test]
    public void A_record_round_trips_through_its_json()
    {
        var record = Recorded("GatherTests.B", FailureKind.NamedCause, "两个任务\n  \"quoted\"", "  yours: 1");
        var json = record.ToJson();
        Assert.That(json, Does.Contain("\"Kind\":\"NamedCause\""), "the kind by name, as the properties carry it");
        var back = KataFailureRecord.FromJson(json);
        Assert.That(back, Is.Not.Null);
        Assert.That((back!.KataId, back.Test, back.Kind, back.Gist), Is.EqualTo((record.KataId, record.Test, record.Kind, record.Gist)));
        Assert.That(back.Lines, Is.EqualTo(record.Lines));
        Assert.That(KataFailureRecord.FromJson("{\"KataId\":\"K05\"}"), Is.Null, "a record without its lines is none");
        Assert.That(KataFailureRecord.FromJson("not json"), Is.Null);
    }

    [Test]
    public void The_logger_reads_the_records_a_failed_test_attached_and_nothing_else()
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "summary-logger-tests");
        var record = Recorded("GatherTests.B", FailureKind.Fix, "recorded");
        var recordFile = Path.Combine(folder, "B-1" + KataFailureRecord.FileSuffix);
        record.Write(recordFile);
        var received = Path.Combine(folder, "GatherTests.B.received.txt");
        File.WriteAllText(received, "received");
        var gone = Path.Combine(folder, "gone" + KataFailureRecord.FileSuffix);

        var failed = KataSummaryLogger.ResultOf([], "GatherTests.B", Outcome.Failed, MisleadingMessage, HarnessStack, [received, recordFile, gone]);
        Assert.That(failed.Records, Has.Count.EqualTo(1));
        Assert.That(failed.Records![0].Lines, Is.EqualTo(record.Lines));
        Assert.That(failed.Kata, Is.EqualTo(KataCatalog.Get("K05")), "without a category, the record names the kata");
        Assert.That(KataSummaryLogger.ResultOf(["K05"], "GatherTests.B", Outcome.Passed, null, null, [recordFile]).Records, Is.Empty, "a test that passed failed nothing");
        Assert.That(KataSummaryLogger.ResultOf(["K05"], "GatherTests.B", Outcome.Failed, MisleadingMessage, HarnessStack, [received, gone]).Records, Is.Empty,
            "a record file that is gone leaves the message to be read");
    }

    [Test]
    public void KataMessage_Fail_attaches_the_record_of_the_message_it_fails_with()
    {
        KataLoop.Run(KataCatalog.Get("K05"), _ => Task.CompletedTask); // the run tells the message which kata it is about
        var message = "";
        List<string> attached;
        // Not Assert.Throws: it isolates the failure's result, and the attachment with it.
        using (new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext())
        {
            try
            {
                Judge.All(() =>
                {
                    Judge.That(false, "first thing wrong.");
                    Judge.That(false, "second thing wrong.", "do it right.");
                });
            }
            catch (AssertionException e)
            {
                message = e.Message;
            }
            attached = [.. NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentResult.TestAttachments.Select(a => a.FilePath)];
        }
        Assert.That(message, Is.Not.Empty, "the checks failed");
        Assert.That(attached, Has.Count.EqualTo(1));
        var record = KataFailureRecord.Read(attached[0]);
        Assert.That(record, Is.Not.Null);
        var gist = NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentTest.Properties.Get(FailureProperties.Gist) as string;
        Assert.Multiple(() =>
        {
            Assert.That(record!.Lines, Is.EqualTo(message.Split('\n')));
            Assert.That((record.KataId, record.Test, record.Kind, record.Gist),
                Is.EqualTo(("K05", $"SummaryLoggerRecordTests.{TestContext.CurrentContext.Test.Name}", FailureKind.Fix, gist)));
        });
        var result = KataSummaryLogger.ResultOf(["K05"], record!.Test, Outcome.Failed, "not the message", null, attached);
        Assert.That(KataSummaryLogger.Summarize([result]), Does.Contain(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal)));
    }
}
