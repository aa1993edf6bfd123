using System.Text;
using AsyncKatas.K10_MixedSyncAsync;

namespace AsyncKatas.Tests.K10_MixedSyncAsync;

[Category("K10")]
public class ImageDownloadsTests
{
    private const string FirstUrl = "http://pic.bizhi360.com/bbpic/98/10798.jpg";
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "async-katas-K10-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void DownloadImageAsync_PrintsStartAndDone_OneSecondApart()
    {
        FakeDownloader? downloader = null;
        LoopThreadWriter? output = null;
        var run = KataLoop.Run(io =>
            ImageDownloads.DownloadImageAsync(FirstUrl, output = new LoopThreadWriter(io.Out), io.Threads, downloader = new FakeDownloader(io.Time), _folder));
        FailIfTheLoopWasBlocked(run, downloader);
        FailIfPrintedOffTheLoop(output);
        VerifyRun(run, timeline: [0, 1], total: 1);
    }

    [Test]
    public void RunAsync_DownloadsTheThreeImagesAtOnce()
    {
        FakeDownloader? downloader = null;
        LoopThreadWriter? output = null;
        var run = KataLoop.Run(io =>
            ImageDownloads.RunAsync(output = new LoopThreadWriter(io.Out), io.Threads, downloader = new FakeDownloader(io.Time), _folder));
        FailIfTheLoopWasBlocked(run, downloader);
        FailIfPrintedOffTheLoop(output);
        VerifyRun(run, timeline: [0, 0, 0, 1, 1, 1], total: 1);
    }

    [Test]
    public void RunAsync_SavesEachImageUnderTheLastSegmentOfItsUrl()
    {
        FakeDownloader? downloader = null;
        var run = KataLoop.Run(io =>
            ImageDownloads.RunAsync(io.Out, io.Threads, downloader = new FakeDownloader(io.Time), _folder));
        FailIfTheLoopWasBlocked(run, downloader);
        AssertCompleted(run);

        var saved = Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Judge.Sequence(saved, ["10386.jpg", "10792.jpg", "10798.jpg"], "the files saved in the folder the test gives you are wrong.",
            "save each image in the folder you are given, in a file named after the last segment of its URL.");
        Judge.All(() =>
        {
            foreach (var url in ImageDownloads.Urls)
            {
                var file = Path.Combine(_folder, url[(url.LastIndexOf('/') + 1)..]);
                var bytes = File.ReadAllBytes(file);
                Judge.That(bytes.SequenceEqual(FakeDownloader.ContentOf(url)),
                    $"{Path.GetFileName(file)} holds {bytes.Length} byte(s), not exactly the {FakeDownloader.ContentOf(url).Length} bytes the downloader returned for {url}.",
                    "write the bytes Get returned, as they are (File.WriteAllBytesAsync).");
            }
        });
    }

    [Test]
    public void RunAsync_RunsTheBlockingDownloaderOnTheLoopsThreads_ThreeAtOnce()
    {
        FakeDownloader? downloader = null;
        var run = KataLoop.Run(io =>
            ImageDownloads.RunAsync(io.Out, io.Threads, downloader = new FakeDownloader(io.Time), _folder));
        FailIfTheLoopWasBlocked(run, downloader);
        AssertCompleted(run);

        Judge.All(() =>
        {
            Judge.Sequence(downloader!.Calls.Select(c => c.Url).Order(StringComparer.Ordinal), ImageDownloads.Urls.Order(StringComparer.Ordinal),
                "Get must be called once for each URL (the URLs Get was called with, sorted).");
            var elsewhere = downloader.Calls.Where(c => c.Thread?.StartsWith("virtual-loop worker", StringComparison.Ordinal) != true).ToList();
            Judge.That(elsewhere.Count == 0, () => new Verdict($"{elsewhere.Count} call(s) of Get ran off the loop's threads.")
                .Evidence("calls and their threads", elsewhere.Select(c => $"{c.Url} on {c.Thread ?? "an unnamed thread"}"))
                .Fix("Get blocks its thread: call it on the loop's threads (the TaskScheduler you are given)."));
            Judge.Equal(downloader.MostAtOnce, 3, "the three downloads must be under way at the same time (the most seen at once).",
                "start all three downloads before you await any of them.");
        });
    }

