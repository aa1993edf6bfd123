namespace VirtualTimeLoop;

/// <summary>
/// The library's words for a run's explanation, from its catalogue (English, and Simplified Chinese
/// for a UI culture zh, zh-Hans, zh-CN or zh-SG), in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.
/// A layer above that says a cause or a fix in its own words asks here for the others.
/// </summary>
public static class LoopText
{
    /// <summary>What was observed, in one sentence ("the program sleeps past the run's horizon: …").</summary>
    public static string Observed(LoopExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var outcome = explanation.Observed;
        if (explanation.Exception is { } e && outcome is LoopOutcome.ProgramFailed or LoopOutcome.AsyncVoidThrew)
        {
            return Catalogue.Format($"Observed.{outcome}.Exception", e.GetType().Name, e.Message);
        }
        return Catalogue.Format($"Observed.{outcome}", explanation.Evidence is { } evidence ? Describe(evidence) : "");
    }

    /// <summary>What else the outcome always means, in one sentence; null when nothing.</summary>
    public static string? Note(LoopOutcome outcome) => Catalogue.Find($"Note.{outcome}");

    /// <summary>The evidence, in words ("virtual time passed 3600.0 s (the next timer is due at …)").</summary>
    public static string Describe(LoopEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var sentence = evidence.Say();
        return Catalogue.Format(sentence.Key, sentence.Args);
    }

    /// <summary>Work left pending, in words ("1 timer(s) still scheduled (due at 1.0 s); 2 async void method(s) still running").</summary>
    public static string Describe(PendingWork pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var parts = new List<string>();
        if (pending.TimerDueTimes.Count > 0)
        {
            var shown = string.Join(", ", pending.TimerDueTimes.Take(5).Select(VirtualTimeFormat.Seconds)) + (pending.TimerDueTimes.Count > 5 ? ", …" : "");
            parts.Add(Catalogue.Format("Pending.Timers", pending.TimerDueTimes.Count, shown));
        }
        if (pending.Jobs > 0) parts.Add(Catalogue.Format("Pending.Jobs", pending.Jobs));
        if (pending.AsyncVoidMethods > 0) parts.Add(Catalogue.Format("Pending.AsyncVoidMethods", pending.AsyncVoidMethods));
        return string.Join(Catalogue.Text("Pending.Separator"), parts);
    }

    /// <summary>How a thread is stuck, in words ("blocked in a wait").</summary>
    public static string Describe(ThreadStall stall) => Catalogue.Text($"Evidence.ThreadStall.{stall}");

    /// <summary>The cause, in the library's words.</summary>
    public static string Cause(LoopCause cause) => Catalogue.Text($"Cause.{cause}");

    /// <summary>The fix, in the library's words.</summary>
    public static string Fix(LoopFix fix) => Catalogue.Text($"Fix.{fix}");
}
