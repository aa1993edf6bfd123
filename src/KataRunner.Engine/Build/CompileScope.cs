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

    public CompileScope(IEnumerable<string> folders)
    {
        _folders = new HashSet<string>(folders, StringComparer.Ordinal);
        Name = _folders.Count == 0 ? Everything : string.Join('+', _folders.Order(StringComparer.Ordinal));
    }

    /// <summary>"K01_EventLoop", "K01_EventLoop+K02_Coroutines", or "all": names the memo and the cache entry.</summary>
    public string Name { get; }

    /// <summary>Whether this scope compiles every kata.</summary>
    public bool IsEverything => _folders.Count == 0;

    /// <summary>Whether the file at <paramref name="path"/> is compiled.</summary>
    public bool Includes(string path) => _folders.Count == 0 || KataCatalog.OfCode(path) is not { } kata || _folders.Contains(kata.Folder);

    public List<SyntaxTree> Of(IEnumerable<SyntaxTree> trees) => [.. trees.Where(t => Includes(t.FilePath))];

    /// <summary>
    /// Whether a line of a PublicAPI.*.txt belongs to this scope: it names no kata the scope leaves out (a declaration
    /// such as "AsyncKatas.K03_AwaitChains.AwaitChains.Run(...)", or a header such as "#nullable enable").
    /// </summary>
    public bool Declares(string publicApiLine) =>
        _folders.Count == 0 || !KataCatalog.All.Any(k => !_folders.Contains(k.Folder) && publicApiLine.Contains($"AsyncKatas.{k.Folder}.", StringComparison.Ordinal));
}
