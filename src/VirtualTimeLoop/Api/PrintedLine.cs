namespace VirtualTimeLoop;

/// <summary>
/// One line the program printed, with the virtual time at which it was completed.
/// <paramref name="OutsideLoop"/> marks a line written by code that had left the loop (a continuation
/// after <c>ConfigureAwait(false)</c>, or a thread the loop does not know); <paramref name="OnUnknownThread"/>
/// marks the second kind, whose order against the loop's own lines is luck.
/// </summary>
public sealed record PrintedLine(string Text, TimeSpan At, bool OutsideLoop, bool OnUnknownThread = false);
