namespace VirtualTimeLoop;

/// <summary>
/// What the guard that ended a run saw, as data: times, counts, thread and type names. Each kind is a
/// record of its own (match on the type: <c>run.Evidence is HorizonPassed h</c>); <see cref="LoopText.Describe(LoopEvidence)"/>
/// says it in words, in the current UI culture. Only the library makes evidence.
/// </summary>
public abstract record LoopEvidence
{
    private protected LoopEvidence() { }

    /// <summary>The catalogue entry that says it, and its arguments, formatted.</summary>
    internal abstract Sentence Say();

    /// <summary>A virtual time as the catalogue's sentences show it.</summary>
    private protected static string Time(TimeSpan t) => VirtualTimeFormat.Seconds(t);

    /// <summary>A count as the catalogue's sentences show it ("1,000").</summary>
    private protected static string Grouped(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number as the catalogue's sentences show it, without separators ("1000").</summary>
    private protected static string Number(long n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A catalogue key and the arguments of its placeholders.</summary>
internal readonly record struct Sentence(string Key, params object[] Args);
