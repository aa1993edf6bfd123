using Microsoft.Extensions.Time.Testing;
using VirtualTimeLoop.FakeTime;

namespace Samples.Xunit;

/// <summary>Code and fixtures written for FakeTimeProvider, with the loop moving its time: no Advance.</summary>
public class ComingFromFakeTimeProviderTests
{
    /// <summary>A fixture as FakeTimeProvider users write them: it takes the FakeTimeProvider.</summary>
    private static TokenCache NewCache(FakeTimeProvider time) =>
        new(async ct => { await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct); return "token"; }, time, TimeSpan.FromMinutes(10));

    [Fact]
    public void A_token_is_issued_again_once_it_expires()
    {
        var run = VirtualLoop.Run(async env =>
        {
            var cache = NewCache(env.FakeTime());
            await cache.GetAsync();
            await Task.Delay(TimeSpan.FromMinutes(5), env.FakeTime());
            await cache.GetAsync();                                     // still valid
            await Task.Delay(TimeSpan.FromMinutes(6), env.FakeTime());
            await cache.GetAsync();                                     // expired: issued again
            return cache.Issued;
        });

        Assert.Equal(2, run.Value);
        Assert.Equal(TimeSpan.FromMinutes(11) + TimeSpan.FromMilliseconds(100), run.Elapsed);
    }
}
