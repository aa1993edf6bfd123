using System.Text.Json;
using AsyncKatas.Catalog.Words;
using Microsoft.CodeAnalysis.CSharp;

namespace KataRunner.Engine.Build;

/// <summary>
/// Asks MSBuild for the exact command line the build gives the C# compiler for a project (a
/// design-time build: restore, then the Compile target with SkipCompilerExecution and
/// ProvideCommandLineArgs), and parses it with Roslyn's own command-line parser. So the runner compiles
/// with the build's language version, nullable context, defines, /warnaserror, /nowarn (as
/// KataCode.targets sets it), references, analyzers from the NuGet package folder and the SDK,
/// .editorconfig and global configs, additional files, and the SDK's generated global usings and
/// assembly attributes.
/// </summary>
public static class CompilerArgumentsProbe
{
    /// <summary>The command line, one argument per item; <paramref name="properties"/> are extra -p: switches.</summary>
    public static IReadOnlyList<string> Probe(string projectPath, params string[] properties)
    {
        var projectDir = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        string[] arguments =
        [
            "msbuild", projectPath, "-restore", "-t:Compile", "-nologo", "-v:q", "-nodeReuse:false",
            "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true", "-p:DesignTimeBuild=true",
            // As Visual Studio's design-time builds do: CoreCompile runs (and reports its arguments) even when up to date.
            "-p:NonExistentFile=__NonExistentSubDir__/__NonExistentFile__",
            .. properties.Select(p => "-p:" + p),
            "-getItem:CscCommandLineArgs",
        ];
        var result = DotnetCommand.Run(projectDir, arguments);
        var json = result.Output;
        var start = json.IndexOf('{');
        if (result.ExitCode != 0 || start < 0)
        {
            throw new InvalidOperationException(
                KataVocabulary.Format(Vocabulary.ProblemCompilerSettings, projectPath, result.ExitCode, result.Output + result.Error));
        }
        using var document = JsonDocument.Parse(json[start..]);
        var items = document.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs");
        return [.. items.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!)];
    }

    /// <summary>Parses a command line with Roslyn's parser, as csc would.</summary>
    public static CSharpCommandLineArguments Parse(string projectPath, IReadOnlyList<string> args)
    {
        var projectDir = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var parsed = CSharpCommandLineParser.Default.Parse(args, projectDir, sdkDirectory: null);
        var errors = parsed.Errors.Where(e => e.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(KataVocabulary.Format(Vocabulary.ProblemCommandLine, projectPath, string.Join("; ", errors)));
        }
        return parsed;
    }
}
