using AsyncKatas.Catalog;
using System.Collections.Immutable;
using System.Diagnostics;
using KataRunner.Engine.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// Compiles a kata project (katas/ or solutions/) in memory, in a warm process, exactly as
/// `dotnet build` would: the build's own compiler command line (<see cref="CompilerSettings"/>), its
/// analyzers (<see cref="AnalyzerSet"/>, incremental) and source generators, and its .editorconfig
/// severities. Syntax trees and metadata references are reused from one compile to the next; only
/// changed files are parsed again, and unchanged sources give the last image back (from memory, or from
/// the runner's cache after a restart). A run compiles only the katas it runs, with the files outside the
/// kata folders (katas never refer to each other): an edit costs the binding and emit of one kata, not of
/// all of them, and another kata that does not compile cannot stop it. The tests image is compiled
/// against solutions/ and meets whatever image it is given at run time (<see cref="Running.LoadableTypesAssembly"/>).
/// </summary>
public sealed class KataCompiler
{
    private readonly RepositoryPaths _paths;
    private readonly AnalyzerAdvice _advice;
    private readonly CSharpCommandLineArguments _args;
    private readonly RunnerCache _cache;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly AnalyzerSet _analyzers;
    private readonly AnalyzerOptions _analyzerOptions;
    private readonly ConfigOptionsProvider _configOptions;
    private readonly TreeOptionsProvider _treeOptions;
    private GeneratorDriver? _generators;
    private readonly Dictionary<string, (string Key, CompileResult Result)> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AnalyzerOptions> _scopedOptions = new(StringComparer.Ordinal);
    private CompileScope? _servedFromCache;
    private bool _warmedUp;
    private readonly string _tree;

