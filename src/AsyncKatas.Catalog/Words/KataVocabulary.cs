using System.Globalization;

namespace AsyncKatas.Catalog.Words;

/// <summary>
/// The vocabulary both faces render, defined once: a kata's status in words, its cell in the progress bar and its
/// mark in the list, the header of a failure. The sentences are in Words/Vocabulary.resx (English) and
/// Vocabulary.zh-Hans.resx, in the language <see cref="UiLanguage"/> chose.
/// </summary>
public static class KataVocabulary
{
    /// <summary>What separates a failure's kata from its test: "K04 Tasks › TaskObjectsTests.NamedTasks_3s_2s".</summary>
    public const string Separator = " › ";

    /// <summary>The first words of every failure of <paramref name="kata"/>'s test <paramref name="test"/> ("Class.Method").</summary>
    public static string FailureHeader(Kata kata, string test)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return kata.DisplayName + Separator + test;
    }

    /// <summary>"solved (2 tests)", "in progress: 1 of 4 tests pass", "not started: 0 of 4 tests pass", "not run yet"…</summary>
    public static string Status(KataStanding standing, KataCount count) => standing switch
    {
        KataStanding.Solved => count.Passed == 1 ? Vocabulary.StatusSolvedOne : Format(Vocabulary.StatusSolved, count.Passed),
        KataStanding.InProgress => Format(Vocabulary.StatusInProgress, count.Passed, count.Total),
        KataStanding.NotStarted => Format(Vocabulary.StatusNotStarted, count.Total),
        KataStanding.Failing => Format(Vocabulary.StatusFailing, count.Total),
        KataStanding.DoesNotCompile => Vocabulary.StatusDoesNotCompile,
        KataStanding.CannotRun => Vocabulary.StatusCannotRun,
        _ => Vocabulary.StatusNotRunYet,
    };

    /// <summary>The status of a kata whose tests ran.</summary>
    public static string Status(KataCount count) => Status(count.Standing, count);

    /// <summary>One cell of the progress bar: █ solved, ▒ in progress, ░ not started (or broken), · not run yet.</summary>
    public static char Cell(KataStanding standing) => standing switch
    {
        KataStanding.Solved => '█',
        KataStanding.InProgress => '▒',
        KataStanding.NotRun => '·',
        _ => '░',
    };

    /// <summary>The mark before a kata in the list: ✔ solved, ▒ in progress, ✗ does not compile or cannot run, · anything else.</summary>
    public static char Mark(KataStanding standing) => standing switch
    {
        KataStanding.Solved => '✔',
        KataStanding.InProgress => '▒',
        KataStanding.DoesNotCompile or KataStanding.CannotRun => '✗',
        _ => '·',
    };

    /// <summary>"K02 Coroutines: 3 failing tests".</summary>
    public static string FailingTests(Kata kata, int failed)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return failed == 1 ? Format(Vocabulary.FailingTest, kata.DisplayName) : Format(Vocabulary.FailingTests, kata.DisplayName, failed);
    }

    /// <summary>A sentence of the vocabulary with its values, in the UI language.</summary>
    public static string Format(string sentence, params object?[] values) => string.Format(CultureInfo.InvariantCulture, sentence, values);
}
