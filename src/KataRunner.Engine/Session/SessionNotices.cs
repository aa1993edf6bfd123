using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>The one-line notices a session shows after a run, in the learner's language.</summary>
internal static class SessionNotices
{
    /// <summary>What the runner says when it stopped code of a kata's earlier run that outlived its tests; null when it did not.</summary>
    public static string? LeftRunning(RunResult result) => LeftRunning(result.LeftRunning);

    public static string? LeftRunning(IReadOnlyList<Kata> katas) =>
        katas.Count == 0 ? null : string.Join(" ", katas.Select(k => KataVocabulary.Format(Vocabulary.NoticeLeftRunning, k.Id)));

    /// <summary>The kata at <paramref name="index"/> is solved (<paramref name="justNow"/>: by this run): what next.</summary>
    public static string Solved(IReadOnlyList<Kata> katas, int index, KataStates states, bool justNow)
    {
        var verdict = KataVocabulary.Format(justNow ? Vocabulary.NoticeSolvedJustNow : Vocabulary.NoticeSolved, katas[index].Id);
        if (index + 1 >= katas.Count) return KataVocabulary.Format(states.Solved == katas.Count ? Vocabulary.NoticeSolvedEvery : Vocabulary.NoticeSolvedLastKata, verdict);
        var next = katas[index + 1];
        return KataVocabulary.Format(Vocabulary.NoticeSolvedPressNext, verdict, next.DisplayName);
    }
}
