using System.Text.Json;
using System.Text.Json.Serialization;

namespace KataRunner.Engine.Running.Worker;

/// <summary>A run the runner asks its test process for: the tests image and its dependencies, the kata image, which katas.</summary>
/// <param name="Katas">Kata ids; none: every test.</param>
/// <param name="Language">The language the tests word their verdicts in (<see cref="AsyncKatas.Catalog.Words.UiLanguage.Variable"/>, which they
/// read), as it is in the runner's process when it asks: null when unset.</param>
internal sealed record WorkerRequest(string TestsPath, Dictionary<string, string> Dependencies, byte[] Image, byte[]? Pdb,
    string[] Katas, string WorkDirectory, string? Language);

/// <summary>The test process's answer: each test's outcome, or the error that stopped NUnit; and how long the run took
/// (for KATARUNNER_TRACE). It answers before it checks what the run left behind (<see cref="WorkerStatus"/>).</summary>
internal sealed record WorkerReply(List<RecordedOutcome> Outcomes, string? Error, double RunMilliseconds = 0);

/// <summary>What the test process says after its answer: whether the run's load context went away. When it did not
/// (the run's code still running or waiting), the process ends itself right after saying so.</summary>
internal sealed record WorkerStatus(bool LeftRunning, double CheckMilliseconds);

/// <summary>One message per line of UTF-8 JSON, both ways.</summary>
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerReply))]
[JsonSerializable(typeof(WorkerStatus))]
internal sealed partial class WorkerJson : JsonSerializerContext
{
    public static string Write<T>(T message) => JsonSerializer.Serialize(message, typeof(T), Default);

    public static T Read<T>(string line) where T : class =>
        JsonSerializer.Deserialize(line, typeof(T), Default) as T ?? throw new JsonException($"not a {typeof(T).Name}: {line[..Math.Min(line.Length, 80)]}");
}
