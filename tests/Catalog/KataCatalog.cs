namespace AsyncKatas.Catalog;

/// <summary>
/// One kata: its id (also its NUnit category), its folder name, what it is about, and whether its
/// expected output is the article's (K14 and K15 go beyond the article).
/// </summary>
public sealed record Kata(string Id, string Folder, string Topic, bool FromArticle = true)
{
    public string ReadmePath => $"katas/{Folder}/README.md";
    public string HintsPath => $"katas/{Folder}/README.md#hints";
}

/// <summary>Every kata, in the order a learner takes them.</summary>
public static class KataCatalog
{
    public static IReadOnlyList<Kata> All { get; } =
    [
        new("K01", "K01_EventLoop", "the event loop: two workers taking turns"),
        new("K02", "K02_Coroutines", "cold work: nothing runs until it is scheduled"),
        new("K03", "K03_AwaitChains", "awaiting nested async methods, one after another"),
        new("K04", "K04_Tasks", "tasks started before they are awaited run together"),
        new("K05", "K05_WaitAndGather", "waiting for several tasks and collecting their results"),
        new("K06", "K06_TimeoutsAndCancellation", "waiting with a timeout, cancelling what is pending"),
        new("K07", "K07_Futures", "futures: TaskCompletionSource completed by someone else"),
        new("K08", "K08_ThreadPoolExecutor", "a bounded executor of blocking jobs and its future states"),
        new("K09", "K09_RunInExecutor", "awaiting blocking functions on pools and threads"),
        new("K10", "K10_MixedSyncAsync", "a blocking library inside async code: three downloads"),
        new("K11", "K11_CallbacksAndResults", "done callbacks and reading a finished task's result"),
        new("K12", "K12_ConcurrentVsSequential", "start first, await later: 5 s against 10 s"),
        new("K13", "K13_AsyncDisposables", "async resources: await using and a failing body"),
        new("K14", "K14_BuildYourOwnLoop", "write the event loop yourself", FromArticle: false),
        new("K15", "K15_Scale", "ten thousand sleeps: tasks against threads", FromArticle: false),
        new("K20", "K20_CompletionOrder", "completion order: each result the moment it is ready", FromArticle: false),
    ];

    public static Kata Get(string id) =>
        All.FirstOrDefault(k => k.Id == id) ?? throw new ArgumentException($"No kata with id '{id}' in KataCatalog.", nameof(id));
}
