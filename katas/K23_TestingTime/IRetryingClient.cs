namespace AsyncKatas.K23_TestingTime;

/// <summary>Given: what the checks test. GetAsync asks a service for an answer, retrying as RetryingClient describes.</summary>
public interface IRetryingClient
{
    /// <summary>The service's answer, or the last failure once every attempt has failed.</summary>
    Task<string> GetAsync();
}

/// <summary>
/// Given: makes a client around <paramref name="call"/> (the service: it gets a token that is cancelled when its
/// attempt runs out of time) on the clock <paramref name="time"/>. The kata's tests hand your checks the given client's
/// factory, and factories of broken clients.
/// </summary>
public delegate IRetryingClient ClientFactory(Func<CancellationToken, Task<string>> call, TimeProvider time);

/// <summary>Given: what a check throws when the client does not do what RetryingClient promises.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
