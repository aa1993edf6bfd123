using KataRunner.Engine.Session;
using Microsoft.Extensions.Time.Testing;

namespace KataRunner.Tests;

/// <summary>The debounce on a fake clock: a save storm is one run, 50 ms after its last change.</summary>
public class DebouncerTests
{
    [Test]
    public void A_save_storm_fires_once_after_the_quiet_period()
    {
        var time = new FakeTimeProvider();
        var debouncer = new Debouncer(time);
        var fired = 0;
        for (var i = 0; i < 20; i++)
        {
            debouncer.Notify();
            time.Advance(TimeSpan.FromMilliseconds(10));
            if (debouncer.TryFire()) fired++;
        }
        Assert.That(fired, Is.Zero, "no run while the storm goes on");
        time.Advance(TimeSpan.FromMilliseconds(39));
        Assert.That(debouncer.TryFire(), Is.False, "49 ms after the last change");
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(debouncer.TryFire(), Is.True, "50 ms after the last change");
            Assert.That(debouncer.TryFire(), Is.False, "once");
            Assert.That(debouncer.DueIn, Is.Null);
        });
    }

    [Test]
    public void DueIn_counts_down_from_the_last_change()
    {
        var time = new FakeTimeProvider();
        var debouncer = new Debouncer(time);
        debouncer.Notify();
        time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.That(debouncer.DueIn, Is.EqualTo(TimeSpan.FromMilliseconds(20)));
    }
}
