namespace KataRunner.Engine.Session;

/// <summary>The t key: shows the first test's timeline, then the next one's, then the failures again.</summary>
internal static class TimelineKey
{
    /// <summary>The next timeline to show after <paramref name="shown"/> among <paramref name="count"/>; -1 for none.</summary>
    public static int Next(int shown, int count) => count == 0 || shown + 1 >= count ? -1 : shown + 1;
}
