using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace KataRunner.Engine.Build;

/// <summary>
/// Loads analyzer and source-generator assemblies (from the NuGet package folder and the SDK, as the
/// build's /analyzer: arguments name them) into one load context for the life of the runner.
/// Roslyn itself and its dependencies resolve to the runner's own copies, as csc does.
/// </summary>
public sealed class AnalyzerLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
{
    private readonly Dictionary<string, string> _bySimpleName = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public AnalyzerLoader() : base("kata analyzers")
    {
    }

    public void AddDependencyLocation(string fullPath)
    {
        lock (_gate) _bySimpleName.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);
    }

    public Assembly LoadFromPath(string fullPath)
    {
        lock (_gate)
        {
            var name = AssemblyName.GetAssemblyName(fullPath);
            var loaded = Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
            return loaded ?? LoadFromAssemblyPath(fullPath);
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? "";
        // Shared with the runner: the compiler's API and what it exchanges with analyzers.
        if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !IsRegistered(name)) return null;
        if (name is "System.Collections.Immutable" or "System.Reflection.Metadata") return null;
        string? path;
        lock (_gate) _bySimpleName.TryGetValue(name, out path);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    private bool IsRegistered(string name)
    {
        // Analyzer assemblies whose names start with Microsoft.CodeAnalysis (NetAnalyzers, PublicApiAnalyzers)
        // are analyzers, not the compiler: load them from where the build found them.
        if (name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" or "Microsoft.CodeAnalysis.Workspaces"
            or "Microsoft.CodeAnalysis.CSharp.Workspaces") return false;
        lock (_gate) return _bySimpleName.ContainsKey(name);
    }
}
