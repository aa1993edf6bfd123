using AsyncKatas.Catalog;

namespace Mistakes.Tests;

/// <summary>
/// One catalogued program: tools/Mistakes/&lt;Kxx_Name&gt;/&lt;slug&gt;/ holds the .cs files that stand in for the
/// kata's files of the same name (a kata file it leaves out is the reference one from solutions/; a file
/// the kata lacks is added), its NOTE.md (the mistake, its cause, what it already does) and its expect.txt.
/// </summary>
public sealed record MistakeProgram(Kata Kata, string Slug, string Folder, Expectation Expected)
{
    /// <summary>"K17_Throttling/wrong-03-no-limit": how tests and failures name it.</summary>
    public string Name => $"{Kata.Folder}/{Slug}";

    public IReadOnlyList<string> Files => [.. Directory.GetFiles(Folder, "*.cs").Order(StringComparer.Ordinal)];

    public override string ToString() => Name;

    /// <summary>The catalogue's folder: tools/Mistakes under the repository that holds these tests.</summary>
    public static string CatalogueFolder => Path.Combine(Repository.Root, "tools", "Mistakes");

    /// <summary>Every program of the catalogue, kata by kata, in a fixed order.</summary>
    public static IEnumerable<MistakeProgram> All()
    {
        foreach (var kataFolder in Directory.GetDirectories(CatalogueFolder).Order(StringComparer.Ordinal))
        {
            var kata = KataCatalog.All.FirstOrDefault(k => k.Folder == Path.GetFileName(kataFolder))
                       ?? throw new InvalidOperationException($"{kataFolder} is not a kata's folder name (e.g. K17_Throttling)");
            foreach (var folder in Directory.GetDirectories(kataFolder).Order(StringComparer.Ordinal))
            {
                var expect = Path.Combine(folder, Expectation.FileName);
                if (!File.Exists(expect)) throw new InvalidOperationException($"{folder} has no {Expectation.FileName}");
                yield return new MistakeProgram(kata, Path.GetFileName(folder), folder, Expectation.Parse(File.ReadAllText(expect), expect));
            }
        }
    }
}
