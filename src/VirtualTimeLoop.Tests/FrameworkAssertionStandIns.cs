// Stand-ins with the names (and shapes) of xUnit's and MSTest's assertion exceptions: the library tells
// them by name, and this project references NUnit only. (samples/ run the real frameworks.)
#pragma warning disable CA1032, CA1064, RCS1194
namespace Xunit.Sdk
{
    public interface IAssertionException;
    public class XunitException : Exception;
    public sealed class EqualException : XunitException;
    public sealed class MarkedException : Exception, IAssertionException;
}

namespace Microsoft.VisualStudio.TestTools.UnitTesting
{
    public abstract class UnitTestAssertException : Exception;
    public sealed class AssertFailedException : UnitTestAssertException;
}
