namespace Samples.CodeUnderTest;

/// <summary>Polls until a deadline, kept by a <c>CancellationTokenSource(TimeSpan, TimeProvider)</c>.</summary>
public static class Poller
{
    /// <summary>How many polls, one every <paramref name="every"/>, fit before <paramref name="deadline"/>.</summary>
    public static async Task<int> PollUntilAsync(TimeSpan deadline, TimeSpan every, TimeProvider time)
    {
        using var expired = new CancellationTokenSource(deadline, time);
        var polls = 0;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, expired.Token);
                polls++;
            }
        }
        catch (OperationCanceledException) when (expired.IsCancellationRequested)
        {
            return polls;
        }
    }
}
