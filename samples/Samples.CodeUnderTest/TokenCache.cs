namespace Samples.CodeUnderTest;

/// <summary>Caches a token until it expires, as read on the injected clock.</summary>
public sealed class TokenCache(Func<CancellationToken, Task<string>> issue, TimeProvider time, TimeSpan lifetime)
{
    private (string Token, DateTimeOffset Expires)? _current;

    public int Issued { get; private set; }

    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && time.GetUtcNow() < current.Expires) return current.Token;
        var token = await issue(cancellationToken);
        Issued++;
        _current = (token, time.GetUtcNow() + lifetime);
        return token;
    }
}
