using System.Security.Cryptography;
using System.Text;

namespace KataRunner.Engine.Caching;

/// <summary>
/// A key over the inputs that decide a cached result: texts (command lines, file lists) and the
/// contents of files, hashed with SHA-256. Two keys are equal only when every input is.
/// </summary>
public sealed class InputsKey
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public InputsKey Add(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _hash.AppendData(BitConverter.GetBytes(bytes.Length));
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>The file's path and contents (a missing file counts as such).</summary>
    public InputsKey AddFile(string path)
    {
        Add(path);
        try
        {
            Add(File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "(missing)");
        }
        catch (IOException)
        {
            Add("(unreadable)");
        }
        return this;
    }

    public InputsKey AddFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths) AddFile(path);
        return this;
    }

    public string Value => Convert.ToHexString(_hash.GetCurrentHash());

    /// <summary>
    /// The files that decide how MSBuild compiles a project of this repository: project files,
    /// Directory.*.props/targets, response files, global.json, .editorconfig and global configs
    /// (bin/, obj/ and .git/ aside), in a fixed order; and the .NET SDKs installed, since global.json
    /// rolls forward to the newest.
    /// </summary>
    public static IEnumerable<string> BuildInputs(string root) =>
        Walk(root).Where(p => IsBuildInput(Path.GetFileName(p))).Order(StringComparer.Ordinal);

    public static string InstalledSdks()
    {
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ → <dotnet>/sdk
        var sdk = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "sdk"));
        return System.IO.Directory.Exists(sdk)
            ? string.Join(';', System.IO.Directory.EnumerateDirectories(sdk).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            : "(no sdk folder)";
    }

    /// <summary>Every file under <paramref name="folder"/>, without bin/, obj/ and dot-folders.</summary>
    public static IEnumerable<string> Walk(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> files, dirs;
            try
            {
                files = System.IO.Directory.EnumerateFiles(dir).ToList();
                dirs = System.IO.Directory.EnumerateDirectories(dir).ToList();
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var file in files) yield return file;
            foreach (var sub in dirs)
            {
                var name = Path.GetFileName(sub);
                if (name is "bin" or "obj" or "TestResults" or "artifacts" || name.StartsWith('.')) continue;
                pending.Push(sub);
            }
        }
    }

    private static bool IsBuildInput(string name) =>
        name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".props", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rsp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase)
        || name is "global.json" or ".editorconfig" or "nuget.config" or "NuGet.Config";
}
