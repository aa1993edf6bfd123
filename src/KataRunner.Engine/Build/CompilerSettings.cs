using System.Text.Json;
using KataRunner.Engine.Caching;
using Microsoft.CodeAnalysis.CSharp;

namespace KataRunner.Engine.Build;

/// <summary>
/// A project's compiler command line (<see cref="CompilerArgumentsProbe"/>), kept in the runner's cache
/// under the key of the inputs that decide it (<see cref="InputsKey.BuildInputs"/>, the SDKs installed,
/// the extra MSBuild properties, the .cs files the project globs). A start with those unchanged, and with
/// every file the command line names still there, reads it back instead of asking MSBuild (about a second
/// idle, much more under load).
/// </summary>
public static class CompilerSettings
{
    /// <param name="sourceFolder">The folder whose .cs files the project compiles (their names are an input: the command line lists them).</param>
    public static CSharpCommandLineArguments Load(RunnerCache cache, RepositoryPaths paths, string projectPath, string sourceFolder,
        Action<PrepareStage> progress, params string[] properties)
    {
        var name = $"args-{Path.GetFileNameWithoutExtension(projectPath)}{string.Concat(properties.Select(p => "-" + p.Replace('=', '_')))}.json";
        var key = new InputsKey()
            .AddFiles(InputsKey.BuildInputs(paths.Root))
            .Add(InputsKey.InstalledSdks())
            .Add(string.Join(';', properties))
            .Add(string.Join(';', InputsKey.Walk(sourceFolder).Where(p => p.EndsWith(".cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal)))
            .Value;
        if (cache.Read(name, key) is { } cached)
        {
            var args = JsonSerializer.Deserialize<List<string>>(cached) ?? [];
            var parsed = CompilerArgumentsProbe.Parse(projectPath, args);
            if (StillThere(parsed)) return parsed;
        }
        progress(new PrepareStage.ReadingCompilerSettings(paths.Relative(projectPath)));
        var probed = CompilerArgumentsProbe.Probe(projectPath, properties);
        var result = CompilerArgumentsProbe.Parse(projectPath, probed);
        cache.Write(name, key, JsonSerializer.SerializeToUtf8Bytes(probed));
        return result;
    }

    /// <summary>Every file the command line names exists (a cleaned obj/ or package folder means: ask again).</summary>
    private static bool StillThere(CSharpCommandLineArguments args)
    {
        var baseDir = args.BaseDirectory!;
        return args.AnalyzerReferences.All(a => File.Exists(Path.GetFullPath(a.FilePath, baseDir)))
               && args.AnalyzerConfigPaths.All(File.Exists)
               && args.AdditionalFiles.All(f => File.Exists(f.Path))
               && args.SourceFiles.Where(f => IsGenerated(f.Path)).All(f => File.Exists(f.Path))
               && args.MetadataReferences.All(r => File.Exists(r.Reference) || IsProjectOutput(r.Reference));
    }

    /// <summary>Files the SDK writes under obj/ (global usings, assembly attributes).</summary>
    public static bool IsGenerated(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>A reference to another project's output (obj/…/ref/X.dll): the runner brings its own copy.</summary>
    public static bool IsProjectOutput(string path) => IsGenerated(path) || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
