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

    /// <summary>Prints the start, downloads without blocking the loop, prints 下载完成, and saves the bytes.</summary>
    public static async Task DownloadImageAsync(string url, TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(downloader);
        output.WriteLine($"开始下载: {url}");
        var content = await Task.Factory.StartNew(() =>
        {
            var bytes = downloader.Get(url);
            output.WriteLine("下载完成");
            return bytes;
        }, CancellationToken.None, TaskCreationOptions.None, threads);
        await File.WriteAllBytesAsync(Path.Combine(folder, url[(url.LastIndexOf('/') + 1)..]), content);
    }

    /// <summary>Downloads the three <see cref="Urls"/> at the same time and returns when all three are saved.</summary>
    public static async Task RunAsync(TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder)
    {
        var downloads = new List<Task>();
        foreach (var url in Urls)
        {
            downloads.Add(DownloadImageAsync(url, output, threads, downloader, folder));
        }
        await Task.WhenAll(downloads);
    }
}
