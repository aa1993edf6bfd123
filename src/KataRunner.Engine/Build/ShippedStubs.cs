using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// Tells a kata whose files are still the stubs as shipped (the learner has not started it) from one with
/// code written: git's index holds each shipped file's blob id (<c>git ls-files -s katas</c>, asked once),
/// and a file is untouched when its content hashes to the same id (with LF or CRLF line ends). No git, or
/// no repository: unknown (null).
/// </summary>
public sealed class ShippedStubs
{
    private readonly RepositoryPaths _paths;
    private readonly Dictionary<string, string>? _blobs;

    public ShippedStubs(RepositoryPaths paths, IReadOnlyDictionary<string, string>? blobs = null)
    {
        _paths = paths;
        _blobs = blobs is null ? AskGit(paths.Root) : new Dictionary<string, string>(blobs);
    }

    /// <summary>True when every .cs file of the kata's folder is the shipped one (and none was added); null when unknown.</summary>
    public bool? Untouched(string kataFolder)
    {
        if (_blobs is null) return null;
        var folder = Path.Combine(_paths.Katas, kataFolder);
        if (!Directory.Exists(folder)) return null;
        var prefix = $"katas/{kataFolder}/";
        var shipped = _blobs.Keys.Count(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(".cs", StringComparison.Ordinal));
        if (shipped == 0) return null;
        var separator = Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .ToList();
        if (files.Count != shipped) return false;
        foreach (var file in files)
        {
            if (!_blobs.TryGetValue(_paths.Relative(file), out var blob)) return false;
            var bytes = File.ReadAllBytes(file);
            if (BlobId(bytes) == blob) continue;
            var lf = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
            if (BlobId(lf) != blob) return false;
        }
        return true;
    }

    /// <summary>git's id of a blob: SHA-1 of "blob {length}\0" and the bytes.</summary>
    public static string BlobId(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // git's object id, not a security hash
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }

    private static Dictionary<string, string>? AskGit(string root)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["ls-files", "-s", "--", "katas"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            if (git.ExitCode != 0) return null;
            var blobs = new Dictionary<string, string>(StringComparer.Ordinal);
            // "100644 <blob> 0\tkatas/K01_EventLoop/TwoWorkers.cs"
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var fields = line[..Math.Max(0, tab)].Split(' ');
                if (tab > 0 && fields.Length >= 2) blobs[line[(tab + 1)..]] = fields[1];
            }
            return blobs;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
