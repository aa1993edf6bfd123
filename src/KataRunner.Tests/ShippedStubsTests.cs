using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>A kata is "not started" while its files are git's shipped blobs; the last known states survive a restart.</summary>
public class ShippedStubsTests
{
    private string _root = "";

    [SetUp]
    public void CreateRepository()
    {
        _root = Directory.CreateTempSubdirectory("katarunner-stubs").FullName;
        Directory.CreateDirectory(Path.Combine(_root, "katas", "K01_EventLoop"));
        File.WriteAllText(Path.Combine(_root, "katas", "K01_EventLoop", "TwoWorkers.cs"), "abc\n");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_file_is_untouched_while_it_hashes_to_its_shipped_blob()
    {
        // `printf 'abc\n' | git hash-object --stdin`
        const string blob = "8baef1b4abc478178b004d62031cf7fe6db6f903";
        Assert.That(ShippedStubs.BlobId("abc\n"u8.ToArray()), Is.EqualTo(blob));
        var stubs = new ShippedStubs(new RepositoryPaths(_root), new Dictionary<string, string> { ["katas/K01_EventLoop/TwoWorkers.cs"] = blob });
        var file = Path.Combine(_root, "katas", "K01_EventLoop", "TwoWorkers.cs");
        Assert.That(stubs.Untouched("K01_EventLoop"), Is.True);
        File.WriteAllText(file, "abc\r\n");
        Assert.That(stubs.Untouched("K01_EventLoop"), Is.True, "a checkout with CRLF line ends is still the stub");
        File.WriteAllText(file, "abd\n");
        Assert.That(stubs.Untouched("K01_EventLoop"), Is.False, "code written");
        File.WriteAllText(file, "abc\n");
        File.WriteAllText(Path.Combine(_root, "katas", "K01_EventLoop", "Helper.cs"), "");
        Assert.Multiple(() =>
        {
            Assert.That(stubs.Untouched("K01_EventLoop"), Is.False, "a file added");
            Assert.That(new ShippedStubs(new RepositoryPaths(_root), new Dictionary<string, string>()).Untouched("K01_EventLoop"), Is.Null, "nothing shipped to compare with");
        });
    }

    [Test]
    public void The_last_known_states_are_read_back_as_they_were_kept()
    {
        var cache = new RunnerCache(Path.Combine(_root, "obj", "KataRunner"));
        var states = new Dictionary<string, KataState>
        {
            ["K01"] = new(KataStatus.Solved, 2, 2, Untouched: false),
            ["K02"] = new(KataStatus.Failing, 0, 4, Stale: true, Untouched: true),
            ["K03"] = KataState.Unknown,
        };
        LastKnownStates.Save(cache, states);
        var read = LastKnownStates.Load(cache);
        Assert.Multiple(() =>
        {
            Assert.That(read["K01"], Is.EqualTo(new KataState(KataStatus.Solved, 2, 2, Untouched: false)));
            Assert.That(read["K02"], Is.EqualTo(new KataState(KataStatus.Failing, 0, 4, Untouched: true)), "read back as last known; the session marks it stale");
            Assert.That(read.ContainsKey("K03"), Is.False, "an unknown state is not kept");
        });
    }
}
