using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KataRunner.Engine.Build;

/// <summary>
/// Picks the analyzers that can fail the build: those with at least one diagnostic whose effective
/// severity (default, global config, a tree's .editorconfig, /nowarn) is warning or error, since
/// /warnaserror+ makes every warning an error; plus every suppressor. The SDK's NetAnalyzers bring
/// some 300 analyzers whose rules are mostly off or informational: running them would only cost
/// time, never change what builds.
/// </summary>
public static class AnalyzerFilter
{
    public static ImmutableArray<DiagnosticAnalyzer> ThatCanFail(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CompilationOptions options,
        IEnumerable<SyntaxTree> trees,
        TreeOptionsProvider treeOptions)
    {
        var perTree = trees.Select(t => treeOptions.For(t.FilePath).TreeOptions).Distinct().ToList();
        if (perTree.Count == 0) perTree.Add(ImmutableDictionary<string, ReportDiagnostic>.Empty);
        return [.. analyzers.Where(a => a is DiagnosticSuppressor || a.SupportedDiagnostics.Any(d => CanFail(d, options, perTree, treeOptions)))];
    }

    private static bool CanFail(DiagnosticDescriptor descriptor, CompilationOptions options,
        List<ImmutableDictionary<string, ReportDiagnostic>> perTree, TreeOptionsProvider treeOptions)
    {
        var id = descriptor.Id;
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress) return false;
        foreach (var tree in perTree)
        {
            ReportDiagnostic severity;
            if (!tree.TryGetValue(id, out severity)
                && !treeOptions.TryGetGlobalDiagnosticValue(id, default, out severity)
                && !options.SpecificDiagnosticOptions.TryGetValue(id, out severity))
            {
                severity = ReportDiagnostic.Default;
            }
            if (severity == ReportDiagnostic.Default)
            {
                if (!descriptor.IsEnabledByDefault) continue;
                severity = descriptor.DefaultSeverity switch
                {
                    DiagnosticSeverity.Error => ReportDiagnostic.Error,
                    DiagnosticSeverity.Warning => ReportDiagnostic.Warn,
                    _ => ReportDiagnostic.Info,
                };
            }
            if (severity is ReportDiagnostic.Error or ReportDiagnostic.Warn) return true;
        }
        return false;
    }
}
