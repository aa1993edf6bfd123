namespace AsyncKatas.Catalog;

/// <summary>
/// One kata, as katas/katas.json declares it: its id (also its NUnit category), its folder name, what it
/// is about, and whether its expected output is the article's (K14, K15 and Part II go beyond the article).
/// </summary>
public sealed record Kata(string Id, string Folder, string Topic, bool FromArticle = true)
{
    public string ReadmePath => $"katas/{Folder}/README.md";
    public string HintsPath => $"katas/{Folder}/README.md#hints";

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
        All.FirstOrDefault(k => k.Id == id) ?? throw new ArgumentException($"No kata with id '{id}' in katas/katas.json.", nameof(id));
}
