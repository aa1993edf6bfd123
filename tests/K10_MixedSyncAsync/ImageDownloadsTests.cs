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
        Judge.Sequence(saved, ["10386.jpg", "10792.jpg", "10798.jpg"], KataText.Text("K10.SavedFilesWrong"),
            KataText.Text("K10.Fix.SaveUnderLastSegment"));
        Judge.All(() =>
        {
            foreach (var url in ImageDownloads.Urls)
            {
                var file = Path.Combine(_folder, url[(url.LastIndexOf('/') + 1)..]);
                var bytes = File.ReadAllBytes(file);
                Judge.That(bytes.SequenceEqual(FakeDownloader.ContentOf(url)),
                    KataText.Format("K10.FileContentWrong", Path.GetFileName(file), bytes.Length, FakeDownloader.ContentOf(url).Length, url),
                    KataText.Text("K10.Fix.WriteTheBytes"));
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
                KataText.Text("K10.GetOncePerUrl"));
            var elsewhere = downloader.Calls.Where(c => c.Thread?.StartsWith("virtual-loop worker", StringComparison.Ordinal) != true).ToList();
            Judge.That(elsewhere.Count == 0, () => new Verdict(KataText.Format("K10.GetOffTheThreads", elsewhere.Count))
                .Evidence(KataText.Text("K10.Evidence.CallsAndThreads"),
                    elsewhere.Select(c => KataText.Format("K10.CallOnThread", c.Url, c.Thread ?? KataText.Text("K10.UnnamedThread"))))
                .Fix(KataText.Text("K10.Fix.GetOnTheThreads")));
            Judge.Equal(downloader.MostAtOnce, 3, KataText.Text("K10.ThreeAtOnce"),
                KataText.Text("K10.Fix.StartAllThenAwait"));
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
            Judge.Fail(new Verdict(KataText.Format("K10.ReturnedEarly", TextDiff.Seconds(at), savedWhenReturned))
                .Cause(KataText.Text("K10.Cause.WaitsForFirstOnly"))
                .Fix(KataText.Text("K10.Fix.AwaitAllThree")));
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
        Judge.Fail(new Verdict(KataText.Text("K10.DownloaderOnTheLoop"))
            .Evidence(KataText.Format("K10.Evidence.GetOnTheLoop", onTheLoop.Url))
            .Cause(KataText.Text("K10.Cause.GetBlocks"))
            .Fix(KataText.Text("K10.Fix.RunOnTheThreads")));
    }

    /// <summary>The coroutine prints on the loop: "下载完成" after its await, not inside the work handed to the threads.</summary>
    internal static void FailIfPrintedOffTheLoop(LoopThreadWriter? output)
    {
        var off = output?.OffTheLoop ?? [];
        Judge.That(off.Count == 0, () => new Verdict(KataText.Format("K10.PrintedOffTheLoop", off.Count))
            .Evidence(KataText.Text("K10.Evidence.PrintedOffTheLoop"), off.Select(l => KataText.Format("K10.LineOnThread", l.Text, l.Thread)))
            .Fix(KataText.Text("K10.Fix.PrintAfterAwait")));
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
                throw new CalledOnTheLoopException(url);
            }
#pragma warning disable VSTHRD002 // a blocking library call: it holds its thread for a virtual second
            Task.Delay(TimeSpan.FromSeconds(seconds?.Invoke(url) ?? 1), time).Wait();
#pragma warning restore VSTHRD002
            lock (_gate) { _inFlight--; }
            return ContentOf(url);
        }
    }

    /// <summary>
    /// The fake downloader's refusal to block the loop thread. Its message is said when it is read (on the
    /// test's thread, in the test's UI culture), not when it is thrown (on the loop, in the program's invariant one).
    /// </summary>
    private sealed class CalledOnTheLoopException(string url) : InvalidOperationException
    {
        public override string Message => KataText.Format("K10.GetCalledOnTheLoop", url);
    }
}
