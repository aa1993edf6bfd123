using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// The tests assembly the runner loads, compiled in memory with tests/Tests.csproj's own command line in
/// solutions mode (<see cref="CompilerSettings"/>): against the public API of solutions/, so a compile
/// error in katas/ cannot stop it (katas/ and solutions/ share one public API; the tests meet the
/// learner's in-memory katas/ at run time). Project references (the library, the catalog, the summary
/// logger) are the runner's own copies, built by `dotnet run` with it. The image is kept in the runner's
/// cache under the key of everything it was compiled from, and compiled again when files under tests/
/// change (<see cref="MarkStale"/>). The tests' analyzers are not run: tests/ is the maintainers' code,
/// which the build checks.
/// </summary>
public sealed class TestsBuild(RepositoryPaths paths, RunnerCache cache)
{
    private const string CacheName = "AsyncKatas.Tests.dll";

    /// <summary>
    /// The folders the engines of this process load their tests from: a katas/ and a solutions/ engine (the runner's
    /// tests hold both) key their images apart, and one storing its image must not remove the other's as older.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TestsBuild> InUse = new(StringComparer.Ordinal);

    private string? _folder;
    private volatile bool _stale = true;

    /// <summary>The assembly, once <see cref="EnsureBuilt"/> has succeeded.</summary>
    public TestsImage? Current { get; private set; }

    /// <summary>Set when files under tests/ changed: the next run checks its inputs again.</summary>
    public void MarkStale() => _stale = true;

    /// <summary>tests/Tests.csproj's compiler command line (from the cache, or asked from MSBuild): may run beside the kata project's.</summary>
    public CSharpCommandLineArguments LoadSettings(Action<PrepareStage> progress) =>
        CompilerSettings.Load(cache, paths, paths.TestsProject, paths.Tests, progress, "Solutions=true", "BuildProjectReferences=false");

    /// <summary>Compiles when stale and the inputs changed; null when the assembly is ready, else the errors.</summary>
    /// <param name="code">The kata project's command line (its references and generated files compile solutions/ as the API reference).</param>
    /// <param name="settings">The tests' command line when already loaded (<see cref="LoadSettings"/>); else it is loaded here.</param>
    public string? EnsureBuilt(CSharpCommandLineArguments code, Action<PrepareStage> progress, CSharpCommandLineArguments? settings = null)
    {
        if (!_stale && Current is not null) return null;
        var args = settings ?? LoadSettings(progress);
        var reference = ReferenceApi(code, paths.Solutions);
        var references = new List<MetadataReference>();
        var dependencies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var key = new InputsKey()
            .Add(string.Join('\n', args.ParseOptions.PreprocessorSymbolNames))
            .Add(string.Join('\n', code.MetadataReferences.Select(r => r.Reference)));
        foreach (var path in args.MetadataReferences.Select(r => r.Reference))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name == "AsyncKatas")
            {
                references.Add(reference.ToMetadataReference());
                continue;
            }
            var own = Path.Combine(AppContext.BaseDirectory, Path.GetFileName(path));
            var resolved = CompilerSettings.IsProjectOutput(path) ? own : path;
            if (!File.Exists(resolved)) return KataVocabulary.Format(Vocabulary.ProblemTestsReference, path, resolved);
            references.Add(MetadataReference.CreateFromFile(resolved));
            if (CompilerSettings.IsProjectOutput(path)) key.AddFile(resolved); else key.Add(resolved);
            if (!IsFramework(resolved)) dependencies[name] = resolved;
        }
        var sources = args.SourceFiles.Select(f => f.Path).ToList();
        key.AddFiles(sources).AddFiles(reference.SyntaxTrees.Select(t => t.FilePath));
        // One folder per key: a run loads the assembly from its file (NUnit wants a location), and an
        // engine never sees the file of another key change under it.
        var folder = Path.Combine(cache.Directory, "tests-" + key.Value[..16]);
        var file = Path.Combine(folder, CacheName);
        if (File.Exists(file))
        {
            Use(folder);
            Current = new TestsImage(file, dependencies);
            _stale = false;
            return null;
        }

        progress(new PrepareStage.CompilingTests(sources.Count));
        var trees = sources.Select(p => CSharpSyntaxTree.ParseText(Read(p, args.ChecksumAlgorithm), args.ParseOptions, p));
        var compilation = CSharpCompilation.Create(args.CompilationName ?? "AsyncKatas.Tests", trees, references, args.CompilationOptions);
        using var peStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var emitted = compilation.Emit(peStream, pdbStream, options: args.EmitOptions);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(30).Select(d => CompileError.From(d, paths)).ToList();
        if (!emitted.Success || errors.Count > 0)
        {
            return KataVocabulary.Format(Vocabulary.ProblemTestsDoNotCompile, string.Join('\n', errors));
        }
        Use(folder);
        Current = new TestsImage(Store(folder, peStream.ToArray(), pdbStream.ToArray()), dependencies);
        _stale = false;
        return null;
    }

    /// <summary>Marks <paramref name="folder"/> as this engine's (and its previous one as free to remove).</summary>
    private void Use(string folder)
    {
        if (_folder is not null && _folder != folder) InUse.TryRemove(new KeyValuePair<string, TestsBuild>(_folder, this));
        InUse[folder] = this;
        _folder = folder;
    }

    /// <summary>Writes the assembly and its PDB into <paramref name="folder"/> (whole or not at all), removes older ones; returns the assembly's path.</summary>
    private string Store(string folder, byte[] image, byte[] pdb)
    {
        var file = Path.Combine(folder, CacheName);
        var temporary = $"{folder}.{Environment.ProcessId}.tmp";
        Directory.CreateDirectory(temporary);
        File.WriteAllBytes(Path.Combine(temporary, CacheName), image);
        File.WriteAllBytes(Path.Combine(temporary, Path.ChangeExtension(CacheName, ".pdb")), pdb);
        try
        {
            Directory.Move(temporary, folder);
        }
        catch (IOException) when (File.Exists(file))
        {
            Directory.Delete(temporary, recursive: true); // another runner stored the same one first
        }
        foreach (var old in Directory.EnumerateDirectories(cache.Directory, "tests-*").Where(d => d != folder && !InUse.ContainsKey(d) && !d.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return file;
    }

    /// <summary>solutions/ compiled (not emitted) with the kata project's settings: the API the tests are compiled against.</summary>
    private static CSharpCompilation ReferenceApi(CSharpCommandLineArguments code, string solutions)
    {
        var generated = code.SourceFiles.Select(f => f.Path).Where(CompilerSettings.IsGenerated);
        var files = SourceSet.Enumerate(solutions).Concat(generated);
        var trees = files.Select(p => CSharpSyntaxTree.ParseText(Read(p, code.ChecksumAlgorithm), code.ParseOptions, p));
        var references = code.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties));
        return CSharpCompilation.Create("AsyncKatas", trees, references, code.CompilationOptions);
    }

    private static SourceText Read(string path, SourceHashAlgorithm checksum)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return SourceText.From(stream, encoding: null, checksumAlgorithm: checksum);
    }

    /// <summary>The reference pack: resolved from the runner's own runtime, not loaded per run.</summary>
    private static bool IsFramework(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}packs{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}

/// <summary>The compiled tests assembly (its file in the runner's cache, the PDB beside it) and where its dependencies are (simple name → file).</summary>
public sealed record TestsImage(string Path, IReadOnlyDictionary<string, string> Dependencies);
