using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// Reads the calling stack: the innermost async method of the program's code (whose lane an event
/// belongs to), and the first frame outside the runtime and this library (where a timer was created),
/// with the API it called when that was a dependency's.
/// </summary>
internal static class CallSites
{
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";

    /// <summary>The state-machine type of the innermost async method of the program's code on <paramref name="trace"/>, or null.</summary>
    public static Type? InnermostAsyncMethod(StackTrace trace)
    {
        foreach (var frame in trace.GetFrames())
        {
            if (frame.GetMethod() is not { Name: "MoveNext", DeclaringType: { } type }) continue;
            if (typeof(IAsyncStateMachine).IsAssignableFrom(type) && !IsRuntimeOrLibrary(type.Assembly)) return type;
        }
        return null;
    }

    /// <summary>
    /// "src/Orders/Retry.cs:12 in Retry.RunAsync", with "(through System.Threading.RateLimiting.TokenBucketRateLimiter..ctor)"
    /// when the frame below it is a dependency's; null when the stack has no frame of the program's code.
    /// </summary>
    public static string? FirstOutsideRuntime(StackTrace trace)
    {
        // The program's own code: outside the runtime, with its source on this machine (a dependency's
        // frames have no file, or one from the machine that built the package); else the first frame outside the runtime.
        var frames = trace.GetFrames();
        var outside = Enumerable.Range(0, frames.Length)
            .Where(i => frames[i].GetMethod() is { DeclaringType: { } type } && !IsRuntimeOrLibrary(type.Assembly)).ToList();
        if (outside.Count == 0) return null;
        var i = outside.FirstOrDefault(i => frames[i].GetFileName() is { } file && File.Exists(file), outside[0]);
        var through = i > 0 ? Outermost(frames, i) : null;
        return Describe(frames[i], frames[i].GetMethod()!) + (through is null ? "" : $" (through {through})");
    }

    /// <summary>True when the frame just below the program's is not the runtime's (a dependency armed it).</summary>
    public static bool ThroughDependency(StackTrace trace)
    {
        var frames = trace.GetFrames();
        var user = Array.FindIndex(frames, f => f.GetMethod() is { DeclaringType: { } type } && !IsRuntimeOrLibrary(type.Assembly) && f.GetFileName() is { } file && File.Exists(file));
        return user > 0 && frames[user - 1].GetMethod() is { DeclaringType: { } called } && !IsRuntimeOrLibrary(called.Assembly);
    }

    /// <summary>The frame just below the program's (the API it called), named when it is not this library's.</summary>
    private static string? Outermost(StackFrame[] frames, int user)
    {
        if (frames[user - 1].GetMethod() is not { DeclaringType: { } type } called) return null;
        if (type.Assembly.GetName().Name is "VirtualTimeLoop" or "VirtualTimeLoop.FakeTime") return null;
        return $"{TypeName(type)}.{called.Name}";
    }

    private static string Describe(StackFrame frame, MethodBase method)
    {
        var name = $"{TypeName(method.DeclaringType!)}.{method.Name}";
        if (method.Name == "MoveNext" && method.DeclaringType!.DeclaringType is { } outer)
        {
            if (outer.Name.StartsWith("<>c", StringComparison.Ordinal) && outer.DeclaringType is { } lambdas) outer = lambdas; // a lambda's closure class
            name = $"{TypeName(outer)}.{LaneNames.MethodOf(method.DeclaringType.Name)}";
        }
        var file = frame.GetFileName();
        return file is null ? name : $"{InRepository(file).Replace('\\', '/')}:{frame.GetFileLineNumber()} in {name}";
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Roots = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="file"/> relative to the git work tree that holds it ("src/Orders/Retry.cs"), as a developer reads
    /// paths; as it is when no work tree holds it (a package's source, a path from the machine that built it).
    /// </summary>
    private static string InRepository(string file)
    {
        if (Path.GetDirectoryName(file) is not { Length: > 0 } directory) return file;
        var root = Roots.GetOrAdd(directory, static d =>
        {
            for (var at = new DirectoryInfo(d); at is not null; at = at.Parent)
            {
                if (Directory.Exists(Path.Combine(at.FullName, ".git")) || File.Exists(Path.Combine(at.FullName, ".git"))) return at.FullName;
            }
            return null;
        });
        return root is null ? file : Path.GetRelativePath(root, file);
    }

    private static string TypeName(Type type) => type.FullName?.Replace('+', '.') ?? type.Name;

    /// <summary>The runtime's assemblies (the shared framework), this library and its companions, and Microsoft.Extensions' time abstractions.</summary>
    internal static bool IsRuntimeOrLibrary(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "";
        if (name is "VirtualTimeLoop" or "VirtualTimeLoop.FakeTime" || name.StartsWith("Microsoft.Extensions.TimeProvider", StringComparison.Ordinal)) return true;
        if (assembly.IsDynamic) return false;
        var location = assembly.Location;
        return location.Length > 0 && string.Equals(Path.GetDirectoryName(location), RuntimeDirectory, StringComparison.Ordinal);
    }
}
