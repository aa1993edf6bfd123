using System.Reflection;
using System.Runtime.Loader;

namespace KataRunner.Engine.Running;

/// <summary>
/// A fresh, collectible load context per run: <c>AsyncKatas</c> is the in-memory image just compiled;
/// nunit.framework is the runner's own (the same package version the tests use, so NUnit's runner and
/// the tests' attributes are one assembly); everything else (AsyncKatas.Tests.dll, DiffPlex,
/// TimeProvider.Testing …) comes from the built tests folder. Static state in the tests is new each
/// run; the context is unloaded afterwards.
/// </summary>
public sealed class KataLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly byte[] _image;
    private readonly byte[]? _pdb;

    public KataLoadContext(string testsAssemblyPath, byte[] katasImage, byte[]? katasPdb) : base("kata run", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(testsAssemblyPath);
        _image = katasImage;
        _pdb = katasPdb;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        switch (assemblyName.Name)
        {
            case "AsyncKatas":
                using (var image = new MemoryStream(_image, writable: false))
                using (var pdb = _pdb is null ? null : new MemoryStream(_pdb, writable: false))
                {
                    return LoadFromStream(image, pdb);
                }
            case "nunit.framework":
                return null;
        }
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
