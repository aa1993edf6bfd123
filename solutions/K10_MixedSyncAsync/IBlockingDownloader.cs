namespace AsyncKatas.K10_MixedSyncAsync;

/// <summary>
/// A download library with no async API (the article uses <c>requests.get</c>): <see cref="Get"/> blocks
/// the calling thread until the whole file has arrived. The tests give you one that takes a virtual second.
/// </summary>
public interface IBlockingDownloader
{
    /// <summary>Downloads <paramref name="url"/> and returns its bytes, blocking the calling thread meanwhile.</summary>
    byte[] Get(string url);
}
