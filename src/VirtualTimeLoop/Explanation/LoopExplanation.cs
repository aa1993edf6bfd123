using System.Text;

namespace VirtualTimeLoop;

/// <summary>
/// Why a run ended as it did, as data: the outcome observed, the evidence (times, counts, names), the
/// causes that fit it (one likely cause, or several possible ones when the evidence cannot tell them
/// apart) and the fix, each under a stable key, and the source line where known. <see cref="ToString"/>
/// renders it in the current UI culture; a layer above (a test framework, a tutorial) can take the
/// fields, replace a cause or the fix by key, and say them in its own words without parsing any text.
/// </summary>
public sealed class LoopExplanation
{
    internal LoopExplanation(LoopOutcome observed, LoopEvidence? evidence, Exception? exception, IReadOnlyList<LoopCause> causes, LoopFix? fix, SourceLocation? location)
    {
        Observed = observed;
        Evidence = evidence;
        Exception = exception;
        Causes = causes;
        Fix = fix;
        Location = location;
    }

    /// <summary>What happened: how the run ended (<see cref="LoopText.Observed"/> says it in one sentence).</summary>
    public LoopOutcome Observed { get; }

    /// <summary>What the loop saw that supports it; null when there is nothing to add.</summary>
    public LoopEvidence? Evidence { get; }

    /// <summary>The exception that ended the run, if any (its type and message are part of what was observed).</summary>
    public Exception? Exception { get; }

    /// <summary>The causes that fit the evidence: one when it is the likely cause, several when each of them fits.</summary>
    public IReadOnlyList<LoopCause> Causes { get; }

    /// <summary>What to do about it; null when there is nothing to fix.</summary>
    public LoopFix? Fix { get; }

    /// <summary>Where it happened in source, when an exception says so.</summary>
    public SourceLocation? Location { get; }

    /// <summary>
    /// The explanation as text, in the current UI culture: the observation on the first line, then,
    /// indented, the note, "Likely cause:" (or "Possible causes:" and a list), "Fix:" and "At:".
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder(LoopText.Observed(this));
        if (LoopText.Note(Observed) is { } note) text.AppendLine().Append("  ").Append(note);
        if (Causes.Count == 1) text.AppendLine().Append("  ").Append(Catalogue.Format("Explanation.LikelyCause", LoopText.Cause(Causes[0])));
        else if (Causes.Count > 1)
        {
            text.AppendLine().Append("  ").Append(Catalogue.Text("Explanation.PossibleCauses"));
            foreach (var cause in Causes) text.AppendLine().Append("    - ").Append(LoopText.Cause(cause));
        }
        if (Fix is { } fix) text.AppendLine().Append("  ").Append(Catalogue.Format("Explanation.Fix", LoopText.Fix(fix)));
        if (Location is { } at) text.AppendLine().Append("  ").Append(Catalogue.Format("Explanation.At", at));
        return text.ToString();
    }
}
