namespace Mistakes.Tests;

/// <summary>
/// What a catalogued program must get, from its <c>expect.txt</c>: one directive a line, <c>#</c> starts a comment.
/// <code>
/// verdict: rejected          (or: passes)
/// says: at most 2            (the message names the cause: it contains these words, case-insensitive; any number of lines)
/// never: MaxDegreeOfParallelism   (a fix the program already does: the message must not contain it; any number)
/// defect: what goes wrong   (a known defect of the judging, not yet fixed: the program is listed as skipped, with this reason)
/// </code>
/// </summary>
public sealed record Expectation(bool Rejected, IReadOnlyList<string> Says, IReadOnlyList<string> Never, string? Defect = null)
{
    public const string FileName = "expect.txt";

    public static Expectation Parse(string text, string source)
    {
        bool? rejected = null;
        var says = new List<string>();
        var never = new List<string>();
        string? defect = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon < 0 ? line : line[..colon].Trim();
            var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
            switch (key)
            {
                case "verdict" when value is "rejected" or "passes":
                    rejected = value == "rejected";
                    break;
                case "says" when value.Length > 0:
                    says.Add(value);
                    break;
                case "never" when value.Length > 0:
                    never.Add(value);
                    break;
                case "defect" when value.Length > 0:
                    defect = value;
                    break;
                default:
                    throw new FormatException($"{source}: cannot read '{line}' (verdict: rejected|passes, says: words, never: words, defect: reason)");
            }
        }
        if (rejected is null) throw new FormatException($"{source}: no 'verdict: rejected' or 'verdict: passes' line");
        if (rejected == false && says.Count > 0) throw new FormatException($"{source}: a program that passes has no message to say anything");
        return new Expectation(rejected.Value, says, never, defect);
    }
}
