using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace KataRunner.Engine.Build;

/// <summary>
/// The .editorconfig and global-config severities per syntax tree (dotnet_diagnostic.ID.severity),
/// and generated-code marks, as csc applies them: per-file options from the tree's path, global
/// options for everything else.
/// </summary>
public sealed class TreeOptionsProvider(AnalyzerConfigSet configs) : SyntaxTreeOptionsProvider
{
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> _byPath = new(StringComparer.Ordinal);

    public AnalyzerConfigOptionsResult For(string path) => _byPath.GetOrAdd(path, configs.GetOptionsForSourcePath);

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var value)) return GeneratedKind.Unknown;
        return bool.TryParse(value, out var generated) && generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
    }

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        configs.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
