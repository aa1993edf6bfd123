namespace AsyncKatas.Tests.Support;

/// <summary>
/// The one way a kata test judges: every check goes through here, and every failure reads
/// "Kxx Name › Test: what was observed", the evidence, the cause where the evidence shows it, this
/// kata's fix, and the hint (see <see cref="KataMessage"/>). NUnit stays underneath: a failure is an
/// Assert.Fail with the composed message, so IDEs show it, with no raw "Expected/But was" after it; what
/// the failure is (its kind, its gist) goes on the test's properties for the watch runner.
/// </summary>
public static class Judge
{
    [ThreadStatic] private static List<Verdict>? _collecting;

    /// <summary>Fails with <paramref name="otherwise"/> unless <paramref name="ok"/>.</summary>
    public static void That(bool ok, Func<Verdict> otherwise)
    {
        ArgumentNullException.ThrowIfNull(otherwise);
        if (!ok) Fail(otherwise());
    }

    /// <summary>Fails with the observation (and fix) unless <paramref name="ok"/>.</summary>
    public static void That(bool ok, string observed, string? fix = null)
    {
        if (!ok) Fail(new Verdict(observed).Fix(fix));
    }

    /// <summary>Fails unless <paramref name="actual"/> equals <paramref name="expected"/>; the evidence shows both.</summary>
    /// <param name="actual">What the program gave.</param>
    /// <param name="expected">What it should give.</param>
    /// <param name="verdict">What is wrong when they differ, in the learner's terms.</param>
    /// <param name="fix">What to do, for this kata.</param>
    public static void Equal<T>(T actual, T expected, string verdict, string? fix = null)
    {
        if (EqualityComparer<T>.Default.Equals(actual, expected)) return;
        Fail(new Verdict(verdict)
            .Evidence(KataText.Format("Judge.Yours", Listing.Value(actual)))
            .Evidence(KataText.Format("Judge.Expected", Listing.Value(expected)))
            .Fix(fix));
    }

    /// <summary>Fails unless the two sequences are equal, item by item; the evidence shows both and the first difference.</summary>
    public static void Sequence<T>(IEnumerable<T> actual, IEnumerable<T> expected, string verdict, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var yours = actual.ToList();
        var wanted = expected.ToList();
        if (yours.SequenceEqual(wanted)) return;
        var first = 0;
        while (first < yours.Count && first < wanted.Count && EqualityComparer<T>.Default.Equals(yours[first], wanted[first])) first++;
        var where = first < yours.Count && first < wanted.Count
            ? KataText.Format("Judge.FirstDifference", first + 1, Listing.Value(yours[first]), Listing.Value(wanted[first]))
            : yours.Count < wanted.Count ? KataText.Format("Judge.Fewer", yours.Count, wanted.Count - yours.Count)
            : KataText.Format("Judge.More", yours.Count - wanted.Count);
        Fail(new Verdict(verdict)
            .Evidence(KataText.Format("Judge.Yours", Listing.Inline(yours.Cast<object?>())))
            .Evidence(KataText.Format("Judge.Expected", Listing.Inline(wanted.Cast<object?>())))
            .Evidence($"({where})")
            .Fix(fix));
    }

    /// <summary>Runs several checks and reports every one that fails, in one message (NUnit's Assert.Multiple).</summary>
    public static void All(Action checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var outer = _collecting;
        var mine = new List<Verdict>();
        _collecting = mine;
        try
        {
            checks();
        }
        finally
        {
            _collecting = outer;
        }
        if (mine.Count == 0) return;
        if (outer is not null) outer.AddRange(mine);
        else KataMessage.Fail(mine);
    }

    /// <summary>Fails the test with <paramref name="verdict"/> (inside <see cref="All"/>: notes it and goes on).</summary>
    public static void Fail(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (_collecting is { } collecting)
        {
            collecting.Add(verdict);
            return;
        }
        KataMessage.Fail(verdict);
    }

    /// <summary>Fails the test with an observation and a fix.</summary>
    public static void Fail(string observed, string? fix = null) => Fail(new Verdict(observed).Fix(fix));
}
