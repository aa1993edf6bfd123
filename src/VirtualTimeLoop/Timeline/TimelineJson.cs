using System.Text.Json.Serialization;

namespace VirtualTimeLoop;

/// <summary>
/// The timeline's JSON contract, generated at build time. Not the reflection-based serializer: its caches live
/// in System.Text.Json for the whole process and would keep the types of a run loaded in a collectible load
/// context (the watch runner's) alive after the run.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunTimeline))]
internal sealed partial class TimelineJson : JsonSerializerContext;
