using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// Compiles a kata project (katas/ or solutions/) in memory, in a warm process, exactly as
/// `dotnet build` would: the build's own compiler command line (<see cref="CompilerArgumentsProbe"/>),
/// its analyzers run with CompilationWithAnalyzers, its source generators, and its .editorconfig
/// severities. Syntax trees and metadata references are reused from one compile to the next; only
/// changed files are parsed again.
/// </summary>
public sealed class KataCompiler
{
    private readonly RepositoryPaths _paths;
    private readonly CSharpCommandLineArguments _args;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private readonly ImmutableArray<AdditionalText> _additionalFiles;
    private readonly TreeOptionsProvider _treeOptions;
    private readonly ConfigOptionsProvider _configOptions;
    private readonly List<CompileError> _loadProblems = [];
    private GeneratorDriver? _generators;
    private (IReadOnlyList<SyntaxTree> Trees, CompileResult Result)? _last;

    public KataCompiler(RepositoryPaths paths, CSharpCommandLineArguments args, AnalyzerLoader loader)
    {
        _paths = paths;
        _args = args;
        _references = [.. args.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties))];

        var configs = args.AnalyzerConfigPaths
            .Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p))
            .ToList();
        var configSet = AnalyzerConfigSet.Create(configs, out _);
        _treeOptions = new TreeOptionsProvider(configSet);
        _configOptions = new ConfigOptionsProvider(configSet, _treeOptions);
        _additionalFiles = [.. args.AdditionalFiles.Select(f => (AdditionalText)new FileAdditionalText(f.Path))];

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
        if (generators.Count > 0)
        {
            _generators = CSharpGeneratorDriver.Create(generators, _additionalFiles, args.ParseOptions, _configOptions);
        }

        var generated = args.SourceFiles.Select(f => f.Path).Where(p => p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Sources = new SourceSet(args.BaseDirectory!, generated, args.ParseOptions, args.ChecksumAlgorithm);
    }

    /// <summary>The source files; tests lay in-memory texts over them.</summary>
    public SourceSet Sources { get; }

    /// <summary>Analyzers that could not be loaded (the build would load them): shown, never hidden.</summary>
    public IReadOnlyList<CompileError> LoadProblems => _loadProblems;

    public int AnalyzerCount => _analyzers.Length;

    /// <summary>The analyzers the last compile ran (<see cref="AnalyzerFilter"/>).</summary>
    public int ActiveAnalyzerCount { get; private set; }

    public static KataCompiler ForProject(RepositoryPaths paths, CodeTree tree, AnalyzerLoader loader) =>
        new(paths, CompilerArgumentsProbe.Probe(paths.CodeProject(tree)), loader);

    public CompileResult Compile(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var trees = Sources.Refresh();
        // Nothing changed since the last compile: the same image (a new load context runs it afresh).
        if (_last is { } last && last.Trees.SequenceEqual(trees)) return last.Result with { Elapsed = clock.Elapsed, FilesParsed = 0 };
        Compilation compilation = CSharpCompilation.Create(
            _args.CompilationName ?? "AsyncKatas",
            trees,
            _references,
            _args.CompilationOptions.WithSyntaxTreeOptionsProvider(_treeOptions));

        var diagnostics = new List<Diagnostic>();
        if (_generators is not null)
        {
            _generators = _generators.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics, cancellationToken);
            diagnostics.AddRange(generatorDiagnostics);
        }

        // Compiler diagnostics come with the emit; the analyzers run beside it, on the other core.
        var analyzerOptions = new AnalyzerOptions(_additionalFiles, _configOptions);
        var analyzers = AnalyzerFilter.ThatCanFail(_analyzers, compilation.Options, compilation.SyntaxTrees, _treeOptions);
        ActiveAnalyzerCount = analyzers.Length;
        var analysis = analyzers.IsEmpty
            ? Task.FromResult(ImmutableArray<Diagnostic>.Empty)
            : compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null,
                concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken);

        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        var emitted = compilation.Emit(image, pdb, options: _args.EmitOptions, cancellationToken: cancellationToken);
        var emittedAt = clock.Elapsed;
        diagnostics.AddRange(emitted.Diagnostics);
        diagnostics.AddRange(analysis.GetAwaiter().GetResult());
        if (Environment.GetEnvironmentVariable("KATARUNNER_TRACE") is not null)
        {
            Console.Error.WriteLine($"emit {emittedAt.TotalMilliseconds:0} analyzers {clock.Elapsed.TotalMilliseconds:0}");
        }

        var errors = Errors(diagnostics);
        var result = !emitted.Success || errors.Count > 0
            ? new CompileResult(null, null, errors, clock.Elapsed, Sources.LastParsed)
            : new CompileResult(image.ToArray(), pdb.ToArray(), [], clock.Elapsed, Sources.LastParsed);
        _last = (trees, result);
        return result;
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
