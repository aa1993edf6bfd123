using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncKatas.Catalog;

/// <summary>
/// One failure of a kata test as tests/Support composed it, for the `dotnet test` summary: the VSTest adapter does not
/// hand a logger the properties a test sets while it runs (<see cref="FailureProperties"/>, which the watch runner
/// reads), but it does hand it the files the test attached. So the support writes this record to a file
/// (<see cref="FileSuffix"/>), attaches it, and the summary prints and groups from it instead of reading NUnit's message.
/// </summary>
/// <param name="KataId">The kata's id (katas/katas.json): "K04".</param>
/// <param name="Test">The test as the header names it: "TaskObjectsTests.NamedTasks_3s_2s".</param>
/// <param name="Kind">How much the failure tells (the most telling of its verdicts).</param>
/// <param name="Gist">What it says without what is the test's own (see <see cref="FailureProperties.Gist"/>).</param>
/// <param name="Lines">The message as composed: the header and the first verdict line, the verdict lines, the hint (and
/// the received file, when one was written); already capped by the support.</param>
public sealed record KataFailureRecord(string KataId, string Test, FailureKind Kind, string Gist, IReadOnlyList<string> Lines)
{
    /// <summary>How the name of a record's file ends: what tells it apart among a test's attachments.</summary>
    public const string FileSuffix = ".kata-failure.json";

    /// <summary>The description the record's attachment carries.</summary>
    public const string AttachmentDescription = "kata failure";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="path"/> names a record's file.</summary>
    public static bool IsRecordFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    public string ToJson() => JsonSerializer.Serialize(this, KataFailureJson.Default.KataFailureRecord);

    /// <summary>The record of <paramref name="json"/>; null when it is not one (malformed, or fields missing).</summary>
    public static KataFailureRecord? FromJson(string json)
    {
        try
        {
            var record = JsonSerializer.Deserialize(json, KataFailureJson.Default.KataFailureRecord);
            return record is { KataId: not null, Test: not null, Gist: not null, Lines: not null } ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the record to <paramref name="path"/> (UTF-8, creating its folder).</summary>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToJson(), Utf8NoBom);
    }

    /// <summary>The record in the file at <paramref name="path"/>; null when the file is gone or holds no record.</summary>
    public static KataFailureRecord? Read(string path)
    {
        try
        {
            return FromJson(File.ReadAllText(path, Utf8NoBom));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>
/// The record's JSON contract, generated at build time. Not the reflection-based serializer: its caches live in
/// System.Text.Json for the whole process and would keep the kata tests, which the watch runner loads in a
/// collectible load context, alive after a run.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(KataFailureRecord))]
internal sealed partial class KataFailureJson : JsonSerializerContext;
