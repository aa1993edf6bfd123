namespace KataRunner.Engine.Build;

/// <summary>
/// What a kata says after an analyzer's or the compiler's error, in the katas' own terms (solutions/AnalyzerAdvice.txt,
/// also read by solutions/KataBuildErrors.targets for dotnet build): one line per rule among the errors, after them.
/// The analyzers' own words may name APIs the project does not have (VSTHRD002: JoinableTaskFactory.Run).
/// </summary>
public sealed class AnalyzerAdvice
{
    private readonly IReadOnlyDictionary<string, string> _byRule;

    private AnalyzerAdvice(IReadOnlyDictionary<string, string> byRule) => _byRule = byRule;

    /// <summary>
    /// The advice file of <paramref name="paths"/>' repository in <paramref name="language"/> (default: the language in
    /// use): AnalyzerAdvice.zh-Hans.txt for Chinese where it exists, else AnalyzerAdvice.txt; none when it is missing.
    /// </summary>
    public static AnalyzerAdvice Load(RepositoryPaths paths, string? language = null)
    {
        var file = Path.Combine(paths.Solutions, "AnalyzerAdvice.txt");
        var chinese = Path.Combine(paths.Solutions, "AnalyzerAdvice.zh-Hans.txt");
        if ((language ?? AsyncKatas.Catalog.Words.UiLanguage.Current) == "zh-Hans" && File.Exists(chinese)) file = chinese;
        var byRule = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            foreach (var line in File.ReadAllLines(file))
            {
                if (line.StartsWith('#') || line.IndexOf('\t', StringComparison.Ordinal) is var tab && tab <= 0) continue;
                byRule[line[..tab].Trim()] = line[(tab + 1)..].Trim();
            }
        }
        return new AnalyzerAdvice(byRule);
    }

    /// <summary>"VSTHRD002: what to do instead", once per rule of <paramref name="errors"/> that has advice, in the errors' order.</summary>
    public IReadOnlyList<string> For(IEnumerable<CompileError> errors) =>
        [.. errors.Select(e => e.Code).Distinct(StringComparer.Ordinal)
            .Where(_byRule.ContainsKey)
            .Select(code => $"{code}: {_byRule[code]}")];
}
