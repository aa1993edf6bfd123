using System.Reflection;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

[assembly: AsyncKatas.Tests.Support.EscapedExceptions]

namespace AsyncKatas.Tests.Support;

/// <summary>
/// An exception that escapes a kata test instead of ending inside a run (the learner's code called by the test
/// directly, a stub's NotImplementedException, a bug in the test) fails the test as a kata failure like any other:
/// composed by <see cref="KataMessage"/> with the kata header, and recorded for the watch runner and the
/// `dotnet test` summary, which therefore never read an exception out of NUnit's message text. Applied to every
/// test of the assembly: NUnit looks for a method wrapper on the test, then on its class, then on its assembly.
/// </summary>
// Also on a class, for the fixture tools/SupportTests runs to test it.
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class)]
public sealed class EscapedExceptionsAttribute : NUnitAttribute, IWrapTestMethod
{
    public TestCommand Wrap(TestCommand command) => new Failing(command);

    /// <summary>What a test that threw is told: a stub not written yet, else what was thrown and where in the learner's code.</summary>
    internal static Verdict VerdictOf(Exception thrown, Kata kata)
    {
        var exception = Unwrapped(thrown);
        if (exception is NotImplementedException stub && KataExplanation.KataFrame(stub) is not null) return KataExplanation.NotStarted(stub, kata);
        var verdict = new Verdict(KataText.Format("Escaped.Threw", exception.GetType().Name, exception.Message));
        return KataExplanation.KataFrame(exception) is { } frame ? verdict.At(frame) : verdict.Evidence(KataText.Text("Escaped.NoKataFrame"));
    }

    /// <summary>The exception that matters: the inner one of NUnit's or reflection's wrapper, or of a single-task aggregate.</summary>
    private static Exception Unwrapped(Exception exception)
    {
        while (true)
        {
            var inner = exception switch
            {
                TargetInvocationException { InnerException: { } invoked } => invoked,
                NUnitException { InnerException: { } rethrown } => rethrown, // NUnit's wrapper of what a test method threw
                AggregateException { InnerExceptions: [var only] } => only,
                _ => null,
            };
            if (inner is null) return exception;
            exception = inner;
        }
    }

    /// <summary>Runs the test; an exception that is not NUnit's own result (a failed assertion, Ignore, Inconclusive) becomes a kata failure.</summary>
    private sealed class Failing(TestCommand inner) : DelegatingTestCommand(inner)
    {
        public override TestResult Execute(TestExecutionContext context)
        {
            try
            {
                return innerCommand.Execute(context);
            }
            catch (Exception e) when (Unwrapped(e) is not ResultStateException && KataContext.CurrentKata is { } kata)
            {
                KataMessage.Fail(VerdictOf(e, kata)); // throws NUnit's AssertionException with the composed message
                throw;
            }
        }
    }
}
