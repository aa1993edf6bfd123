namespace AsyncKatas.K05_WaitAndGather;

/// <summary>
/// A task with a name, like the one <c>asyncio.create_task(coro, name="MY_COROUTINE_1")</c> gives.
/// .NET tasks have no name of their own, so the name travels beside the task.
/// </summary>
public sealed record NamedTask(string Name, Task<string> Task);