    [Test]
    public void RunAsync_ReturnsOnlyOnceEveryImageIsSaved()
    {
        // Downloads of different lengths (1, 2 and 3 s): with the article's equal ones, returning when the first
        // is saved and returning when all are look the same.
        FakeDownloader? downloader = null;
        TimeSpan? returnedAt = null;
        var savedWhenReturned = -1;
        var run = KataLoop.Run(async io =>
        {
            downloader = new FakeDownloader(io.Time, url => ImageDownloads.Urls.ToList().IndexOf(url) + 1);
            await ImageDownloads.RunAsync(io.Out, io.Threads, downloader, _folder);
            returnedAt = io.Time.Elapsed;
            savedWhenReturned = Directory.GetFiles(_folder).Length;
        });
        FailIfTheLoopWasBlocked(run, downloader);
        if (returnedAt is { } at && (at < TimeSpan.FromSeconds(3) || savedWhenReturned < 3))
        {
            Judge.Fail(new Verdict($"RunAsync returned at {TextDiff.Seconds(at)}, with {savedWhenReturned} of the 3 images saved: downloads that take 1, 2 and 3 s must all be saved before it returns (at 3 s).")
                .Cause("RunAsync waits for the first download only (Task.WhenAny), or for none of them.")
                .Fix("await all three: await Task.WhenAll(the three downloads' tasks), as asyncio.wait(tasks) waits for all of them."));
        }
        AssertCompleted(run);
    }

    /// <summary>
    /// A blocking call on the loop thread would hold the loop until the real-time guard gives up; the
    /// fake downloader refuses it at once instead, and this says what happened.
    /// </summary>
    private static void FailIfTheLoopWasBlocked(LoopRun run, FakeDownloader? downloader)
    {
        if (run.Outcome == LoopOutcome.Completed || downloader is null) return;
        var onTheLoop = downloader.Calls.FirstOrDefault(c => c.Thread?.StartsWith("virtual loop", StringComparison.Ordinal) == true);
        if (onTheLoop.Url is null) return; // blocked by something else: the harness's own report says what to look for
        Judge.Fail(new Verdict("the blocking downloader was called on the loop thread.")
            .Evidence($"IBlockingDownloader.Get({onTheLoop.Url}) was called on the loop's only thread")
            .Cause("Get blocks the thread that calls it for the whole download: the loop would stop, and nothing else could run.")
            .Fix("run the blocking call on the threads you are given (the TaskScheduler), and await its task."));
    }

    /// <summary>The coroutine prints on the loop: "下载完成" after its await, not inside the work handed to the threads.</summary>
    internal static void FailIfPrintedOffTheLoop(LoopThreadWriter? output)
    {
        var off = output?.OffTheLoop ?? [];
        Judge.That(off.Count == 0, () => new Verdict($"{off.Count} line(s) were printed from a worker thread, inside the work handed to the threads, not by the coroutine on the loop.")
            .Evidence("printed off the loop", off.Select(l => $"{l.Text} (on {l.Thread})"))
            .Fix("hand the threads only the blocking call (downloader.Get(url)); print \"下载完成\" in DownloadImageAsync after you await its task: " +
                 "code after an await runs on the loop again."));
    }

    /// <summary>A blocking downloader: each Get holds its thread for one virtual second (or <paramref name="seconds"/> of its URL) and returns "jpeg:" + url.</summary>
    private sealed class FakeDownloader(TimeProvider time, Func<string, double>? seconds = null) : IBlockingDownloader
    {
        private readonly object _gate = new();
        private readonly List<(string Url, string? Thread)> _calls = [];
        private int _inFlight;

        public IReadOnlyList<(string Url, string? Thread)> Calls { get { lock (_gate) { return [.. _calls]; } } }

        public int MostAtOnce { get; private set; }

        public static byte[] ContentOf(string url) => Encoding.UTF8.GetBytes("jpeg:" + url);

        public byte[] Get(string url)
        {
            lock (_gate)
            {
                _calls.Add((url, Thread.CurrentThread.Name));
                MostAtOnce = Math.Max(MostAtOnce, ++_inFlight);
            }
            // On the loop thread the wait below could never end (the loop fires the timer): refuse at once
            // rather than wait out the loop's real-time guard. FailIfTheLoopWasBlocked names the call.
            if (Thread.CurrentThread.Name?.StartsWith("virtual loop", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"IBlockingDownloader.Get({url}) called on the loop thread");
            }
#pragma warning disable VSTHRD002 // a blocking library call: it holds its thread for a virtual second
            Task.Delay(TimeSpan.FromSeconds(seconds?.Invoke(url) ?? 1), time).Wait();
#pragma warning restore VSTHRD002
            lock (_gate) { _inFlight--; }
            return ContentOf(url);
        }
    }
}
