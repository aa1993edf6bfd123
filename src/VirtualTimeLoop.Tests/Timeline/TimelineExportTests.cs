using System.Diagnostics;
using System.Text.Json;

namespace VirtualTimeLoop.Tests.Timeline;

/// <summary>
/// The exports: the HTML page drawn by a real browser (headless Chromium, Debian's package: .ci/run installs
/// it) with its lanes where the data puts them, and the Chrome trace-event JSON with a track per lane.
/// The program is the article's five concurrent rounds (K12's E16): two one-second sleeps started together, five times.
/// </summary>
public class TimelineExportTests
{
    private static async Task ConcurrentRoundAsync(TimeProvider time)
    {
        var first = Task.Delay(TimeSpan.FromSeconds(1), time);
        var second = Task.Delay(TimeSpan.FromSeconds(1), time);
        await first;
        await second;
    }

    private static async Task FiveRoundsAsync(LoopEnvironment env)
    {
        for (var i = 0; i < 5; i++) await ConcurrentRoundAsync(env.Time);
        env.Out.WriteLine($"异步所花费的时间: {env.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0:F6} s");
    }

    private static RunTimeline Timeline() => VirtualLoop.Run("K12 concurrent", FiveRoundsAsync, new LoopOptions { RecordTimeline = true }).EnsureCompleted().Timeline;

    [Test]
    public void The_html_page_is_self_contained_and_draws_a_lane_per_task_in_chromium()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null) Assert.Ignore("chromium is not installed (apt-get install -y chromium; .ci/run installs it)");
        var timeline = Timeline();
        var html = timeline.ToHtml("K12: five concurrent rounds");
        Assert.That(html, Does.Not.Contain(" src=").And.Not.Contain(" href=").And.Not.Contain("url(").And.Not.Contain("<script"), "nothing fetched, nothing run");
        var dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "timeline-html");
        Directory.CreateDirectory(dir);
        var page = Path.Combine(dir, "k12.html");
        var png = Path.Combine(dir, "k12.png");
        File.WriteAllText(page, html);
        File.Delete(png);

        var dom = Chromium(chromium, $"--dump-dom file://{page}");
        Assert.That(dom.Split("<g class=\"lane\"").Length - 1, Is.EqualTo(timeline.Lanes.Count), "the browser's DOM holds a group per lane");
        Chromium(chromium, $"--screenshot={png} --window-size=1100,420 file://{page}");
        var pixels = PngPixels.Read(png);
        TestContext.Out.WriteLine($"screenshot: {png} ({pixels.Width}×{pixels.Height})");
        // Each round's lane (rows 1…5 below the main task's) has its blue sleep bar where its second is:
        // x = 200 + 800 × t / 5 s (+ the page's 8 px margin and the heading's height, found from the first bar).
        var blue = Enumerable.Range(0, pixels.Height).Select(y => Enumerable.Range(0, pixels.Width).Count(x => pixels[x, y] == 0x3b6fb6)).ToList();
        var barRows = blue.Select((count, y) => (count, y)).Where(r => r.count > 0).Select(r => r.y).ToList();
        Assert.That(barRows, Is.Not.Empty, "blue sleep bars are drawn");
        var bands = barRows.Zip(barRows.Skip(1).Append(int.MaxValue)).Count(p => p.Second - p.First > 1);
        Assert.That(bands, Is.EqualTo(5), "five lanes with a sleep bar: one per round");
        for (var round = 0; round < 5; round++)
        {
            var y = barRows.First() + round * 28 + 2;
            var xs = Enumerable.Range(0, pixels.Width).Where(x => pixels[x, y] == 0x3b6fb6).ToList();
            Assert.That(xs, Is.Not.Empty, $"round {round + 1}'s bar");
            Assert.That(xs.Max() - xs.Min(), Is.InRange(150, 170), $"round {round + 1} sleeps one second of five: 160 px");
        }
        var lefts = Enumerable.Range(0, 5).Select(r => Enumerable.Range(0, pixels.Width).First(x => pixels[x, barRows.First() + r * 28 + 2] == 0x3b6fb6)).ToList();
        Assert.That(lefts.Zip(lefts.Skip(1)).Select(p => p.Second - p.First), Has.All.InRange(158, 162), "each round starts one second (160 px) after the one before");
    }

    [Test]
    public void The_chrome_trace_has_a_named_track_per_lane_and_the_sleeps_in_virtual_microseconds()
    {
        var timeline = Timeline();
        using var trace = JsonDocument.Parse(timeline.ToChromeTrace("K12"));
        var events = trace.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(timeline.Lanes.Select(l => l.Name)));
        var sleeps = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "sleep")
            .Select(e => (e.GetProperty("ts").GetDouble(), e.GetProperty("dur").GetDouble())).ToList();
        Assert.That(sleeps, Is.EqualTo(Enumerable.Range(0, 5).Select(i => (i * 1e6, 1e6))));
    }

    private static string Chromium(string chromium, string arguments)
    {
        var info = new ProcessStartInfo(chromium, $"--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir={Path.GetTempPath()}timeline-chromium-{Environment.ProcessId} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(entireProcessTree: true);
        Assert.That(process.ExitCode, Is.Zero, () => $"chromium failed: {stderr.Result}");
        return output;
    }
}
