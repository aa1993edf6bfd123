using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>
/// A PublicAPI.*.txt of the build as a compile of <paramref name="scope"/> should see it: without the lines that
/// declare symbols of katas the scope leaves out. The public API analyzer then judges the katas compiled, and the
/// symbols of the others (not in the compilation) are not reported as missing (RS0017). Only those files are wrapped
/// (<see cref="For"/>).
/// </summary>
public sealed class ScopedAdditionalText(AdditionalText file, CompileScope scope) : AdditionalText
{
    private SourceText? _text;

    public override string Path => file.Path;

    public override SourceText? GetText(CancellationToken cancellationToken = default)
    {
        if (_text is not null) return _text;
        var whole = file.GetText(cancellationToken);
        if (whole is null) return null;
        var kept = whole.Lines.Select(l => l.ToString()).Where(scope.Declares);
        return _text = SourceText.From(string.Join('\n', kept));
    }

    /// <summary><paramref name="file"/> as a compile of <paramref name="scope"/> reads it: cut when it is a PublicAPI.*.txt, else as it is.</summary>
    public static AdditionalText For(AdditionalText file, CompileScope scope) => IsPublicApiFile(file.Path) ? new ScopedAdditionalText(file, scope) : file;

    /// <summary>PublicAPI.Shipped.txt, PublicAPI.Unshipped.txt (and the analyzer's per-framework variants).</summary>
    private static bool IsPublicApiFile(string path) =>
        System.IO.Path.GetFileName(path).StartsWith("PublicAPI.", StringComparison.OrdinalIgnoreCase) && path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
