using KataRunner.Engine.Caching;

namespace KataRunner.Tests;

/// <summary>The start cache returns an entry only for the key it was stored with, and keys change with any input.</summary>
public class RunnerCacheTests
{
    private string _dir = null!;

    [SetUp]
    public void Create() => _dir = Path.Combine(Path.GetTempPath(), "katarunner-cache-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void Remove()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void An_entry_is_read_back_only_with_its_key()
    {
        var cache = new RunnerCache(_dir);
        cache.Write("entry", "key-1", [1, 2, 3]);
        Assert.Multiple(() =>
        {
            Assert.That(cache.Read("entry", "key-1"), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(cache.Read("entry", "key-2"), Is.Null, "another key misses");
            Assert.That(cache.Read("other", "key-1"), Is.Null, "no such entry");
        });
        cache.Write("entry", "key-2", [4]);
        Assert.That(cache.Read("entry", "key-1"), Is.Null, "a new entry replaces the old one whole");
        Assert.That(cache.Read("entry", "key-2"), Is.EqualTo(new byte[] { 4 }));
    }

    [Test]
    public void A_key_changes_with_the_contents_of_any_input_file()
    {
        Directory.CreateDirectory(_dir);
        var file = Path.Combine(_dir, "Directory.Build.props");
        File.WriteAllText(file, "<Project />");
        var before = new InputsKey().Add("args").AddFile(file).Value;
        Assert.That(new InputsKey().Add("args").AddFile(file).Value, Is.EqualTo(before), "same inputs, same key");
        File.WriteAllText(file, "<Project><PropertyGroup /></Project>");
        Assert.That(new InputsKey().Add("args").AddFile(file).Value, Is.Not.EqualTo(before));
        Assert.That(InputsKey.BuildInputs(_dir), Is.EqualTo(new[] { file }), "props files are build inputs");
    }
}
