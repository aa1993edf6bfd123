using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;

namespace AsyncKatas.TestLogger;

/// <summary>
/// What the summary shows of one failure and how it groups it. A failure the kata support wrote carries its
/// <see cref="KataFailureRecord"/>s (attached to the test): its kind, its gist and its lines come from them, and
/// NUnit's message is not read. Only a failure without a record is read from NUnit's message (<see cref="FailureText"/>).
/// </summary>
internal static class FailureView
{
    /// <summary>The records among a test's attached files, in the order the test wrote them; files that hold none are passed over.</summary>
    public static IReadOnlyList<KataFailureRecord> Records(IEnumerable<string> attachments) =>
        [.. attachments.Where(KataFailureRecord.IsRecordFile).Select(KataFailureRecord.Read).OfType<KataFailureRecord>().Where(r => r.Lines.Count > 0)];

    /// <summary>How much the failure tells: the most telling of its records; <see cref="FailureKind.Bare"/> without one.</summary>
    public static FailureKind Kind(TestOutcomeRecord failure) =>
        failure.Records is { Count: > 0 } records ? records.Min(r => r.Kind) : FailureKind.Bare;

    /// <summary>What the failure says without what is the test's own: failures with the same kind and gist are shown once.</summary>
    public static string Gist(TestOutcomeRecord failure) =>
        failure.Records is { Count: > 0 } records ? string.Join("\n\n", records.Select(r => r.Gist)) : FailureText.Gist(failure);

    /// <summary>The lines to print for one failure, at most <paramref name="maxLines"/> of them.</summary>
    public static List<string> Describe(TestOutcomeRecord failure, string header, int maxLines)
    {
        if (failure.Records is not { Count: > 0 } records) return FailureText.Describe(failure, header, maxLines);
        if (records.Count == 1) return FailureText.Cap([.. records[0].Lines], maxLines);
        // Several checks failed inside Assert.Multiple: numbered, as NUnit lists them.
        var lines = new List<string> { KataVocabulary.Format(Vocabulary.ItemsFailed, header, records.Count) };
        for (var i = 0; i < records.Count; i++)
        {
            lines.Add($"  {i + 1}) {records[i].Lines[0].Trim()}");
            lines.AddRange(records[i].Lines.Skip(1).Select(l => "     " + l));
        }
        return FailureText.Cap(lines, maxLines);
    }
}
