namespace VirtualTimeLoop;

/// <summary>
/// Tells a test framework's assertion failure from any other exception, without referencing a test
/// framework: by the names of the exception's types. NUnit's <c>ResultStateException</c> family
/// (<c>AssertionException</c>, <c>MultipleAssertException</c>, <c>IgnoreException</c>, …), xUnit's
/// exceptions (v2 and v3: <c>XunitException</c> and anything marked <c>IAssertionException</c>) and
/// MSTest's <c>UnitTestAssertException</c> family (<c>AssertFailedException</c>, …) all match.
/// </summary>
internal static class AssertionFailures
{
    private static readonly string[] BaseTypes =
    [
        "NUnit.Framework.ResultStateException",
        "Xunit.Sdk.XunitException",
        "Microsoft.VisualStudio.TestTools.UnitTesting.UnitTestAssertException",
    ];

    /// <summary>The assertion failure in <paramref name="exception"/> (itself, or the one inside an aggregate of one), if any.</summary>
    public static Exception? Find(Exception? exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerException;
        return exception is not null && IsAssertion(exception) ? exception : null;
    }

    private static bool IsAssertion(Exception exception)
    {
        var type = exception.GetType();
        if (type.GetInterfaces().Any(i => i.Name == "IAssertionException")) return true;
        for (var t = type; t is not null && t != typeof(Exception); t = t.BaseType)
        {
            if (BaseTypes.Contains(t.FullName, StringComparer.Ordinal)) return true;
        }
        return false;
    }
}
