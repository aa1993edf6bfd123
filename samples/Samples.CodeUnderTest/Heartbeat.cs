namespace Samples.CodeUnderTest;

/// <summary>A periodic job: writes a beat on every tick of a <see cref="PeriodicTimer"/>.</summary>
public sealed class Heartbeat(TimeProvider time, TextWriter log)
{
    public async Task RunAsync(TimeSpan every, int beats, CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(every, time);
        for (var beat = 1; beat <= beats && await timer.WaitForNextTickAsync(cancellationToken); beat++)
        {
            log.WriteLine($"beat {beat} at {time.GetUtcNow():HH:mm:ss}");
        }
    }
}
