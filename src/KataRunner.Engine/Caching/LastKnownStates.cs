using System.Globalization;
using System.Text;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Engine.Caching;

/// <summary>
/// Every kata's last known state, kept in the runner's cache between two starts (one line per kata:
/// id, status, passed, total, untouched), so that a start shows the learner's progress at once and
/// checks it again in the background.
/// </summary>
public static class LastKnownStates
{
    private const string Name = "states.tsv";
    private const string Key = "kata states v2";

    public static IReadOnlyDictionary<string, KataState> Load(RunnerCache cache)
    {
        var states = new Dictionary<string, KataState>();
        if (cache.Read(Name, Key) is not { } data) return states;
        foreach (var line in Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t');
            if (f.Length != 6 || !Enum.TryParse<KataStatus>(f[1], out var status)
                || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var passed) || !int.TryParse(f[3], CultureInfo.InvariantCulture, out var total)) continue;
            if (!int.TryParse(f[4], CultureInfo.InvariantCulture, out var onStubs)) continue;
            states[f[0]] = new KataState(status, passed, total, OnStubs: onStubs, Untouched: f[5] == "1");
        }
        return states;
    }

    public static void Save(RunnerCache cache, IReadOnlyDictionary<string, KataState> states)
    {
        var text = new StringBuilder();
        foreach (var (id, state) in states.Where(s => s.Value.Known))
        {
            text.Append(CultureInfo.InvariantCulture, $"{id}\t{state.Status}\t{state.Passed}\t{state.Total}\t{state.OnStubs}\t{(state.Untouched ? "1" : "0")}\n");
        }
        cache.Write(Name, Key, Encoding.UTF8.GetBytes(text.ToString()));
    }
}
