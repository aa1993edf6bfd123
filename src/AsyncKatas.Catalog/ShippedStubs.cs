using System.Security.Cryptography;
using System.Text;

namespace AsyncKatas.Catalog;

/// <summary>
/// The kata files as shipped, to tell a kata nobody has touched ("not started") from one with code written in it
/// ("failing"), whatever git holds (a learner who commits their work is not back at the start): katas/shipped.sha256
/// lists each .cs file under katas/ with the SHA-256 of its text with LF line ends, in sha256sum's format
/// ("hash  K01_EventLoop/TwoWorkers.cs"). tools/SupportTests checks the list against katas/ as shipped.
/// </summary>
public sealed class ShippedStubs
{
    /// <summary>The list's file name, in katas/.</summary>
    public const string FileName = "shipped.sha256";

    private readonly string _katas;
    private readonly IReadOnlyDictionary<string, string> _hashes;

    private ShippedStubs(string katas, IReadOnlyDictionary<string, string> hashes)
    {
        _katas = katas;
        _hashes = hashes;
    }

    /// <summary>The list in <paramref name="katasFolder"/>; null when there is none (then nobody can tell).</summary>
    public static ShippedStubs? Load(string katasFolder)
    {
        var file = Path.Combine(katasFolder, FileName);
        if (!File.Exists(file)) return null;
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(file))
        {
            var space = line.IndexOf("  ", StringComparison.Ordinal);
            if (space > 0) hashes[line[(space + 2)..]] = line[..space];
        }
        return new ShippedStubs(katasFolder, hashes);
    }

    /// <summary>True when every .cs file of the kata's folder is as shipped and none was added or removed.</summary>
    public bool Untouched(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        var shipped = _hashes.Keys.Where(k => k.StartsWith(kata.Folder + "/", StringComparison.Ordinal)).ToList();
        var present = Files(_katas, kata.Folder).ToList();
        return shipped.Count > 0 && present.Count == shipped.Count
            && present.All(f => _hashes.TryGetValue(f, out var hash) && hash == Hash(File.ReadAllBytes(Path.Combine(_katas, f))));
    }

    /// <summary>The list for the files of <paramref name="katasFolder"/> as they are now (what shipped.sha256 must hold when they are the stubs).</summary>
    public static string Listing(string katasFolder) =>
        string.Concat(KataCatalog.All.SelectMany(k => Files(katasFolder, k.Folder))
            .Select(f => $"{Hash(File.ReadAllBytes(Path.Combine(katasFolder, f)))}  {f}\n"));

    /// <summary>SHA-256 of the text with LF line ends (a Windows checkout has CRLF), lower-case hex.</summary>
    public static string Hash(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The .cs files of a kata's folder, relative to katas/ with '/', in ordinal order, build output left out.</summary>
    private static IEnumerable<string> Files(string katasFolder, string kataFolder)
    {
        var folder = Path.Combine(katasFolder, kataFolder);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(katasFolder, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
