namespace KataRunner.Engine.Caching;

/// <summary>
/// What one start of the runner learned, kept for the next: files under <c>obj/KataRunner/</c> at the
/// repository's root (git-ignored, like every obj/ folder). Each entry is stored with the key of the
/// inputs that decided it; a read with another key misses. Writes go to a temporary file first, so a
/// runner stopped mid-write leaves no half entry.
/// </summary>
public sealed class RunnerCache(string directory)
{
    public string Directory { get; } = directory;

    public static RunnerCache For(RepositoryPaths paths) => new(Path.Combine(paths.Root, "obj", "KataRunner"));

    /// <summary>The entry's files when it was stored with <paramref name="key"/>; null otherwise.</summary>
    public byte[]? Read(string name, string key)
    {
        var keyFile = Path.Combine(Directory, name + ".key");
        var dataFile = Path.Combine(Directory, name);
        try
        {
            if (!File.Exists(keyFile) || File.ReadAllText(keyFile) != key) return null;
            return File.ReadAllBytes(dataFile);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Write(string name, string key, byte[] data)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var keyFile = Path.Combine(Directory, name + ".key");
            // The key last: a reader that sees the new key sees the new data.
            if (File.Exists(keyFile)) File.Delete(keyFile);
            Replace(Path.Combine(Directory, name), data);
            Replace(keyFile, System.Text.Encoding.UTF8.GetBytes(key));
        }
        catch (IOException)
        {
            // A cache that cannot be written costs the next start time, nothing else.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void Replace(string path, byte[] data)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, data);
        File.Move(temporary, path, overwrite: true);
    }
}
