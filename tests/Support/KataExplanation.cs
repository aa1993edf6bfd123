using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The library's explanation of a run, in the kata's words: a stub not written yet points at the
/// learner's file, an exception is located in kata code (katas/…/File.cs:line, and the async void
/// method it escaped from), and the fix fits the kata (no thread advice where the kata has no threads).
/// </summary>
public static class KataExplanation
{
    /// <summary>What happened, the likely cause and the fix, for a run of a kata program, as text.</summary>
    public static string ExplainOutcome(LoopRun run) => OutcomeVerdict(run).ToString();

    /// <summary>What happened, the likely cause and the fix, for a run of a kata program.</summary>
    public static Verdict OutcomeVerdict(LoopRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kata = KataContext.CurrentKata ?? run.Kata;
        var frame = KataFrame(run.Exception);
        if (run.IsNotStarted) return NotStarted(run.Exception!, kata);

        // The library's explanation, key by key: what this kata says in its own words, else the library's.
        var explanation = run.Explanation;
        var verdict = new Verdict(KataOverrides.Observed(explanation, run));
        if (KataOverrides.Note(explanation.Observed) is { } note) verdict.Evidence(note);
        verdict.Causes([.. explanation.Causes.Select(KataOverrides.Cause).OfType<string>()]);
        if (explanation.Observed == LoopOutcome.AsyncVoidThrew && run.Exception is OperationCanceledException)
        {
            verdict.Cause(KataText.Text("Cause.CancelledInAsyncVoid"));
        }
        return verdict.Fix(explanation.Fix is { } fix ? KataOverrides.Fix(fix, kata) : null).At(Location(run.Exception, frame));
    }

    /// <summary>A stub's <see cref="NotImplementedException"/>: the file to open (its frame's, else the kata's folder) and what the stub says.</summary>
    internal static Verdict NotStarted(Exception stub, Kata kata)
    {
        var frame = KataFrame(stub);
        var notStarted = Verdict.NotStarted(frame is null ? $"katas/{kata.Folder}/" : frame[..frame.LastIndexOf(':')]);
        if (!string.IsNullOrWhiteSpace(stub.Message) && stub.Message != new NotImplementedException().Message) notStarted.Evidence(KataText.Format("Verdict.StubSays", stub.Message));
        return notStarted;
    }

    /// <summary>The kata frame, and the async void method the exception escaped from, if it did.</summary>
    private static string? Location(Exception? exception, string? frame)
    {
        if (exception is null || frame is null) return frame;
        var asyncVoid = AsyncVoidFrame(exception);
        if (asyncVoid is null) return frame;
        return asyncVoid.Value.Frame == frame
            ? KataText.Format("At.InAsyncVoid", frame, asyncVoid.Value.Method)
            : KataText.Format("At.EscapedAsyncVoid", frame, asyncVoid.Value.Method, asyncVoid.Value.Frame);
    }

    /// <summary>The first stack frame in kata code ("katas/K03_AwaitChains/AwaitChains.cs:12"), if any.</summary>
    internal static string? KataFrame(Exception? exception)
    {
        if (exception is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (KataPath(frame) is { } path) return path;
        }
        return null;
    }

    /// <summary>The frame of an async void method's state machine in kata code, with the method's name.</summary>
    private static (string Frame, string Method)? AsyncVoidFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (KataPath(frame) is not { } path || frame.GetMethod() is not { Name: "MoveNext" } moveNext) continue;
            var machine = moveNext.DeclaringType;
            var owner = machine?.DeclaringType;
            if (machine is null || owner is null) continue;
            var kickoff = owner.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .FirstOrDefault(m => m.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType == machine);
            if (kickoff is { ReturnType: var type } && type == typeof(void)) return (path, $"{owner.Name}.{kickoff.Name}");
        }
        return null;
    }

    private static string? KataPath(StackFrame frame)
    {
        return KataCatalog.CodePath(frame.GetFileName()) is { } path ? $"{path}:{frame.GetFileLineNumber()}" : null;
    }
}
