namespace AsyncKatas.K10_MixedSyncAsync;

/// <summary>The article's mixed example: three images downloaded with a blocking library, from async code.</summary>
public static class ImageDownloads
{
    /// <summary>The article's three images.</summary>
    public static IReadOnlyList<string> Urls { get; } =
    [
        "http://pic.bizhi360.com/bbpic/98/10798.jpg",
        "http://pic.bizhi360.com/bbpic/92/10792.jpg",
        "http://pic.bizhi360.com/bbpic/86/10386.jpg",
    ];

    /// <summary>
    /// Prints <c>开始下载: {url}</c>, downloads the image with <paramref name="downloader"/> without blocking
    /// the loop, prints <c>下载完成</c>, and saves the bytes in <paramref name="folder"/> under the URL's
    /// last segment (<c>10798.jpg</c>).
    /// </summary>
    public static async Task DownloadImageAsync(string url, TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder)
    {
        output.WriteLine($"开始下载: {url}");
        // Get blocks its thread for the whole download: give it one of the loop's threads (the article's
        // run_in_executor(None, requests.get, url)) and await the task, so the loop stays free.
        var content = await Task.Factory.StartNew(() => downloader.Get(url),
            CancellationToken.None, TaskCreationOptions.None, threads);
        output.WriteLine("下载完成");
        var fileName = url[(url.LastIndexOf('/') + 1)..];
        await File.WriteAllBytesAsync(Path.Combine(folder, fileName), content);
    }

    /// <summary>Downloads the three <see cref="Urls"/> at the same time and returns when all three are saved.</summary>
    public static Task RunAsync(TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder) =>
        Task.WhenAll(Urls.Select(url => DownloadImageAsync(url, output, threads, downloader, folder)));
}
