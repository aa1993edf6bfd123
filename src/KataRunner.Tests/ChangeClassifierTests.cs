namespace KataRunner.Tests;

/// <summary>Which changed paths re-run the kata, rebuild the tests, or mean nothing.</summary>
public class ChangeClassifierTests
{
    private static readonly KataRunner.Engine.RepositoryPaths Repository = new("/repo");

    [TestCase("katas/K01_EventLoop/TwoWorkers.cs", KataRunner.Engine.Session.ChangeKind.Katas)]
    [TestCase("katas/K01_EventLoop/README.md", KataRunner.Engine.Session.ChangeKind.Ignored)]
    [TestCase("katas/obj/Debug/net10.0/Katas.AssemblyInfo.cs", KataRunner.Engine.Session.ChangeKind.Ignored)]
    [TestCase("tests/K01_EventLoop/TwoWorkersTests.cs", KataRunner.Engine.Session.ChangeKind.Tests)]
    [TestCase("tests/K01_EventLoop/TwoWorkersTests.It.received.txt", KataRunner.Engine.Session.ChangeKind.Ignored)]
    [TestCase("tests/bin/Tests/solutions/Debug/net10.0/AsyncKatas.Tests.dll", KataRunner.Engine.Session.ChangeKind.Ignored)]
    [TestCase("solutions/K01_EventLoop/TwoWorkers.cs", KataRunner.Engine.Session.ChangeKind.Ignored)]
    public void Classifies(string path, KataRunner.Engine.Session.ChangeKind kind) =>
        Assert.That(KataRunner.Engine.Session.ChangeClassifier.Classify(Repository, "/repo/" + path), Is.EqualTo(kind));
}
