using System.Text;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// One finding of a kata test, in the order a learner reads it: what was observed, the evidence (every
/// listing capped), the likely cause only where the evidence shows it (or the causes that fit, listed
/// without guessing), the fix for this kata, and the learner's file and line where known.
/// </summary>
public sealed class Verdict
{
    private readonly List<string> _evidence = [];
    private readonly List<string> _causes = [];
    private string? _fix;
    private string? _at;
    private bool _notStarted;

    /// <param name="observed">What the test saw, in one sentence.</param>
    public Verdict(string observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        Observed = observed;
    }

    /// <summary>A stub the learner has not written yet: "not started yet: open <paramref name="file"/> and replace the NotImplementedException."</summary>
    public static Verdict NotStarted(string file) => new(KataText.Format("Verdict.NotStarted", file)) { _notStarted = true };

    /// <summary>The verdict line.</summary>
    public string Observed { get; }

    /// <summary>What this verdict tells, the most telling part first: a cause, a fix, a stub not started, or only what was observed.</summary>
    public FailureKind Kind =>
        _causes.Count > 0 ? FailureKind.NamedCause
        : _fix is not null ? FailureKind.Fix
        : _notStarted ? FailureKind.NotStarted
        : FailureKind.Bare;

    /// <summary>Adds a line of evidence (shown indented under the verdict line).</summary>
    public Verdict Evidence(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _evidence.AddRange(line.Split('\n'));
        return this;
    }

    /// <summary>Adds lines shown exactly as given (a diff that brings its own layout).</summary>
    public Verdict Block(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _evidence.AddRange(text.Split('\n').Select(l => Raw + l));
        return this;
    }

    /// <summary>Adds a titled listing of evidence, capped to its first and last lines.</summary>
    public Verdict Evidence(string title, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        _evidence.Add(list.Count == 0 ? KataText.Format("Verdict.NoItems", title) : $"{title}:");
        _evidence.AddRange(Listing.Capped(list).Select(l => "  " + l));
        return this;
    }

    /// <summary>Adds what the run printed, each line with its virtual time, capped; the title by default "What it printed (virtual time in brackets)".</summary>
    public Verdict Printed(LoopRun? run, string? title = null)
    {
        if (run is null) return this;
        return Evidence(title ?? KataText.Text("Verdict.Printed"), run.Lines.Select(l => $"{l.Text} [{TextDiff.Seconds(Round(l.At))}]"));
    }

    /// <summary>The cause the evidence shows. Call only when the test has checked the condition it names.</summary>
    public Verdict Cause(string? cause)
    {
        if (!string.IsNullOrWhiteSpace(cause)) _causes.Add(cause);
        return this;
    }

    /// <summary>Causes that all fit the evidence: listed, without picking one.</summary>
    public Verdict Causes(params string[] causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        _causes.AddRange(causes.Where(c => !string.IsNullOrWhiteSpace(c)));
        return this;
    }

    /// <summary>The fix, in this kata's terms.</summary>
    public Verdict Fix(string? fix)
    {
        if (!string.IsNullOrWhiteSpace(fix)) _fix = fix;
        return this;
    }

    /// <summary>The learner's file and line ("katas/K04_Tasks/TaskObjects.cs:12"), where known.</summary>
    public Verdict At(string? location)
    {
        if (!string.IsNullOrWhiteSpace(location)) _at = location;
        return this;
    }

    /// <summary>The verdict as lines: the verdict line first, then its parts indented by two spaces.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        lines.AddRange(Observed.Split('\n'));
        lines.AddRange(_evidence.Select(e => e.StartsWith(Raw, StringComparison.Ordinal) ? e[Raw.Length..] : "    " + e));
        if (_causes.Count == 1) lines.Add("  " + KataText.Format("Verdict.LikelyCause", _causes[0]));
        else if (_causes.Count > 1)
        {
            lines.Add("  " + KataText.Text("Verdict.PossibleCauses"));
            lines.AddRange(_causes.Select(c => "    - " + c));
        }
        if (_fix is not null) lines.Add("  " + KataText.Format("Verdict.Fix", _fix));
        if (_at is not null) lines.Add("  " + KataText.Format("Verdict.At", _at));
        return lines;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', Lines());

    private const string Raw = "\u0001";

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds));
}
