using System.Text.RegularExpressions;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// What two translations of a kata README must share, read line by line: the headings (outside code), where
/// the hints section is, the hint titles (<c>&lt;summary&gt;</c>), the fenced code blocks with their info
/// string, the marker comments that tools read, and the <c>using</c> directives the README names on its
/// imports line (see tools/check-snippets.sh).
/// </summary>
internal sealed partial record ReadmeShape(
    List<string> Headings, List<int> HeadingLevels, int HintsHeading, List<string> HintTitles,
    List<string> CodeBlocks, List<string> Markers, List<string> Imports)
{
    public static ReadmeShape Parse(string markdown)
    {
        var headings = new List<string>();
        var levels = new List<int>();
        var hints = -1;
        var titles = new List<string>();
        var code = new List<string>();
        var markers = new List<string>();
        var imports = new List<string>();
        string? fence = null;
        var block = new List<string>();
        foreach (var line in Lines(markdown))
        {
            if (fence is not null)
            {
                if (line.Trim() == "```") { code.Add(fence + "\n" + string.Join('\n', block)); fence = null; }
                else block.Add(line);
                continue;
            }
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fence = line.Trim(); block = []; continue; }
            if (Heading().Match(line) is { Success: true } h)
            {
                if (h.Groups[2].Value is "Hints" or "提示") hints = headings.Count;
                headings.Add(h.Groups[2].Value);
                levels.Add(h.Groups[1].Value.Length);
            }
            titles.AddRange(Summary().Matches(line).Select(m => m.Groups[1].Value.Trim()));
            markers.AddRange(Marker().Matches(line).Select(m => m.Value));
            if (ImportsLine().IsMatch(line)) imports.AddRange(Using().Matches(line).Select(m => m.Value));
        }
        return new ReadmeShape(headings, levels, hints, titles, code, markers, imports);
    }

    /// <summary>The prose lines, with code blocks, inline code, marker comments, HTML tags and link targets taken out.</summary>
    public static List<string> Prose(string markdown)
    {
        var prose = new List<string>();
        var inside = false;
        foreach (var line in Lines(markdown))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inside = !inside; continue; }
            if (inside) continue;
            var text = InlineCode().Replace(line, " ");
            text = Marker().Replace(text, " ");
            text = Tag().Replace(text, " ");
            text = LinkTarget().Replace(text, "]");
            prose.Add(text);
        }
        return prose;
    }

    private static string[] Lines(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<summary>(.*?)</summary>")]
    private static partial Regex Summary();

    [GeneratedRegex(@"<!--\s*(output|snippet):.*?-->")]
    private static partial Regex Marker();

    /// <summary>The line that names what to import: "Imports: …" in English, "需要导入：…" in Chinese.</summary>
    [GeneratedRegex(@"^(\*\*)?(Imports|需要导入)")]
    private static partial Regex ImportsLine();

    [GeneratedRegex(@"using [A-Za-z0-9_.]+;")]
    private static partial Regex Using();

    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();
}
