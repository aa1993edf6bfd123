using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// The C# files of a kata project as syntax trees: every *.cs under the project folder (bin/ and obj/
/// aside, as MSBuild's default glob) plus the files the SDK generated into obj/ (global usings,
/// assembly attributes). A file is parsed again only when its time stamp or length changed; tests can
/// lay an in-memory text over a path.
/// </summary>
public sealed class SourceSet(string projectDir, IReadOnlyList<string> generatedFiles, CSharpParseOptions parseOptions, SourceHashAlgorithm checksum)
{
    private readonly Dictionary<string, (string Stamp, SyntaxTree Tree)> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _overlay = new(StringComparer.Ordinal);

    /// <summary>How many files the last <see cref="Refresh"/> parsed (for tests and the bench).</summary>
    public int LastParsed { get; private set; }

    /// <summary>Use <paramref name="text"/> for <paramref name="path"/> instead of the file (null: the file again).</summary>
    public void Overlay(string path, string? text)
    {
        path = Path.GetFullPath(path);
        if (text is null) _overlay.Remove(path); else _overlay[path] = text;
    }

    /// <summary>Adds every source's path and current text (the overlay's, else the file's) to <paramref name="key"/>: cheap, no parsing.</summary>
    /// <param name="include">Which sources count (a <see cref="CompileScope"/>'s); null: all.</param>
    public void AddContentTo(Caching.InputsKey key, Func<string, bool>? include = null)
    {
        foreach (var path in CurrentPaths().Where(p => include is null || include(p)))
        {
            if (_overlay.TryGetValue(path, out var text)) key.Add(path).Add(text); else key.AddFile(path);
        }
    }

    /// <summary>Whether an in-memory text stands in for a file (a test's edit): such compiles are not cached on disk.</summary>
    public bool HasOverlays => _overlay.Count > 0;

    private List<string> CurrentPaths() => EnumerateSources().Concat(generatedFiles).Concat(_overlay.Keys).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<SyntaxTree> Refresh()
    {
        var paths = CurrentPaths();
        var trees = new List<SyntaxTree>(paths.Count);
        LastParsed = 0;
        foreach (var path in paths)
        {
            var stamp = Stamp(path);
            if (stamp is null) continue;
            if (!_cache.TryGetValue(path, out var cached) || cached.Stamp != stamp)
            {
                var tree = Parse(path);
                if (tree is null) { if (cached.Tree is not null) trees.Add(cached.Tree); continue; }
                cached = (stamp, tree);
                _cache[path] = cached;
                LastParsed++;
            }
            trees.Add(cached.Tree);
        }
        foreach (var gone in _cache.Keys.Except(paths).ToList()) _cache.Remove(gone);
        return trees;
    }

    private IEnumerable<string> EnumerateSources() => Enumerate(projectDir);

    /// <summary>The project's own .cs files (bin/ and obj/ aside), in a fixed order.</summary>
    public static IEnumerable<string> Enumerate(string projectDir)
    {
        var bin = Path.Combine(projectDir, "bin") + Path.DirectorySeparatorChar;
        var obj = Path.Combine(projectDir, "obj") + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(bin, StringComparison.Ordinal) && !p.StartsWith(obj, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private string? Stamp(string path)
    {
        if (_overlay.TryGetValue(path, out var text)) return "overlay:" + text.GetHashCode(StringComparison.Ordinal);
        var info = new FileInfo(path);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}:{info.Length}" : null;
    }

    private SyntaxTree? Parse(string path)
    {
        SourceText text;
        if (_overlay.TryGetValue(path, out var overlay))
        {
            text = SourceText.From(overlay, System.Text.Encoding.UTF8, checksum);
        }
        else
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                text = SourceText.From(stream, encoding: null, checksumAlgorithm: checksum);
            }
            catch (IOException)
            {
                return null; // mid-save: the next change event parses it again
            }
        }
        return CSharpSyntaxTree.ParseText(text, parseOptions, path);
    }
}
