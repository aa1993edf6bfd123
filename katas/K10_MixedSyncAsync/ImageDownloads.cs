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
    public static Task DownloadImageAsync(string url, TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder)
    {
        output.WriteLine($"开始下载: {url}");
        // Deliberately naive: Get blocks until the whole image has arrived, and this line runs on the
        // loop's only thread, so nothing else can run meanwhile. Keep the loop free.
        var content = downloader.Get(url);
        output.WriteLine("下载完成");
        throw new NotImplementedException(
            $"Save the {content.Length} bytes in folder, in a file named after the URL's last segment (10798.jpg). / " +
            $"把这 {content.Length} 个字节保存到 folder 里，文件名取 URL 的最后一段（10798.jpg）。");
    }

    /// <summary>Downloads the three <see cref="Urls"/> at the same time and returns when all three are saved.</summary>
    public static async Task RunAsync(TextWriter output, TaskScheduler threads, IBlockingDownloader downloader, string folder)
    {
        // Deliberately naive: one download after the other. Run the three together.
        foreach (var url in Urls)
        {
            await DownloadImageAsync(url, output, threads, downloader, folder);
        }
    }
}
