using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The kata layer's catalogue of sentences (Text/KataText.resx, English, and Text/KataText.zh-Hans.resx),
/// in <see cref="CultureInfo.CurrentUICulture"/>. It is read from the source tree, beside this file, as the
/// snapshots are: the watch runner compiles the tests in memory with Roslyn, which embeds no resources
/// and makes no satellite assemblies, so the same files serve `dotnet test` and the runner.
/// </summary>
public static class KataText
{
    /// <summary>The translations beside the English catalogue.</summary>
    public static readonly IReadOnlyList<string> Translations = ["zh-Hans"];

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Catalogues = new(StringComparer.Ordinal);

    /// <summary>The entry's text in the current UI culture (or English).</summary>
    public static string Text(string key)
    {
        if (Translation(CultureInfo.CurrentUICulture) is { } language && Entries(language).TryGetValue(key, out var translated)) return translated;
        return Entries("").TryGetValue(key, out var english) ? english : throw new KeyNotFoundException($"tests/Support/Text/KataText.resx has no entry {key}.");
    }

    /// <summary>The entry's text with its placeholders filled.</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Text(key), args);

    /// <summary>The entries of one language ("" for English), key → text.</summary>
    public static IReadOnlyDictionary<string, string> Entries(string language) => Catalogues.GetOrAdd(language, static l =>
    {
        var file = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Text", l.Length == 0 ? "KataText.resx" : $"KataText.{l}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    });

    /// <summary>The translation for <paramref name="culture"/> or one of its parents (zh, zh-Hans, zh-CN, zh-SG), if there is one.</summary>
    internal static string? Translation(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name.ToUpperInvariant() is "ZH" or "ZH-HANS" or "ZH-CN" or "ZH-SG") return "zh-Hans";
            if (c.Parent.Name == c.Name) break;
        }
        return null;
    }

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
