using AsyncKatas.Catalog;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KataRunner.Engine.Build;

/// <summary>
/// The analyzers and source generators of a kata project's command line, loaded on first use, and
/// their analysis of a compilation. Analysis is incremental: the diagnostics of each syntax tree are
/// kept, and after an edit only the trees of the kata folders that changed are analyzed again (katas
/// never refer to each other: each lives in its own namespace); analyzers with compilation-end
/// diagnostics (PublicApiAnalyzers) run over the whole compilation every time. The diagnostics of a tree
/// are kept while the compiles of other katas come and go. The result equals a full analysis (ScopeAndCacheTests
/// checks it); a change outside the kata folders analyzes everything again.
/// </summary>
public sealed class AnalyzerSet(CSharpCommandLineArguments args, AnalyzerLoader loader, RepositoryPaths paths, TreeOptionsProvider treeOptions)
{
    private readonly List<CompileError> _loadProblems = [];
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private List<ISourceGenerator>? _generators;
    private Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> _perTree = [];
    private ImmutableArray<DiagnosticAnalyzer> _lastActive = [];

    /// <summary>Analyzers that could not be loaded (the build would load them): shown, never hidden.</summary>
    public IReadOnlyList<CompileError> LoadProblems { get { EnsureLoaded(); return _loadProblems; } }

    public int Count { get { EnsureLoaded(); return _analyzers.Length; } }

    /// <summary>The analyzers the last analysis ran (<see cref="AnalyzerFilter"/>).</summary>
    public int ActiveCount => _lastActive.Length;

    /// <summary>How many trees the last analysis analyzed (the others' diagnostics were kept).</summary>
    public int LastAnalyzedTrees { get; private set; }

    /// <summary>The analyzers the last analysis ran over the whole compilation (compilation-end diagnostics), by type name.</summary>
    public IReadOnlyList<string> LastWhole { get; private set; } = [];

    public IReadOnlyList<ISourceGenerator> Generators { get { EnsureLoaded(); return _generators!; } }

    /// <summary>
    /// Every analyzer diagnostic of <paramref name="compilation"/>; <paramref name="incremental"/> false analyzes every tree.
    /// <paramref name="options"/>: the additional files as the compile's scope has them (<see cref="ScopedAdditionalText"/>);
    /// they differ between scopes only in what the public API analyzer reads, which runs over the whole compilation.
    /// </summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, bool incremental, CancellationToken cancellationToken)
    {
        EnsureLoaded();
        var active = AnalyzerFilter.ThatCanFail(_analyzers, compilation.Options, compilation.SyntaxTrees, treeOptions);
        if (!active.SequenceEqual(_lastActive) || !incremental) _perTree = [];
        _lastActive = active;
        if (active.IsEmpty) return [];
        var whole = active.Where(a => a is DiagnosticSuppressor || HasCompilationEnd(a)).ToImmutableArray();
        var perTree = active.Where(a => a is DiagnosticSuppressor || !HasCompilationEnd(a)).ToImmutableArray();
        LastWhole = [.. whole.Where(a => a is not DiagnosticSuppressor).Select(a => a.GetType().Name)];

        var trees = compilation.SyntaxTrees.ToList();
        var present = trees.ToHashSet();
        // Kept per tree across compiles of different katas: a tree of another kata is left as it is; one of a kata
        // compiled here that is no longer in the compilation (an edited or deleted file) makes its kata changed.
        var scope = trees.Select(FolderOf).ToHashSet();
        var gone = _perTree.Keys.Where(t => !present.Contains(t) && scope.Contains(FolderOf(t))).ToList();
        var changed = trees.Where(t => !_perTree.ContainsKey(t)).Concat(gone).ToList();
        var folders = changed.Select(FolderOf).ToHashSet();
        var everything = _perTree.Count == 0 || folders.Contains(null);
        var toAnalyze = trees.Where(t => everything || folders.Contains(FolderOf(t))).ToList();
        LastAnalyzedTrees = toAnalyze.Count;

        var withAnalyzers = compilation.WithAnalyzers(perTree, Options(options));
        var next = _perTree.Where(p => !present.Contains(p.Key) && !scope.Contains(FolderOf(p.Key))).ToDictionary(p => p.Key, p => p.Value);
        var ours = new List<ImmutableArray<Diagnostic>>();
        foreach (var tree in trees)
        {
            if (!toAnalyze.Contains(tree) && _perTree.TryGetValue(tree, out var kept))
            {
                next[tree] = kept;
                ours.Add(kept);
                continue;
            }
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken).ConfigureAwait(false);
            next[tree] = syntax.AddRange(semantic);
            ours.Add(next[tree]);
        }
        _perTree = next;
        var all = ours.SelectMany(d => d);
        if (whole.Any(a => a is not DiagnosticSuppressor))
        {
            all = all.Concat(await compilation.WithAnalyzers(whole, Options(options)).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false));
        }
        return [.. all.Distinct()];
    }

    private static CompilationWithAnalyzersOptions Options(AnalyzerOptions options) =>
        new(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);

    private static bool HasCompilationEnd(DiagnosticAnalyzer analyzer) =>
        analyzer.SupportedDiagnostics.Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));

    /// <summary>"K03_AwaitChains" for a file of that kata (in katas/ or solutions/); null for anything else.</summary>
    private string? FolderOf(SyntaxTree tree) => KataCatalog.OfCode(tree.FilePath)?.Folder;

    private void EnsureLoaded()
    {
        if (_generators is not null) return;
        lock (_loadProblems)
        {
            if (_generators is not null) return;
            foreach (var reference in args.AnalyzerReferences) loader.AddDependencyLocation(Path.GetFullPath(reference.FilePath, args.BaseDirectory!));
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            var generators = new List<ISourceGenerator>();
            foreach (var reference in args.AnalyzerReferences)
            {
                var file = new AnalyzerFileReference(Path.GetFullPath(reference.FilePath, args.BaseDirectory!), loader);
                file.AnalyzerLoadFailed += (_, e) => _loadProblems.Add(new CompileError(paths.Relative(file.FullPath), 0, 0, "CS8032", e.Message));
                analyzers.AddRange(file.GetAnalyzers(LanguageNames.CSharp));
                generators.AddRange(file.GetGenerators(LanguageNames.CSharp));
            }
            _analyzers = analyzers.ToImmutable();
            _generators = generators;
        }
    }
}
