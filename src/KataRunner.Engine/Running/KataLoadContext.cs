using System.Reflection;
using System.Runtime.Loader;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running;

/// <summary>
/// A fresh, collectible load context per run: <c>AsyncKatas</c> is the in-memory image just compiled,
/// <c>AsyncKatas.Tests</c> the tests image (<see cref="TestsBuild"/>); nunit.framework is the runner's own
/// (the same package version the tests use, so NUnit's runner and the tests' attributes are one
/// assembly); the tests' other dependencies (the library, DiffPlex, TimeProvider.Testing …) load from
/// the files the tests were compiled against; the framework from the runner's runtime. Static state in
/// the tests is new each run; the context is unloaded afterwards. The katas image can be given after the context
/// is made (<see cref="UseKatas"/>), so that a context can be prepared ahead of its run (<see cref="PreparedContext"/>).
/// </summary>
public sealed class KataLoadContext : AssemblyLoadContext
{
    private readonly TestsImage _tests;
    private byte[]? _image;
    private byte[]? _pdb;

    public KataLoadContext(TestsImage tests) : base("kata run", isCollectible: true) => _tests = tests;

    public KataLoadContext(TestsImage tests, byte[] katasImage, byte[]? katasPdb) : this(tests) => UseKatas(katasImage, katasPdb);

    /// <summary>The tests image this context loads.</summary>
    public TestsImage Tests => _tests;

    /// <summary>Gives the context the katas image its run is for; once, before anything asks for it.</summary>
    public void UseKatas(byte[] katasImage, byte[]? katasPdb)
    {
        if (_image is not null) throw new InvalidOperationException("This load context already has its katas image.");
        _image = katasImage;
        _pdb = katasPdb;
    }

    /// <summary>Loads the tests assembly (and, through it, the katas image).</summary>
    public Assembly LoadTests() => LoadFromAssemblyPath(_tests.Path);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        switch (assemblyName.Name)
        {
            case "AsyncKatas":
                return FromImage(_image ?? throw new InvalidOperationException("The katas were asked for before this load context was given their image."), _pdb);
            case "AsyncKatas.Tests":
                return LoadFromAssemblyPath(_tests.Path);
            case "nunit.framework":
                return null;
        }
        return assemblyName.Name is { } name && _tests.Dependencies.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
    }

    private Assembly FromImage(byte[] image, byte[]? pdb)
    {
        using var imageStream = new MemoryStream(image, writable: false);
        using var pdbStream = pdb is null ? null : new MemoryStream(pdb, writable: false);
        return LoadFromStream(imageStream, pdbStream);
    }
}
