using System.Text.Json;
using System.Text.Json.Serialization;

namespace KataRunner.Engine.Running.Worker;

/// <summary>A run the runner asks its test process for: the tests image and its dependencies, the kata image, which katas.</summary>
/// <param name="Katas">Kata ids; none: every test.</param>
/// <param name="Language">The language the tests word their verdicts in (<see cref="AsyncKatas.Catalog.Words.UiLanguage.Variable"/>, which they
/// read), as it is in the runner's process when it asks: null when unset.</param>
internal sealed record WorkerRequest(string TestsPath, Dictionary<string, string> Dependencies, byte[] Image, byte[]? Pdb,
    string[] Katas, string WorkDirectory, string? Language);

/// <summary>The test process's answer: each test's outcome; whether the run's code was still running after it (then the
/// process ends itself right after answering); or the error that stopped NUnit; and how long its two parts took (the
/// run in a fresh load context, then the check that the context went away), for KATARUNNER_TRACE.</summary>
internal sealed record WorkerReply(List<RecordedOutcome> Outcomes, bool LeftRunning, string? Error, double RunMilliseconds = 0, double CheckMilliseconds = 0);

/// <summary>One message per line of UTF-8 JSON, both ways.</summary>
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerReply))]
internal sealed partial class WorkerJson : JsonSerializerContext
{
    public static string Write<T>(T message) => JsonSerializer.Serialize(message, typeof(T), Default);

    public static T Read<T>(string line) where T : class =>
        JsonSerializer.Deserialize(line, typeof(T), Default) as T ?? throw new JsonException($"not a {typeof(T).Name}: {line[..Math.Min(line.Length, 80)]}");
}
