using System.Collections.Concurrent;
using System.Reflection;

namespace VirtualTimeLoop;

/// <summary>
/// Which task a callback posted to the loop resumes: an await's continuation is posted as the async
/// method's MoveNext action (its target is the method's task), or as a pair (a ValueTask source's
/// continuation) holding that task. A callback that resumes no task is keyed by its method.
/// </summary>
internal static class TaskKeys
{
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> TaskFields = new();

    /// <summary>The task the callback resumes, or a string naming the callback's method.</summary>
    public static object Of(SendOrPostCallback callback, object? state)
    {
        switch (state)
        {
            case Action { Target: Task task }:
                return task;
            case Task task:
                return task;
            case Delegate { Target: Task task }:
                return task;
            case not null when FieldsOf(state.GetType()) is { Length: > 0 } fields:
                foreach (var field in fields)
                {
                    switch (field.GetValue(state))
                    {
                        case Task task: return task;
                        case Delegate { Target: Task task }: return task;
                    }
                }
                break;
        }
        return $"{callback.Method.DeclaringType?.Name}.{callback.Method.Name}";
    }

    private static FieldInfo[] FieldsOf(Type type) => TaskFields.GetOrAdd(type, static t =>
        t.IsValueType || t.IsArray ? [] : [.. t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(f => f.FieldType == typeof(object) || typeof(Task).IsAssignableFrom(f.FieldType) || typeof(Delegate).IsAssignableFrom(f.FieldType))]);
}
