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
/// the runner's cache after a restart). When only other katas than the ones being run fail to compile,
/// those are compiled from their last version that compiled, or from solutions/, and the result says so
/// (<see cref="KataFallback"/>): one broken kata never stops another.
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
    private readonly LastCompiled _lastCompiled;
    private GeneratorDriver? _generators;
    private (string Key, CompileResult Result)? _attempt;
    private (string Key, CompileResult Result)? _fallback;
    private bool _warmedUp;
    private readonly string _cacheName;

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
        _analyzers = new AnalyzerSet(args, loader, paths, _treeOptions, _analyzerOptions);
        var generated = args.SourceFiles.Select(f => f.Path).Where(CompilerSettings.IsGenerated).ToList();
        Sources = new SourceSet(args.BaseDirectory!, generated, args.ParseOptions, args.ChecksumAlgorithm);
        // One set of entries per tree (katas/, solutions/): two engines may share the cache.
        var tree = Path.GetFileName(Path.TrimEndingDirectorySeparator(args.BaseDirectory!));
        _cacheName = $"{tree}.AsyncKatas.dll";
        _lastCompiled = new LastCompiled(paths, args.ParseOptions, args.ChecksumAlgorithm, cache, tree);
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

    /// <param name="running">The kata folders whose tests will run: their own errors are the result, never replaced.
    /// Empty: every kata runs, so any error is the result.</param>
    public CompileResult Compile(IReadOnlyCollection<string>? running = null, CancellationToken cancellationToken = default)
    {
        running ??= [];
        var clock = Stopwatch.StartNew();
        var key = new InputsKey().Add(string.Join('\n', _args.MetadataReferences.Select(r => r.Reference)));
        key.AddFiles(_args.AnalyzerConfigPaths).AddFiles(_args.AdditionalFiles.Select(f => f.Path)).AddFiles(_args.AnalyzerReferences.Select(a => a.FilePath));
        Sources.AddContentTo(key);
        var sourcesKey = key.Value;
        var keyedAt = clock.Elapsed;

        var attempt = _attempt is { } memo && memo.Key == sourcesKey ? memo.Result : null;
        if (attempt is null && !Sources.HasOverlays && _cache.Read(_cacheName, sourcesKey) is { } image)
        {
            attempt = new CompileResult(image, _cache.Read(_cacheName + ".pdb", sourcesKey), [], TimeSpan.Zero, 0) { FromCache = true };
            _attempt = (sourcesKey, attempt);
        }
        if (attempt is null)
        {
            Progress?.Invoke(new PrepareStage.CompilingKatas(_paths.Relative(_args.BaseDirectory!)));
            Progress = null;
            var trees = Sources.Refresh();
            var parsedAt = clock.Elapsed;
            attempt = CompileTrees(trees, analyze: true, cancellationToken);
            var compiledAt = clock.Elapsed;
            _lastCompiled.Remember(trees, attempt.Errors, persist: !Sources.HasOverlays);
            if (attempt.Succeeded && !Sources.HasOverlays)
            {
                _cache.Write(_cacheName, sourcesKey, attempt.Image!);
                _cache.Write(_cacheName + ".pdb", sourcesKey, attempt.Pdb ?? []);
            }
            _attempt = (sourcesKey, attempt);
            Trace($"key {keyedAt.TotalMilliseconds:0} parse {(parsedAt - keyedAt).TotalMilliseconds:0} compile {(compiledAt - parsedAt).TotalMilliseconds:0} remember+cache {(clock.Elapsed - compiledAt).TotalMilliseconds:0}");
        }
        if (attempt.Succeeded) return attempt with { Elapsed = clock.Elapsed, FilesParsed = Sources.LastParsed };

        // Errors: the result, unless every one is in a kata that is not running.
        var broken = attempt.Errors.GroupBy(e => KataCatalog.OfCode(e.Path)?.Folder).ToList();
        if (running.Count == 0 || broken.Any(g => g.Key is null || running.Contains(g.Key)))
        {
            return attempt with { Elapsed = clock.Elapsed, FilesParsed = Sources.LastParsed };
        }
        if (_fallback is not { } fallback || fallback.Key != sourcesKey)
        {
            fallback = (sourcesKey, CompileWithFallbacks(broken.Select(g => (g.Key!, g.ToList())).ToList(), cancellationToken));
            _fallback = fallback;
        }
        var result = fallback.Result.Succeeded ? fallback.Result : attempt;
        return result with { Elapsed = clock.Elapsed, FilesParsed = Sources.LastParsed };
    }

    /// <summary>
    /// After a start served from the cache (nothing compiled), compiles the current sources once for real:
    /// loads the analyzers, JIT-compiles Roslyn and fills the per-tree analysis, so that the learner's first
    /// save costs what every later one does. Changes no result; does its work once.
    /// </summary>
    public void WarmUp()
    {
        if (_warmedUp || _attempt is not { Result.FromCache: true }) return;
        _warmedUp = true;
        var trees = Sources.Refresh();
        var result = CompileTrees(trees, analyze: true, CancellationToken.None);
        _lastCompiled.Remember(trees, result.Errors, persist: !Sources.HasOverlays);
    }

    /// <summary>The sources with each broken kata's files replaced; analyzers are not run again (the stand-ins passed them before).</summary>
    private CompileResult CompileWithFallbacks(List<(string Folder, List<CompileError> Errors)> broken, CancellationToken cancellationToken)
    {
        var trees = Sources.Refresh().Where(t => !broken.Any(b => KataCatalog.OfCode(t.FilePath)?.Folder == b.Folder)).ToList();
        var fallbacks = new List<KataFallback>();
        foreach (var (folder, errors) in broken)
        {
            var (standIn, source) = _lastCompiled.For(folder);
            trees.AddRange(standIn);
            var kata = KataCatalog.All.First(k => k.Folder == folder);
            fallbacks.Add(new KataFallback(kata, errors[0], errors.Count, source));
        }
        var result = CompileTrees(trees, analyze: false, cancellationToken);
        return result with { Fallbacks = fallbacks };
    }

    private CompileResult CompileTrees(IReadOnlyList<SyntaxTree> trees, bool analyze, CancellationToken cancellationToken)
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
        var analysis = analyze
            ? Task.Run(() => _analyzers.AnalyzeAsync(compilation, incremental: true, cancellationToken), cancellationToken)
            : Task.FromResult(ImmutableArray<Diagnostic>.Empty);
        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(image, pdb, options: _args.EmitOptions, cancellationToken: cancellationToken);
        var emittedAt = clock.Elapsed;
        diagnostics.AddRange(emitted.Diagnostics);
        diagnostics.AddRange(analysis.GetAwaiter().GetResult());
        Trace($"generators {generatedAt.TotalMilliseconds:0} emit {emittedAt.TotalMilliseconds:0} analyzers {clock.Elapsed.TotalMilliseconds:0} ({_analyzers.LastAnalyzedTrees} trees; {_analyzers.ActiveCount} analyzers, over the whole compilation: {string.Join(", ", _analyzers.LastWhole)})");
        var errors = Errors(diagnostics);
        return !emitted.Success || errors.Count > 0
            ? new CompileResult(null, null, errors, clock.Elapsed, 0) { Advice = _advice.For(errors) }
            : new CompileResult(image.ToArray(), pdb.ToArray(), [], clock.Elapsed, 0);
    }

    /// <summary>With KATARUNNER_TRACE set, where a compile's time went, on standard error (bench/PROFILE.md).</summary>
    private static void Trace(string line)
    {
        if (Environment.GetEnvironmentVariable("KATARUNNER_TRACE") is not null) Console.Error.WriteLine(line);
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
