using AsyncKatas.Catalog;
using System.Text.Json;
using KataRunner.Engine.Caching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// The last version of each kata's files that compiled (compiler and analyzers clean), per kata
/// folder: kept in memory, and in the runner's cache so that it outlives a restart. A kata that
/// does not compile is compiled from it while another kata runs; from solutions/ when there is none.
/// </summary>
public sealed class LastCompiled(RepositoryPaths paths, CSharpParseOptions parseOptions, SourceHashAlgorithm checksum, RunnerCache cache, string tree)
{
    private const string CacheKey = "v1";
    private readonly Dictionary<string, List<SyntaxTree>> _byFolder = new(StringComparer.Ordinal);

    /// <summary>Every kata folder among <paramref name="trees"/> compiled, except those with an error.</summary>
    /// <param name="persist">False while a test lays in-memory texts over files: those are not the learner's.</param>
    public void Remember(IEnumerable<SyntaxTree> trees, IEnumerable<CompileError> errors, bool persist)
    {
        var broken = errors.Select(e => KataCatalog.OfCode(e.Path)?.Folder).ToHashSet();
        foreach (var group in trees.GroupBy(t => KataCatalog.OfCode(t.FilePath)?.Folder))
        {
            if (group.Key is not { } folder || broken.Contains(folder)) continue;
            var files = group.ToList();
            if (_byFolder.TryGetValue(folder, out var known) && known.SequenceEqual(files)) continue;
            _byFolder[folder] = files;
            if (persist)
            {
                var texts = files.ToDictionary(t => t.FilePath, t => t.GetText().ToString());
                cache.Write(CacheName(folder), CacheKey, JsonSerializer.SerializeToUtf8Bytes(texts));
            }
        }
    }

    /// <summary>What to compile in place of <paramref name="folder"/>, and where it came from.</summary>
    public (IReadOnlyList<SyntaxTree> Trees, FallbackSource Source) For(string folder)
    {
        if (_byFolder.TryGetValue(folder, out var known)) return (known, FallbackSource.LastCompiled);
        if (cache.Read(CacheName(folder), CacheKey) is { } stored && JsonSerializer.Deserialize<Dictionary<string, string>>(stored) is { Count: > 0 } texts)
        {
            var trees = texts.Select(p => Parse(SourceText.From(p.Value, System.Text.Encoding.UTF8, checksum), p.Key)).ToList();
            _byFolder[folder] = trees;
            return (trees, FallbackSource.LastCompiled);
        }
        var reference = SourceSet.Enumerate(Path.Combine(paths.Solutions, folder))
            .Select(p => Parse(SourceText.From(File.ReadAllText(p), System.Text.Encoding.UTF8, checksum), p))
            .ToList();
        return (reference, FallbackSource.Reference);
    }

    private SyntaxTree Parse(SourceText text, string path) => CSharpSyntaxTree.ParseText(text, parseOptions, path);

    private string CacheName(string folder) => $"{tree}.last-compiled-{folder}.json";
}
