using System.Runtime.CompilerServices;

namespace VirtualTimeLoop.Tests;

/// <summary>The main example of src/VirtualTimeLoop/README.md, verbatim: keep the two in step.</summary>
public class ReadmeExampleTests
{
    // --- README example: begin ---
    // The code under test: retries a flaky call, waiting 1 s, 2 s, 4 s between attempts.
    public static class Retry
    {
        public static async Task<string> WithBackoffAsync(Func<Task<string>> call, TimeProvider time, int attempts = 4)
        {
            var wait = TimeSpan.FromSeconds(1);
            for (var attempt = 1; ; attempt++)
            {
                try { return await call(); }
                catch (HttpRequestException) when (attempt < attempts)
                {
                    await Task.Delay(wait, time);
                    wait *= 2;
                }
            }
        }
    }

    [Test]
    public void Retries_back_off_one_two_four_seconds()
    {
        var attempts = new List<TimeSpan>();
        var run = VirtualLoop.Run(async env =>
        {
            var answer = await Retry.WithBackoffAsync(async () =>
            {
                attempts.Add(env.Time.Elapsed);
                await Task.Delay(TimeSpan.FromMilliseconds(100), env.Time); // each call takes 100 ms
                if (attempts.Count < 4) throw new HttpRequestException("503");
                return "ok";
            }, env.Time);
            env.Out.WriteLine(answer);
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(attempts, Is.EqualTo(new[] { 0, 1100, 3200, 7300 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.That(run.Lines.Single().At, Is.EqualTo(TimeSpan.FromMilliseconds(7400)));
        Assert.That(run.Output, Is.EqualTo("ok\n"));
    }
    // --- README example: end ---

    [Test]
    public void The_README_shows_this_very_code()
    {
        static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        var source = File.ReadAllText(ThisFile());
        var begin = source.IndexOf("// --- README example: begin ---", StringComparison.Ordinal);
        var end = source.IndexOf("// --- README example: end ---", StringComparison.Ordinal);
        var example = Lines(source[begin..end]).Skip(1).ToList();
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "VirtualTimeLoop", "README.md"));
        var block = readme[(readme.IndexOf("```csharp", StringComparison.Ordinal) + 9)..];
        Assert.That(Lines(block[..block.IndexOf("```", StringComparison.Ordinal)]), Is.EqualTo(example));
    }

    [Test]
    public void The_READMEs_outcome_table_names_every_outcome()
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "VirtualTimeLoop", "README.md"));
        var table = readme[readme.IndexOf("| Outcome |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.That(Enum.GetNames<LoopOutcome>().Where(name => !table.Contains($"`{name}`", StringComparison.Ordinal)), Is.Empty);
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
