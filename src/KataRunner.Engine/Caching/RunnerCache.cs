using System.Text;

namespace KataRunner.Engine.Caching;

/// <summary>
/// What one start of the runner learned, kept for the next: files under <c>obj/KataRunner/</c> at the
/// repository's root (git-ignored, like every obj/ folder). Each entry starts with the key of the
/// inputs that decided it; a read with another key misses. An entry is written to a temporary file and
/// moved into place, so a reader (another runner, the runner's tests) sees a whole old or a whole new
/// entry, never half of one or a key that does not match its data.
/// </summary>
public sealed class RunnerCache(string directory)
{
    public string Directory { get; } = directory;

    public static RunnerCache For(RepositoryPaths paths) => new(Path.Combine(paths.Root, "obj", "KataRunner"));

    /// <summary>The entry's data when it was stored with <paramref name="key"/>; null otherwise.</summary>
    public byte[]? Read(string name, string key)
    {
        try
        {
            var path = Path.Combine(Directory, name);
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            var expected = Header(key);
            return bytes.AsSpan().StartsWith(expected) ? bytes[expected.Length..] : null;
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
            var path = Path.Combine(Directory, name);
            var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            using (var file = File.Create(temporary))
            {
                file.Write(Header(key));
                file.Write(data);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // A cache that cannot be written costs the next start time, nothing else.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static byte[] Header(string key) => Encoding.UTF8.GetBytes($"katarunner-cache {key}\n");
}
