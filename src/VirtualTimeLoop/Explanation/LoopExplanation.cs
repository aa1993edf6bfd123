using System.Text;

namespace VirtualTimeLoop;

/// <summary>
/// Why a run ended as it did, as data: what was observed, the evidence, the causes that fit it (one
/// likely cause, or several possible ones when the evidence cannot tell them apart), the fix, and the
/// source line where known. <see cref="ToString"/> renders it; a layer above (a test framework, a
/// tutorial) can take the fields and say them in its own words without parsing any text.
/// </summary>
public sealed class LoopExplanation
{
    internal LoopExplanation(string observed, IReadOnlyList<string> evidence, IReadOnlyList<string> causes, string? fix, SourceLocation? location)
    {
        Observed = observed;
        Evidence = evidence;
        Causes = causes;
        Fix = fix;
        Location = location;
    }

    /// <summary>What happened, in one sentence ("the main task can never complete: …").</summary>
    public string Observed { get; }

    /// <summary>What else the loop saw that supports it, one item per line.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>The causes that fit the evidence: one when it is the likely cause, several when each of them fits.</summary>
    public IReadOnlyList<string> Causes { get; }

    /// <summary>What to do about it; null when there is nothing to fix.</summary>
    public string? Fix { get; }

    /// <summary>Where it happened in source, when an exception says so.</summary>
    public SourceLocation? Location { get; }

    /// <summary>
    /// The explanation as text: the observation on the first line, then, indented, the evidence,
    /// "Likely cause:" (or "Possible causes:" and a list), "Fix:" and "At:".
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(Observed);
        foreach (var line in Evidence) text.AppendLine().Append("  ").Append(line);
        if (Causes.Count == 1) text.AppendLine().Append("  Likely cause: ").Append(Causes[0]);
        else if (Causes.Count > 1)
        {
            text.AppendLine().Append("  Possible causes (each fits what was observed):");
            foreach (var cause in Causes) text.AppendLine().Append("    - ").Append(cause);
        }
        if (Fix is not null) text.AppendLine().Append("  Fix: ").Append(Fix);
        if (Location is { } at) text.AppendLine().Append("  At: ").Append(at);
        return text.ToString();
    }
}
