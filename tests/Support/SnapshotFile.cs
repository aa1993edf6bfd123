using System.Text;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The verified/received pair of one test, named and handled as Verify does:
/// <c>{SourceDir}/{Type}.{Method}.verified.txt</c> with <c>.received.txt</c> beside it; UTF-8 without
/// BOM, <c>\n</c> line endings, exact ordinal comparison; stale received files deleted before comparing;
/// received written only on a mismatch; never accepted on CI.
/// </summary>
public sealed class SnapshotFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private SnapshotFile(string directory, string name)
    {
        VerifiedPath = Path.Combine(directory, name + ".verified.txt");
        ReceivedPath = Path.Combine(directory, name + ".received.txt");
    }

    public string VerifiedPath { get; }
    public string ReceivedPath { get; }

    /// <summary>The snapshot of the NUnit test now running, beside the test's source file.</summary>
    public static SnapshotFile ForCurrentTest(string sourceFile)
    {
        var test = TestContext.CurrentContext.Test;
        var type = test.ClassName is { } full ? full[(full.LastIndexOf('.') + 1)..] : "Unknown";
        var name = $"{type}.{test.MethodName}";
        var arguments = test.Arguments;
        var parameters = test.MethodInfo?.GetParameters().ToArray() ?? [];
        for (var i = 0; i < arguments.Length && i < parameters.Length; i++)
        {
            name += $"_{parameters[i].Name}={Sanitize(Convert.ToString(arguments[i], System.Globalization.CultureInfo.InvariantCulture) ?? "null")}";
        }
        return new SnapshotFile(Path.GetDirectoryName(sourceFile)!, name);
    }

    private static string Sanitize(string value)
    {
        var chars = value.Select(c => char.IsControl(c) || "\"\\<>|:*?/#".Contains(c) ? '-' : c);
        return new string(chars.ToArray());
    }

    /// <summary>Received text as Verify stores it: <c>\r\n</c> and <c>\r</c> become <c>\n</c>.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>The verified text, or null when there is none yet.</summary>
    public string? ReadVerified()
    {
        if (!File.Exists(VerifiedPath)) return null;
        var text = File.ReadAllText(VerifiedPath, Utf8NoBom);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\r'))
        {
            throw new InvalidOperationException(
                $"{VerifiedPath} contains \\r (CRLF line endings). Snapshots are LF: check that .gitattributes has " +
                "'*.verified.txt text eol=lf' and run 'git rm --cached -r . && git reset --hard' to check the files out again.");
        }
        return text;
    }

    public void DeleteReceived()
    {
        if (File.Exists(ReceivedPath)) File.Delete(ReceivedPath);
    }

    /// <summary>
    /// Writes the received file and attaches it to the test now running (NUnit's test attachments, which
    /// dotnet test hands to its loggers as data): the summary logger learns the file from there, not
    /// from the message's words.
    /// </summary>
    public void WriteReceived(string text)
    {
        File.WriteAllText(ReceivedPath, text, Utf8NoBom);
        if (TestContext.CurrentContext.Test.ID is not null) TestContext.AddTestAttachment(ReceivedPath, ReceivedAttachment);
    }

    /// <summary>The description of a received file among a test's attachments.</summary>
    public const string ReceivedAttachment = "received snapshot";

    /// <summary>Maintainers accept a new snapshot with KATAS_ACCEPT=1, after checking it against the article. Never on CI.</summary>
    public static bool AcceptRequested =>
        IsOn(Environment.GetEnvironmentVariable("KATAS_ACCEPT")) && !IsOn(Environment.GetEnvironmentVariable("CI"));

    public void Accept(string text)
    {
        File.WriteAllText(VerifiedPath, text, Utf8NoBom);
        DeleteReceived();
    }

    private static bool IsOn(string? value) =>
        !string.IsNullOrEmpty(value) && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
