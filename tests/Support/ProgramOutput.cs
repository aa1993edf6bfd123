namespace AsyncKatas.Tests.Support;

/// <summary>
/// What a kata program printed, when, and the virtual time it took: what <see cref="KataVerifier"/>
/// compares with the article. A run on the library's loop gives one; so does K14's test harness for a
/// run on the learner's own loop.
/// </summary>
/// <param name="Kata">The kata.</param>
/// <param name="Output">Everything the program printed, exactly.</param>
/// <param name="Lines">Each printed line with the virtual time at which it was completed.</param>
/// <param name="Elapsed">Virtual time from the start to the end of the program.</param>
public sealed record ProgramOutput(Kata Kata, string Output, IReadOnlyList<PrintedLine> Lines, TimeSpan Elapsed);
