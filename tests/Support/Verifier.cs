using System.Runtime.CompilerServices;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// A small stand-in for Verify.NUnit's <c>Verifier</c>, with its file conventions (see
/// <see cref="SnapshotFile"/>). Tests reach it through <c>global using static</c> in GlobalUsings.cs;
/// switching to Verify.NUnit is that one line.
/// </summary>
public static class Verifier
{
    /// <summary>Checks <paramref name="target"/> against <c>{Type}.{Method}.verified.txt</c> beside the calling test.</summary>
    public static Task Verify(string target, [CallerFilePath] string sourceFile = "")
    {
        var snapshot = SnapshotFile.ForCurrentTest(sourceFile);
        snapshot.DeleteReceived();
        var received = SnapshotFile.Normalize(target);
        var verified = snapshot.ReadVerified();
        if (verified == received) return Task.CompletedTask;
        if (SnapshotFile.AcceptRequested)
        {
            snapshot.Accept(received);
            return Task.CompletedTask;
        }
        snapshot.WriteReceived(received);
        Assert.Fail(verified is null
            ? $"No verified snapshot yet: {snapshot.VerifiedPath}\nReceived: {snapshot.ReceivedPath}"
            : $"The text differs from the verified snapshot.\n{TextDiff.Describe(verified, received)}\nReceived: {snapshot.ReceivedPath}");
        return Task.CompletedTask;
    }
}