    public KataCompiler(RepositoryPaths paths, CSharpCommandLineArguments args, AnalyzerLoader loader, RunnerCache cache)
    {
        _paths = paths;
        _advice = AnalyzerAdvice.Load(paths);
        _args = args;
        _cache = cache;
        _references = [.. args.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties))];
        var configs = args.AnalyzerConfigPaths.Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList();
        var configSet = AnalyzerConfigSet.Create(configs, out _);
        _treeOptions = new TreeOptionsProvider(configSet);
        _configOptions = new ConfigOptionsProvider(configSet, _treeOptions);
        ImmutableArray<AdditionalText> additional = [.. args.AdditionalFiles.Select(f => (AdditionalText)new FileAdditionalText(f.Path))];
        _analyzerOptions = new AnalyzerOptions(additional, _configOptions);
        _analyzers = new AnalyzerSet(args, loader, paths, _treeOptions);
        var generated = args.SourceFiles.Select(f => f.Path).Where(CompilerSettings.IsGenerated).ToList();
        Sources = new SourceSet(args.BaseDirectory!, generated, args.ParseOptions, args.ChecksumAlgorithm);
        // One set of entries per tree (katas/, solutions/): two engines may share the cache.
        _tree = Path.GetFileName(Path.TrimEndingDirectorySeparator(args.BaseDirectory!));
    }

    /// <summary>The source files; tests lay in-memory texts over them.</summary>
    public SourceSet Sources { get; }

    public AnalyzerSet Analyzers => _analyzers;

    /// <summary>The project's compiler command line, as the build has it.</summary>
    public CSharpCommandLineArguments Arguments => _args;

    /// <summary>Analyzers that could not be loaded (the build would load them): shown, never hidden.</summary>
    public IReadOnlyList<CompileError> LoadProblems => _analyzers.LoadProblems;

    /// <summary>Told before a compile that really compiles (not from memory or the cache): the first one takes seconds.</summary>
    public Action<PrepareStage>? Progress { get; set; }

    public static KataCompiler ForProject(RepositoryPaths paths, CodeTree tree, AnalyzerLoader loader, RunnerCache cache, Action<PrepareStage> progress)
    {
        var project = paths.CodeProject(tree);
        return new(paths, CompilerSettings.Load(cache, paths, project, Path.GetDirectoryName(project)!, progress), loader, cache);
    }

    /// <param name="running">The kata folders whose tests will run: only they are compiled (with the files outside the
    /// kata folders), so their errors are the result. Empty: every kata.</param>
    public CompileResult Compile(IReadOnlyCollection<string>? running = null, CancellationToken cancellationToken = default)
    {
        var scope = new CompileScope(running ?? []);
        var clock = Stopwatch.StartNew();
        var key = new InputsKey().Add(scope.Name).Add(string.Join('\n', _args.MetadataReferences.Select(r => r.Reference)));
        key.AddFiles(_args.AnalyzerConfigPaths).AddFiles(_args.AdditionalFiles.Select(f => f.Path)).AddFiles(_args.AnalyzerReferences.Select(a => a.FilePath));
        Sources.AddContentTo(key, scope.Includes);
        var sourcesKey = key.Value;
        var keyedAt = clock.Elapsed;
        var cacheName = $"{_tree}.{scope.Name}.AsyncKatas.dll";

        var attempt = _attempts.TryGetValue(scope.Name, out var memo) && memo.Key == sourcesKey ? memo.Result : null;
        if (attempt is null && !Sources.HasOverlays && _cache.Read(cacheName, sourcesKey) is { } image)
        {
            attempt = new CompileResult(image, _cache.Read(cacheName + ".pdb", sourcesKey), [], TimeSpan.Zero, 0) { FromCache = true };
            _servedFromCache ??= scope;
        }
        if (attempt is null)
        {
            Progress?.Invoke(new PrepareStage.CompilingKatas(_paths.Relative(_args.BaseDirectory!)));
            Progress = null;
            var trees = scope.Of(Sources.Refresh());
            var parsedAt = clock.Elapsed;
            attempt = CompileTrees(trees, scope, cancellationToken);
            var compiledAt = clock.Elapsed;
            if (attempt.Succeeded && !Sources.HasOverlays)
            {
                _cache.Write(cacheName, sourcesKey, attempt.Image!);
                _cache.Write(cacheName + ".pdb", sourcesKey, attempt.Pdb ?? []);
            }
            EngineTrace.Write($"key {keyedAt.TotalMilliseconds:0} parse {(parsedAt - keyedAt).TotalMilliseconds:0} compile {(compiledAt - parsedAt).TotalMilliseconds:0} cache {(clock.Elapsed - compiledAt).TotalMilliseconds:0} ({scope.Name}, {trees.Count} files)");
        }
        _attempts[scope.Name] = (sourcesKey, attempt);
        return attempt with { Elapsed = clock.Elapsed, FilesParsed = Sources.LastParsed };
    }

    /// <summary>
    /// After a start served from the cache (nothing compiled), compiles the first kata served so once for real:
    /// loads the analyzers, JIT-compiles Roslyn and fills the per-tree analysis, so that the learner's first
    /// save costs what every later one does. Changes no result; does its work once.
    /// </summary>
    public void WarmUp()
    {
        if (_warmedUp || _servedFromCache is not { } scope) return;
        _warmedUp = true;
        CompileTrees(scope.Of(Sources.Refresh()), scope, CancellationToken.None);
    }

    private CompileResult CompileTrees(IReadOnlyList<SyntaxTree> trees, CompileScope scope, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        Compilation compilation = CSharpCompilation.Create(
            _args.CompilationName ?? "AsyncKatas",
            trees,
            _references,
            _args.CompilationOptions.WithSyntaxTreeOptionsProvider(_treeOptions));

        var diagnostics = new List<Diagnostic>();
        if (_analyzers.Generators.Count > 0)
        {
            _generators ??= CSharpGeneratorDriver.Create(_analyzers.Generators, _analyzerOptions.AdditionalFiles, _args.ParseOptions, _configOptions);
            _generators = _generators.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics, cancellationToken);
            diagnostics.AddRange(generatorDiagnostics);
        }

        var generatedAt = clock.Elapsed;
        // Compiler diagnostics come with the emit; the analyzers run beside it, on the other core.
        var options = OptionsFor(scope);
        var analysis = Task.Run(() => _analyzers.AnalyzeAsync(compilation, options, incremental: true, cancellationToken), cancellationToken);
        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(image, pdb, options: _args.EmitOptions, cancellationToken: cancellationToken);
        var emittedAt = clock.Elapsed;
        diagnostics.AddRange(emitted.Diagnostics);
        diagnostics.AddRange(analysis.GetAwaiter().GetResult());
        EngineTrace.Write($"generators {generatedAt.TotalMilliseconds:0} emit {emittedAt.TotalMilliseconds:0} analyzers {clock.Elapsed.TotalMilliseconds:0} ({_analyzers.LastAnalyzedTrees} trees; {_analyzers.ActiveCount} analyzers, over the whole compilation: {string.Join(", ", _analyzers.LastWhole)})");
        var errors = Errors(diagnostics);
        return !emitted.Success || errors.Count > 0
            ? new CompileResult(null, null, errors, clock.Elapsed, 0) { Advice = _advice.For(errors) }
            : new CompileResult(image.ToArray(), pdb.ToArray(), [], clock.Elapsed, 0);
    }

    /// <summary>The analyzer options of a compile of <paramref name="scope"/>: its additional files cut to the scope.</summary>
    private AnalyzerOptions OptionsFor(CompileScope scope)
    {
        if (scope.IsEverything) return _analyzerOptions;
        lock (_scopedOptions)
        {
            if (!_scopedOptions.TryGetValue(scope.Name, out var options))
            {
                ImmutableArray<AdditionalText> files = [.. _analyzerOptions.AdditionalFiles.Select(f => ScopedAdditionalText.For(f, scope))];
                _scopedOptions[scope.Name] = options = new AnalyzerOptions(files, _configOptions);
            }
            return options;
        }
    }

    private List<CompileError> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed)
            .Distinct()
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => CompileError.From(d, _paths))
            .Distinct()
            .ToList();
}
