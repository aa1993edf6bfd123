using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KataRunner.Engine.Build;

/// <summary>An /additionalfile: of the build (PublicAPI.*.txt, vs-threading lists), read once.</summary>
public sealed class FileAdditionalText(string path) : AdditionalText
{
    private SourceText? _text;

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        _text ??= File.Exists(Path) ? SourceText.From(File.ReadAllText(Path)) : SourceText.From("");
}
