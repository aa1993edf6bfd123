using NUnit.Framework.Internal;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Writes a failure's <see cref="KataFailureRecord"/> to a file under the test's work directory and attaches it to
/// the test now running, the way <see cref="SnapshotFile"/> attaches a received snapshot: `dotnet test` hands a
/// test's attachments to its loggers, and the summary logger reads the failure from there, not from NUnit's message.
/// </summary>
internal static class FailureRecordFile
{
    /// <summary>The folder, under the test's work directory, that holds the records.</summary>
    public const string Folder = "kata-failures";

    /// <summary>
    /// Writes and attaches <paramref name="record"/>: one file per failure of the test (a test may fail several
    /// checks inside Assert.Multiple), named after the test's id, so the next run of the test writes over it.
    /// </summary>
    public static void Attach(KataFailureRecord record)
    {
        if (TestContext.CurrentContext.Test.ID is not { } id) return;
        var earlier = TestExecutionContext.CurrentContext.CurrentResult.TestAttachments.Count(a => KataFailureRecord.IsRecordFile(a.FilePath));
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, Folder, $"{Sanitize(id)}-{earlier + 1}{KataFailureRecord.FileSuffix}");
        try
        {
            record.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the test still fails with its message; the summary then reads that message as it reads NUnit's own
        }
        TestContext.AddTestAttachment(path, KataFailureRecord.AttachmentDescription);
    }

    private static string Sanitize(string id) =>
        new(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
