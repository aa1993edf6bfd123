using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>Names a lane after its async method ("WorkAsync(1)"): the compiler's state-machine name, and the simple arguments it kept.</summary>
internal static class LaneNames
{
    private const int MaxArguments = 28;

    /// <summary>The async method's state machine of a task that is an async method instance, else null.</summary>
    public static Type? StateMachineOf(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType) return null;
        foreach (var argument in type.GetGenericArguments())
        {
            if (typeof(IAsyncStateMachine).IsAssignableFrom(argument)) return argument;
        }
        return null;
    }

    /// <summary>"WorkAsync(1)" for an async method's task, "task 12" for another task.</summary>
    public static string Of(Task task)
    {
        if (StateMachineOf(task) is not { } machine) return $"task {task.Id}";
        var arguments = ArgumentsOf(task, machine);
        return $"{MethodOf(machine.Name)}({arguments})";
    }

    /// <summary>
    /// The method of a compiler-generated name: "&lt;WorkAsync&gt;d__0" is WorkAsync, a local function
    /// "&lt;&lt;Main&gt;g__Worker|0_0&gt;d" is Worker, a lambda "&lt;&lt;Main&gt;b__0_0&gt;d" is "Main lambda".
    /// </summary>
    public static string MethodOf(string generated)
    {
        if (!generated.StartsWith('<')) return generated;
        var depth = 0;
        var end = -1;
        for (var i = 0; i < generated.Length; i++)
        {
            if (generated[i] == '<') depth++;
            else if (generated[i] == '>' && --depth == 0) { end = i; break; }
        }
        if (end < 0) return generated;
        var inner = generated[1..end];
        if (!inner.StartsWith('<')) return inner;
        var local = inner.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var name = inner[(local + 4)..];
            var bar = name.IndexOf('|', StringComparison.Ordinal);
            return bar < 0 ? name : name[..bar];
        }
        return MethodOf(inner) + " lambda";
    }

    /// <summary>The parameters the state machine kept (their fields are named after them), formatted when simple.</summary>
    private static string ArgumentsOf(Task task, Type machine)
    {
        if (task.GetType().GetField("StateMachine", BindingFlags.Public | BindingFlags.Instance)?.GetValue(task) is not { } state) return "";
        var values = new List<string>();
        foreach (var field in machine.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.Name.StartsWith('<')) continue;
            if (Simple(field.GetValue(state)) is { } text) values.Add(text);
        }
        var all = string.Join(", ", values);
        return all.Length <= MaxArguments ? all : all[..(MaxArguments - 1)] + "…";
    }

    private static string? Simple(object? value) => value switch
    {
        string s => $"\"{(s.Length > 12 ? s[..11] + "…" : s)}\"",
        char c => $"'{c}'",
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        TimeSpan t => VirtualTimeFormat.Seconds(t),
        IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
