using AsyncKatas.Catalog;
using Microsoft.CodeAnalysis;

namespace KataRunner.Engine.Build;

/// <summary>
/// Which source files a compile takes: those of the named kata folders and every file outside the kata
/// folders (the SDK's generated files, a learner's shared file); none named: every file. Katas never
/// refer to each other, so a kata's tests run against an image of its scope.
/// </summary>
public sealed class CompileScope
{
    private const string Everything = "all";
    private readonly HashSet<string> _folders;
    private readonly Dictionary<string, string[]> _declared = new(StringComparer.Ordinal);

    public CompileScope(IEnumerable<string> folders)
    {
        _folders = new HashSet<string>(folders, StringComparer.Ordinal);
        Name = _folders.Count == 0 ? Everything : string.Join('+', _folders.Order(StringComparer.Ordinal));
    }

    /// <summary>"K01_EventLoop", "K01_EventLoop+K02_Coroutines", or "all": names the memo and the cache entry.</summary>
    public string Name { get; }

    public static CompileScope Parse(string name) => new(name == Everything ? [] : name.Split('+'));

    /// <summary>Whether the file at <paramref name="path"/> is compiled.</summary>
    public bool Includes(string path) => _folders.Count == 0 || KataCatalog.OfCode(path) is not { } kata || _folders.Contains(kata.Folder);

    public List<SyntaxTree> Of(IEnumerable<SyntaxTree> trees) => [.. trees.Where(t => Includes(t.FilePath))];

    /// <summary>
    /// Whether <paramref name="diagnostic"/> only says that this scope leaves other katas out: RS0017 (solutions/
    /// declares its public API in PublicAPI.*.txt) on a declared symbol of a kata outside the scope.
    /// </summary>
    public bool OnlyLeavesOut(Diagnostic diagnostic)
    {
        if (_folders.Count == 0 || diagnostic.Id != "RS0017") return false;
        var span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || !File.Exists(span.Path)) return false;
        if (!_declared.TryGetValue(span.Path, out var lines)) _declared[span.Path] = lines = File.ReadAllLines(span.Path);
        var line = lines.ElementAtOrDefault(span.StartLinePosition.Line) ?? "";
        return KataCatalog.All.Any(k => !_folders.Contains(k.Folder) && line.Contains($"AsyncKatas.{k.Folder}.", StringComparison.Ordinal));
    }
}
