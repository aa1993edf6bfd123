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
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(downloader);
        output.WriteLine($"开始下载: {url}");
        var executor = new TaskFactory(CancellationToken.None, TaskCreationOptions.None, TaskContinuationOptions.None, threads);
        var content = await executor.StartNew(() => downloader.Get(url));
        output.WriteLine("下载完成");
        var name = new Uri(url).Segments[^1];
        await using var file = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await file.WriteAsync(content);
    }

    /// <summary>Downloads the three <see cref="Urls"/> at the same time and returns when all three are saved.</summary>
    public static Task RunAsync(TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder) =>
        Task.WhenAll(Urls.Select(url => DownloadImageAsync(url, output, threads, downloader, folder)).ToArray());
}
