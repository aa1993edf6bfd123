using System.Globalization;
using System.Reflection;
using System.Resources;

namespace AsyncKatas.Catalog.Words;

/// <summary>
/// The language of what the runner and the summary print, chosen as the .NET SDK chooses its own: the
/// DOTNET_CLI_UI_LANGUAGE variable when set, else the current UI culture; the runner's <c>--lang</c> overrides
/// both. English is the default and the fallback: zh-Hans (and zh-CN, zh-SG, zh) read Chinese, anything else English.
/// </summary>
public static class UiLanguage
{
    public const string Variable = "DOTNET_CLI_UI_LANGUAGE";

    /// <summary>The languages the vocabulary is written in.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "zh-Hans"];

    /// <summary>The language in use: "en" until <see cref="Use"/> says otherwise.</summary>
    public static string Current { get; private set; } = "en";

    /// <summary>The language asked for (<paramref name="option"/>, else the variable, else the UI culture), as one of <see cref="Supported"/>.</summary>
    public static string Choose(string? option = null) =>
        Normalize(option) ?? Normalize(Environment.GetEnvironmentVariable(Variable)) ?? Normalize(CultureInfo.CurrentUICulture.Name) ?? "en";

    /// <summary>Makes <paramref name="language"/> ("en" or "zh-Hans") the language of the vocabulary.</summary>
    public static void Use(string language)
    {
        Current = Normalize(language) ?? "en";
        ChosenLanguageResources.Install();
    }

    /// <summary>"zh-Hans" for a Chinese (Simplified) name, "en" for an English one, null for anything else or nothing.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var lower = name.Trim().ToLowerInvariant();
        if (lower is "zh" or "zh-hans" or "zh-cn" or "zh-sg" || lower.StartsWith("zh-hans-", StringComparison.Ordinal)) return "zh-Hans";
        if (lower == "en" || lower.StartsWith("en-", StringComparison.Ordinal)) return "en";
        return null;
    }
}

/// <summary>
/// The vocabulary's resources in <see cref="UiLanguage.Current"/>, whatever culture the caller passes. The runner and
/// the kata tests run with invariant globalization, where a culture named zh-Hans cannot be made (or is named
/// zh-HANS, a folder a case-sensitive file system does not have): so the language is a name, and its satellite
/// assembly is read from its folder by that name. Installed as the typed accessor's (<see cref="Vocabulary"/>) manager.
/// </summary>
internal sealed class ChosenLanguageResources : ResourceManager
{
    private readonly Dictionary<string, ResourceSet?> _byLanguage = [];
    private readonly Lock _gate = new();

    private readonly Assembly _assembly;

    private ChosenLanguageResources(string baseName, Assembly assembly) : base(baseName, assembly) => _assembly = assembly;

    public static void Install()
    {
        var field = typeof(Vocabulary).GetField("resourceMan", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.GetValue(null) is ChosenLanguageResources) return;
        field?.SetValue(null, new ChosenLanguageResources(typeof(Vocabulary).FullName!, typeof(Vocabulary).Assembly));
    }

    public override string? GetString(string name, CultureInfo? culture) =>
        (UiLanguage.Current == "en" ? null : Translation(UiLanguage.Current)?.GetString(name)) ?? base.GetString(name, CultureInfo.InvariantCulture);

    /// <summary>The satellite's resources of <paramref name="language"/> (its folder beside this assembly), or null when it is not there.</summary>
    private ResourceSet? Translation(string language)
    {
        lock (_gate)
        {
            if (_byLanguage.TryGetValue(language, out var known)) return known;
            ResourceSet? set = null;
            var folder = Path.GetDirectoryName(_assembly.Location);
            var path = string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, language, _assembly.GetName().Name + ".resources.dll");
            if (path is not null && File.Exists(path))
            {
                var satellite = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(_assembly)?.LoadFromAssemblyPath(path);
                if (satellite?.GetManifestResourceStream($"{BaseName}.{language}.resources") is { } stream) set = new ResourceSet(stream);
            }
            _byLanguage[language] = set;
            return set;
        }
    }
}
