using System.Text.Json;
using System.Text.RegularExpressions;

namespace AsyncKatas.Catalog;

/// <summary>
/// Reads katas/katas.json, the one place each kata is declared (rustlings' info.toml is the model). The
/// build embeds the file in this assembly, so the kata tests, the summary logger and the watch runner read
/// the same list without finding the repository; the bash and Python tools read the file itself.
/// </summary>
public static class KataManifest
{
    /// <summary>The value of "article" for a kata whose expected output is not the article's.</summary>
    public const string Beyond = "beyond";

    /// <summary>The value of "python" for a program that is the README's first python block.</summary>
    public const string ReadmeProgram = "README.md";

    /// <summary>The manifest's path in the repository.</summary>
    public const string RelativePath = "katas/katas.json";

    private static readonly string[] Fields = ["id", "folder", "part", "topic", "topic_zh", "article", "examples", "threads", "given", "python"];

    /// <summary>The manifest the build embedded in this assembly.</summary>
    public static IReadOnlyList<Kata> LoadEmbedded()
    {
        using var stream = typeof(KataManifest).Assembly.GetManifestResourceStream("katas.json")
            ?? throw new InvalidOperationException($"{RelativePath} is not embedded in {typeof(KataManifest).Assembly.GetName().Name} (see its .csproj).");
        return Load(stream);
    }

    /// <summary>Reads and checks a manifest; a mistake in it throws <see cref="InvalidDataException"/> naming the kata and the field.</summary>
    public static IReadOnlyList<Kata> Load(Stream json)
    {
        // A JSON document, not JsonSerializer: the serializer's caches would keep this assembly's types alive,
        // and the watch runner unloads the assembly after every run.
        List<Entry> entries;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("katas", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{RelativePath}: no \"katas\" list.");
            entries = [.. list.EnumerateArray().Select((element, i) => ReadEntry(element, i + 1))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{RelativePath}: {e.Message}", e);
        }
        var katas = new List<Kata>();
        foreach (var entry in entries)
        {
            var kata = ToKata(entry, katas.Count + 1);
            if (katas.Any(k => k.Id == kata.Id)) throw Invalid(kata.Id, "id", "declared twice");
            if (katas.Count > 0 && kata.Part < katas[^1].Part) throw Invalid(kata.Id, "part", $"part {kata.Part} comes after part {katas[^1].Part}: list the katas in the order a learner takes them");
            katas.Add(kata);
        }
        return katas;
    }

    private static Kata ToKata(Entry entry, int position)
    {
        var id = entry.Id ?? throw new InvalidDataException($"{RelativePath}: kata number {position} has no \"id\".");
        if (!KataIdPattern.IsMatch(id)) throw Invalid(id, "id", "must be K and two digits");
        if (entry.Folder is not { } folder || !folder.StartsWith(id + "_", StringComparison.Ordinal) || folder.Length == id.Length + 1)
            throw Invalid(id, "folder", $"must be \"{id}_Name\"");
        if (string.IsNullOrWhiteSpace(entry.Topic)) throw Invalid(id, "topic", "is missing");
        if (entry.TopicZh is not { } topicZh || !topicZh.Any(c => c >= '\u4e00' && c <= '\u9fff')) throw Invalid(id, "topic_zh", "is missing or has no Chinese in it");
        if (entry.Part is not (1 or 2)) throw Invalid(id, "part", "must be 1 or 2");
        if (string.IsNullOrWhiteSpace(entry.Article)) throw Invalid(id, "article", $"is missing (the article's section, or \"{Beyond}\")");
        var beyond = entry.Article == Beyond;
        var examples = entry.Examples ?? "";
        if (beyond != (examples.Length == 0)) throw Invalid(id, "examples", beyond ? "must be empty for a kata beyond the article" : "names the article's examples (E01 ...)");
        if (entry.Part == 2 && !beyond) throw Invalid(id, "article", $"a Part II kata is \"{Beyond}\" the article");
        var given = entry.Given ?? [];
        if (given.Any(f => f.Contains('/', StringComparison.Ordinal) || f.Contains('\\', StringComparison.Ordinal) || !f.EndsWith(".cs", StringComparison.Ordinal)))
            throw Invalid(id, "given", "lists .cs file names in the kata's folder");
        var python = entry.Python ?? ReadmeProgram;
        if (python.Contains('/', StringComparison.Ordinal) || !(python == ReadmeProgram || python.EndsWith(".py", StringComparison.Ordinal)))
            throw Invalid(id, "python", $"is \"{ReadmeProgram}\" or a .py file in the kata's folder");
        return new Kata(id, folder, entry.Topic, FromArticle: !beyond)
        {
            TopicZh = topicZh,
            Part = entry.Part,
            Article = entry.Article,
            Examples = examples,
            GivesThreads = entry.Threads,
            GivenFiles = given,
            Python = python,
        };
    }

    private static InvalidDataException Invalid(string id, string field, string what) =>
        new($"{RelativePath}: {id}'s \"{field}\" {what}.");

    private static readonly Regex KataIdPattern = new(@"^K\d\d$");

    private static Entry ReadEntry(JsonElement element, int position)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{RelativePath}: kata number {position} is not an object.");
        var id = element.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name)) throw Invalid(id ?? $"kata number {position}", property.Name, $"is not a field (the fields: {string.Join(", ", Fields)})");
        }
        string? Text(string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new Entry(
            id,
            Text("folder"),
            element.TryGetProperty("part", out var part) ? part.GetInt32() : 0,
            Text("topic"),
            Text("topic_zh"),
            Text("article"),
            Text("examples"),
            element.TryGetProperty("threads", out var threads) && threads.GetBoolean(),
            element.TryGetProperty("given", out var given) ? [.. given.EnumerateArray().Select(f => f.GetString() ?? "")] : null,
            Text("python"));
    }

    private sealed record Entry(string? Id, string? Folder, int Part, string? Topic, string? TopicZh, string? Article, string? Examples,
        bool Threads, IReadOnlyList<string>? Given, string? Python);
}
