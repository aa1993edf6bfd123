using System.Reflection;

namespace VirtualTimeLoop;

/// <summary>
/// Finds a timer of another clock that a stuck task waits on: a <c>Task.Delay(d, other)</c> on a second
/// FakeTimeProvider nobody advances looks to the loop like any task nobody completes. Only asked once a
/// run can never complete, it walks down from the main task through what it awaits (state machines,
/// awaiters, the tasks they hold), bounded in depth and size, and returns the first <see cref="ITimer"/>
/// that is not one of the loop's. A diagnosis, never a guard: a correct run never gets here.
/// </summary>
internal static class OtherClocks
{
    private const int MaxDepth = 12;
    private const int MaxObjects = 4_000;
    private const int MaxArrayItems = 64;

    /// <summary>The timer of another clock the main task waits on, or null when none is found.</summary>
    public static OtherClockTimer? TimerAwaitedBy(Task? main)
    {
        if (main is null) return null;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(object Node, int Depth)>();
        queue.Enqueue((main, 0));
        while (queue.TryDequeue(out var item) && seen.Count < MaxObjects)
        {
            var (node, depth) = item;
            if (!seen.Add(node)) continue;
            if (node is ITimer timer and not VirtualTimer) return Describe(timer);
            if (depth == MaxDepth) continue;
            foreach (var child in Children(node)) queue.Enqueue((child, depth + 1));
        }
        return null;
    }

    private static OtherClockTimer Describe(ITimer timer)
    {
        var owner = Fields(timer.GetType()).Select(f => f.GetValue(timer)).OfType<TimeProvider>().FirstOrDefault();
        return new OtherClockTimer(timer.GetType().FullName ?? timer.GetType().Name, owner?.GetType().FullName);
    }

    /// <summary>What a node holds that the task may be waiting on; never the way back to the loop (contexts, schedulers, threads).</summary>
    private static IEnumerable<object> Children(object node)
    {
        if (node is Array array)
        {
            if (array.Rank != 1 || array.GetType().GetElementType()!.IsPrimitive) yield break;
            foreach (var element in array.Cast<object?>().Take(MaxArrayItems))
            {
                if (Followed(element)) yield return element!;
            }
            yield break;
        }
        foreach (var field in Fields(node.GetType()))
        {
            if (field.FieldType.IsPrimitive || field.FieldType.IsPointer || field.FieldType == typeof(string)) continue;
            object? value;
            try { value = field.GetValue(node); }
            catch (Exception e) when (e is FieldAccessException or NotSupportedException or ArgumentException) { continue; }
            if (Followed(value)) yield return value!;
        }
    }

    private static bool Followed(object? value) => value is not (null or string or Delegate or ExecutionContext or SynchronizationContext
        or TaskScheduler or Thread or VirtualClock or MemberInfo or CancellationToken) && !value.GetType().IsPrimitive;

    private static IEnumerable<FieldInfo> Fields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
