using AsyncKatas.Catalog;

namespace KataRunner.Engine.Session;

/// <summary>
/// The katas whose code outlived their run, as a test process found them, not yet reported: <see cref="Found"/> is raised
/// as they come in, and each is taken once (with a run's result, or between runs).
/// </summary>
public sealed class LeftRunningReports
{
    private readonly List<Kata> _katas = [];

    /// <summary>Raised on the thread that added the katas.</summary>
    public event Action? Found;

    public void Add(IEnumerable<Kata> katas)
    {
        lock (_katas) _katas.AddRange(katas);
        Found?.Invoke();
    }

    /// <summary>The katas found since the last take, each once.</summary>
    public IReadOnlyList<Kata> Take()
    {
        lock (_katas)
        {
            var taken = _katas.Distinct().ToList();
            _katas.Clear();
            return taken;
        }
    }
}
