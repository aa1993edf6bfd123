using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace VirtualTimeLoop;

/// <summary>
/// The library's catalogue of sentences (LoopText.resx, LoopText.zh-Hans.resx). Both languages are
/// embedded in the library itself, not in satellite assemblies: a process with invariant globalization
/// names the culture "zh-HANS", which no satellite folder matches, and a host that loads the library in
/// a context of its own need not find satellites at all.
/// </summary>
internal static class Catalogue
{
    /// <summary>The translations embedded beside the English text.</summary>
    internal static readonly IReadOnlyList<string> Translations = ["zh-Hans"];

    private static readonly ConcurrentDictionary<string, ResourceSet> Sets = new(StringComparer.Ordinal);

    /// <summary>The entry's text in the current UI culture (or English).</summary>
    public static string Text(string key) => Find(key) ?? throw new MissingManifestResourceException($"The catalogue has no entry {key}.");

    /// <summary>The entry's text with its placeholders filled (numbers and times come formatted).</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Text(key), args);

    /// <summary>The entry's text in the current UI culture (or English); null when the catalogue has no such entry.</summary>
    public static string? Find(string key)
    {
        if (Translation(CultureInfo.CurrentUICulture) is { } language && Set(language).GetString(key) is { } translated) return translated;
        return Set("").GetString(key);
    }

    /// <summary>The translation for <paramref name="culture"/> or one of its parents, if there is one.</summary>
    internal static string? Translation(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name.Equals("zh-Hans", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("zh", StringComparison.OrdinalIgnoreCase)
                || c.Name.Equals("zh-CN", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("zh-SG", StringComparison.OrdinalIgnoreCase))
            {
                return "zh-Hans";
            }
            if (c.Parent.Name == c.Name) break;
        }
        return null;
    }

    /// <summary>The entries of one language ("" for English).</summary>
    internal static ResourceSet Set(string language) => Sets.GetOrAdd(language, static l =>
    {
        var name = l.Length == 0 ? "VirtualTimeLoop.LoopText.resources" : $"VirtualTimeLoop.LoopText.{l}.resources";
        var stream = typeof(Catalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new MissingManifestResourceException($"The library lacks its catalogue {name}.");
        return new ResourceSet(stream);
    });
}
