using System.Reflection;

namespace KataRunner.Engine.Running;

/// <summary>
/// The tests assembly as NUnit's builder sees it when the katas image holds only the katas being run
/// (<see cref="Build.KataCompiler"/> compiles just those): NUnit lists the assembly's types with
/// <see cref="Assembly.GetTypes"/>, which throws when a test type of another kata derives from a type that
/// image lacks. Here it gives the types that load; the others' katas are not run. Everything else is the
/// real assembly's.
/// </summary>
internal sealed class LoadableTypesAssembly(Assembly inner) : Assembly
{
    public override Type[] GetTypes()
    {
        try { return inner.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return [.. e.Types.OfType<Type>().Where(Loads)]; }
    }

    /// <summary>A nested type loads by itself, but its namespace is its declaring type's, which may not load.</summary>
    private static bool Loads(Type type)
    {
        try
        {
            return type.Namespace is var _ && type.FullName is var _;
        }
        catch (TypeLoadException)
        {
            return false;
        }
    }

    public override Type[] GetExportedTypes() => [.. GetTypes().Where(t => t.IsVisible)];
    public override Type? GetType(string name, bool throwOnError, bool ignoreCase) => inner.GetType(name, throwOnError, ignoreCase);
    public override AssemblyName GetName(bool copiedName) => inner.GetName(copiedName);
    public override string? FullName => inner.FullName;
    public override string Location => inner.Location;
    public override Module ManifestModule => inner.ManifestModule;
    public override MethodInfo? EntryPoint => inner.EntryPoint;
    public override bool ReflectionOnly => inner.ReflectionOnly;
    public override bool IsDynamic => inner.IsDynamic;
    public override bool IsCollectible => inner.IsCollectible;
    public override string ImageRuntimeVersion => inner.ImageRuntimeVersion;
    public override object[] GetCustomAttributes(bool inherit) => inner.GetCustomAttributes(inherit);
    public override object[] GetCustomAttributes(Type attributeType, bool inherit) => inner.GetCustomAttributes(attributeType, inherit);
    public override IList<CustomAttributeData> GetCustomAttributesData() => inner.GetCustomAttributesData();
    public override IEnumerable<CustomAttributeData> CustomAttributes => inner.CustomAttributes;
    public override bool IsDefined(Type attributeType, bool inherit) => inner.IsDefined(attributeType, inherit);
    public override Module[] GetModules(bool getResourceModules) => inner.GetModules(getResourceModules);
    public override Module[] GetLoadedModules(bool getResourceModules) => inner.GetLoadedModules(getResourceModules);
    public override AssemblyName[] GetReferencedAssemblies() => inner.GetReferencedAssemblies();
    public override Stream? GetManifestResourceStream(string name) => inner.GetManifestResourceStream(name);
    public override Stream? GetManifestResourceStream(Type type, string name) => inner.GetManifestResourceStream(type, name);
    public override string[] GetManifestResourceNames() => inner.GetManifestResourceNames();
    public override ManifestResourceInfo? GetManifestResourceInfo(string resourceName) => inner.GetManifestResourceInfo(resourceName);
    public override bool Equals(object? o) => o is LoadableTypesAssembly other ? inner.Equals(other.Inner) : inner.Equals(o);
    public override int GetHashCode() => inner.GetHashCode();
    public override string ToString() => inner.ToString();

    private Assembly Inner => inner;
}
