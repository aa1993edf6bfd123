namespace AsyncKatas.Catalog;

/// <summary>
/// One kata, as katas/katas.json declares it: its id (also its NUnit category), its folder name, what it
/// is about, and whether its expected output is the article's (K14, K15 and Part II go beyond the article).
/// </summary>
public sealed record Kata(string Id, string Folder, string Topic, bool FromArticle = true)
{
    /// <summary>"Tasks": the folder's name without the id.</summary>
    public string Name => Folder[(Id.Length + 1)..];

    /// <summary>"K04 Tasks": how the runner, the summary and every failure header name the kata.</summary>
    public string DisplayName => $"{Id} {Name}";

    public string ReadmePath => $"katas/{Folder}/README.md";

    /// <summary>The kata's README in <paramref name="language"/>: README.zh-CN.md for "zh-Hans", else README.md.</summary>
    public string ReadmePathIn(string language) => language == "zh-Hans" ? $"katas/{Folder}/README.zh-CN.md" : ReadmePath;

    /// <summary>The hints of the kata's README in the language in use (<see cref="Words.UiLanguage"/>).</summary>
    public string HintsPath => HintsPathIn(Words.UiLanguage.Current);

    /// <summary>The hints of the kata's README in <paramref name="language"/>: README.zh-CN.md's 提示 in Chinese ("zh-Hans"), else README.md's.</summary>
    public string HintsPathIn(string language) =>
        $"{ReadmePathIn(language)}#{(language == "zh-Hans" ? "提示" : "hints")}";

    /// <summary>The topic in Chinese (katas.json's "topic_zh").</summary>
    public string TopicZh { get; init; } = "";

    /// <summary>The topic in <paramref name="language"/>: the Chinese one for "zh-Hans", else the English one.</summary>
    public string TopicIn(string language) => language == "zh-Hans" && TopicZh.Length > 0 ? TopicZh : Topic;

    /// <summary>1: the article's examples (and what they lead to); 2: after the article.</summary>
    public int Part { get; init; } = 1;

    /// <summary>The article's section the kata reproduces (its heading, as the article writes it), or "beyond".</summary>
    public string Article { get; init; } = KataManifest.Beyond;

    /// <summary>The article's examples the kata reproduces, as the READMEs' tables write them ("E05–E07"); empty when beyond.</summary>
    public string Examples { get; init; } = "";

    /// <summary>The kata's code is given the loop's threads (a <c>TaskScheduler threads</c>) for blocking work.</summary>
    public bool GivesThreads { get; init; }

    /// <summary>Files handed to the learner complete: the same in katas/ and solutions/.</summary>
    public IReadOnlyList<string> GivenFiles { get; init; } = [];

    /// <summary>Where the kata's Python program is: "README.md" (the README's first python block) or a file in the kata's folder.</summary>
    public string Python { get; init; } = KataManifest.ReadmeProgram;
}

/// <summary>Every kata, in the order a learner takes them (katas/katas.json, embedded in this assembly).</summary>
public static class KataCatalog
{
    public static IReadOnlyList<Kata> All { get; } = KataManifest.LoadEmbedded();

    public static Kata Get(string id) =>
        Find(id) ?? throw new ArgumentException($"No kata with id '{id}' in katas/katas.json.", nameof(id));

    /// <summary>The kata with this id ("K04"), or null.</summary>
    public static Kata? Find(string? id) => All.FirstOrDefault(k => k.Id == id);

    /// <summary>
    /// The one place a path is mapped to a kata: the kata whose folder is a part of <paramref name="path"/>, the part
    /// nearest its end. A file under katas/, solutions/ or tests/ (absolute or relative, / or \) or a namespace or
    /// type name (AsyncKatas.Tests.K04_Tasks.TaskObjectsTests); null when no part is a kata's folder.
    /// </summary>
    public static Kata? FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var parts = path.Split('/', '\\', '.');
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (parts[i].Length > 4 && parts[i][0] == 'K' && All.FirstOrDefault(k => k.Folder == parts[i]) is { } kata) return kata;
        }
        return null;
    }

    /// <summary>The kata whose code (its folder in katas/ or solutions/) holds <paramref name="path"/>; null for any other file.</summary>
    public static Kata? OfCode(string? path) => FromPath(CodePath(path));

    /// <summary>
    /// A file of the learner's code as messages show it, from its code tree on: "katas/K04_Tasks/TaskObjects.cs"
    /// (or solutions/…) for any path to it; null for a file in no kata's folder of katas/ or solutions/.
    /// </summary>
    public static string? CodePath(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var parts = path.Replace('\\', '/').Split('/');
        for (var i = parts.Length - 2; i >= 1; i--)
        {
            if (parts[i - 1] is "katas" or "solutions" && All.Any(k => k.Folder == parts[i])) return string.Join('/', parts[(i - 1)..]);
        }
        return null;
    }
}
