using System.Text;
using AsyncKatas.Catalog.Words;
using NUnit.Framework.Internal;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Puts a failure message together: the kata header, the verdict(s), what went to the Console instead of
/// the writer, where the hints are; never more than <see cref="MaxLines"/> lines.
/// </summary>
public static class KataMessage
{
    /// <summary>The most lines one test's message may have.</summary>
    public const int MaxLines = 60;

    /// <summary>
    /// Fails the test now running with <paramref name="verdicts"/>: records what the failure is (its
    /// <see cref="FailureKind"/> and its gist, see <see cref="FailureProperties"/>) on the test for the
    /// watch runner, writes it with the composed lines as a <see cref="KataFailureRecord"/> attached to the test
    /// for the `dotnet test` summary (<see cref="FailureRecordFile"/>), then fails it with the composed message.
    /// </summary>
    public static void Fail(IReadOnlyList<Verdict> verdicts, LoopRun? run = null, string? trailer = null)
    {
        var (message, gist, kata) = Composed(verdicts, null, run, trailer);
        var kind = verdicts.Min(v => v.Kind);
        // TestContext's view of the properties is read-only; the running test's own bag is not.
        var properties = TestExecutionContext.CurrentContext.CurrentTest.Properties;
        properties.Set(FailureProperties.Kind, kind.ToString());
        properties.Set(FailureProperties.Gist, gist);
        FailureRecordFile.Attach(new KataFailureRecord(kata.Id, KataContext.TestName, kind, gist, message.Split('\n')));
        Assert.Fail(message);
    }

    /// <summary>Fails the test now running with one verdict.</summary>
    public static void Fail(Verdict verdict, LoopRun? run = null, string? trailer = null) => Fail([verdict], run, trailer);

    /// <summary>The message, its gist (the lines between the header and the hint: what is the same for every test that failed this way) and its kata.</summary>
    private static (string Message, string Gist, Kata Kata) Composed(IReadOnlyList<Verdict> verdicts, Kata? kata, LoopRun? run, string? trailer)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        run ??= KataContext.LastRun;
        kata ??= KataContext.CurrentKata ?? run?.Kata ?? throw new InvalidOperationException("A verdict outside a kata test.");
        var lines = new List<string>();
        if (verdicts.Count == 1)
        {
            lines.AddRange(verdicts[0].Lines());
        }
        else
        {
            lines.Add(KataText.Format("Message.ChecksFailed", verdicts.Count));
            for (var i = 0; i < verdicts.Count; i++)
            {
                var each = verdicts[i].Lines();
                lines.Add($"  {i + 1}. {each[0]}");
                lines.AddRange(each.Skip(1).Select(l => "  " + l));
            }
        }
        if (ConsoleCapture.Note(ConsoleCapture.LinesOf(run)) is { } console) lines.AddRange(("  " + console).Split('\n'));
        var body = Listing.Capped(lines, head: MaxLines - 10, tail: 6, what: KataText.Text("Message.Lines")).ToList();
        var gist = string.Join('\n', body);
        body[0] = $"{KataContext.Header(kata)}: {body[0]}";
        // The tests speak the UI culture (UiCultureSetup); the hint names the README in that language.
        body.Add(KataText.Format("Message.Hint", kata.HintsPathIn(UiLanguage.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? "en")));
        if (trailer is not null) body.Add(trailer);
        return (string.Join('\n', body), gist, kata);
    }
}
