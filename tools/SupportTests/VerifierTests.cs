using System.Runtime.CompilerServices;
using AsyncKatas.Tests.Support;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>The snapshot verifier follows Verify's conventions and names what the eye misses.</summary>
[Category("Support")]
public class VerifierTests
{
    private static string Here([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    [Test]
    public void A_matching_text_passes_and_leaves_no_received_file()
    {
        var received = Path.Combine(Here(), "VerifierTests.A_matching_text_passes_and_leaves_no_received_file.received.txt");
        File.WriteAllText(received, "stale");
        Verify("学习协程中...\n");
        Assert.That(File.Exists(received), Is.False, "a stale received file is deleted before comparing");
    }

    [Test]
    public void CRLF_in_the_received_text_is_normalised_like_Verify_does()
    {
        Verify("line 1\r\nline 2\r\n");
    }

    [Test]
    public void A_mismatch_writes_the_received_file_beside_the_test_and_fails_with_a_diff()
    {
        var received = Path.Combine(Here(), "VerifierTests.A_mismatch_writes_the_received_file_beside_the_test_and_fails_with_a_diff.received.txt");
        try
        {
            var message = KataVerifierTests.TestFailureMessage(() => Verify("start\nend!\n"));
            Assert.That(File.ReadAllText(received), Is.EqualTo("start\nend!\n"));
            Assert.That(message, Does.Contain("  - end").And.Contain("  + end!").And.Contain("Received:"));
        }
        finally
        {
            File.Delete(received);
        }
    }

    [Test]
    public void Full_width_punctuation_is_named_with_its_code_point()
    {
        var notes = TextDiff.Notes("IO操作结果为: 返回值\n", "IO操作结果为：返回值\n").ToList();
        Assert.That(notes, Has.Some.Contains("U+FF1A").And.Some.Contains("U+003A"));
    }

    [Test]
    public void A_full_width_comma_is_named_too()
    {
        var notes = TextDiff.Notes("a, b\n", "a， b\n").ToList();
        Assert.That(notes, Has.Some.Contains("U+FF0C"));
    }

    [Test]
    public void A_missing_final_newline_is_named()
    {
        Assert.That(TextDiff.Notes("666\n", "666"), Has.Some.Contains("ends with a newline and yours does not"));
        Assert.That(TextDiff.Notes("666\n", "666\n\n"), Has.Some.Contains("empty line"));
    }

    [Test]
    public void Trailing_spaces_are_named()
    {
        Assert.That(TextDiff.Notes("start\n", "start  \n"), Has.Some.Contains("ends with 2 space(s)"));
    }

    [Test]
    public void The_two_spaces_after_a_colon_are_not_reported_when_the_article_has_them()
    {
        const string article = "在线程池中得到的执行结果:  这是一个任务的返回值...\n";
        Assert.That(TextDiff.Notes(article, article), Is.Empty);
        Assert.That(TextDiff.Notes(article, "在线程池中得到的执行结果: 这是一个任务的返回值...\n"), Has.Some.Contains("is missing ' ' (U+0020)"));
    }

    [Test]
    public void The_diff_aligns_times_after_double_width_characters()
    {
        var diff = TextDiff.Describe("执行协程函数内部代码\nstart\n", "执行协程函数内部代码\nstart\n",
            [TimeSpan.Zero, TimeSpan.Zero], [TimeSpan.Zero, TimeSpan.FromSeconds(2)]);
        var lines = diff.Split('\n').Skip(1).ToList();
        Assert.That(TextDiff.DisplayWidth(lines[0][..lines[0].IndexOf('[')]), Is.EqualTo(TextDiff.DisplayWidth(lines[1][..lines[1].IndexOf('[')])));
        Assert.That(lines[1], Does.Contain("[yours 2.0 s, article 0.0 s]"));
    }

    [Test]
    public void Snapshot_names_follow_Verify_with_parameters_sanitised()
    {
        var snapshot = SnapshotFile.ForCurrentTest(Path.Combine(Here(), "VerifierTests.cs"));
        Assert.That(Path.GetFileName(snapshot.VerifiedPath), Is.EqualTo("VerifierTests.Snapshot_names_follow_Verify_with_parameters_sanitised.verified.txt"));
        Assert.That(Path.GetFileName(snapshot.ReceivedPath), Is.EqualTo("VerifierTests.Snapshot_names_follow_Verify_with_parameters_sanitised.received.txt"));
    }

    [Test]
    public void A_received_file_is_attached_to_the_test_as_data_for_the_summary_logger()
    {
        var snapshot = SnapshotFile.ForCurrentTest(Path.Combine(Here(), "VerifierTests.cs"));
        try
        {
            snapshot.WriteReceived("received\n");
            var attachments = NUnit.Framework.Internal.TestExecutionContext.CurrentContext.CurrentResult.TestAttachments;
            Assert.That(attachments.Select(a => (a.FilePath, a.Description)), Has.Member((snapshot.ReceivedPath, SnapshotFile.ReceivedAttachment)));
        }
        finally
        {
            snapshot.DeleteReceived();
        }
    }

    [TestCase("a/b:c")]
    public void Parameterised_snapshot_names_replace_invalid_characters(string value)
    {
        var snapshot = SnapshotFile.ForCurrentTest(Path.Combine(Here(), "VerifierTests.cs"));
        Assert.That(Path.GetFileName(snapshot.VerifiedPath), Is.EqualTo("VerifierTests.Parameterised_snapshot_names_replace_invalid_characters_value=a-b-c.verified.txt"));
    }

    [Test]
    public void Accepting_is_never_done_on_CI()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        var accept = Environment.GetEnvironmentVariable("KATAS_ACCEPT");
        try
        {
            Environment.SetEnvironmentVariable("KATAS_ACCEPT", "1");
            Environment.SetEnvironmentVariable("CI", "true");
            Assert.That(SnapshotFile.AcceptRequested, Is.False);
            Environment.SetEnvironmentVariable("CI", "false");
            Assert.That(SnapshotFile.AcceptRequested, Is.True);
            Environment.SetEnvironmentVariable("KATAS_ACCEPT", null);
            Assert.That(SnapshotFile.AcceptRequested, Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", ci);
            Environment.SetEnvironmentVariable("KATAS_ACCEPT", accept);
        }
    }

    [Test]
    public void A_verified_file_with_CR_is_an_error_that_says_how_to_fix_git()
    {
        var path = Path.Combine(Path.GetTempPath(), $"katas-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        try
        {
            var snapshot = SnapshotFile.ForCurrentTest(Path.Combine(path, "X.cs"));
            File.WriteAllText(snapshot.VerifiedPath, "a\r\nb\r\n");
            Assert.That(() => snapshot.ReadVerified(), Throws.InvalidOperationException.With.Message.Contains(".gitattributes"));
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
