using System.Xml.Linq;
using KataRunner.Engine;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>
/// The contract: for katas/ as shipped and for solutions/, the runner's engine gives every test the
/// outcome `dotnet test` gave it. The `dotnet test` side is a TRX file named by an environment
/// variable (tools/parity.sh makes both and runs this); without it the test is ignored.
/// </summary>
[NonParallelizable]
public class ParityTests
{
    [TestCase(CodeTree.Katas, "KATAS_PARITY_TRX_KATAS")]
    [TestCase(CodeTree.Solutions, "KATAS_PARITY_TRX_SOLUTIONS")]
    public void Engine_outcomes_equal_dotnet_test_test_by_test(CodeTree tree, string variable)
    {
        var trx = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(trx))
        {
            Assert.Ignore($"{variable} is not set: tools/parity.sh runs `dotnet test` for both trees and then this test.");
        }
        var expected = Trx.Outcomes(trx!);
        Assert.That(expected, Is.Not.Empty, $"{trx} holds no test results");

        var result = SharedEngine.For(tree).Run([]);
        Assert.That(result.Problem, Is.Null);
        Assert.That(result.Compile!.Errors, Is.Empty, $"{tree} compiles with `dotnet build`, so it must in the runner");
        var actual = result.Tests.ToDictionary(t => t.FullName, t => t.Outcome);

        var differences = expected.Keys.Union(actual.Keys)
            .Order(StringComparer.Ordinal)
            .Select(name => (name, dotnet: expected.TryGetValue(name, out var e) ? e.ToString() : "absent", engine: actual.TryGetValue(name, out var a) ? a.ToString() : "absent"))
            .Where(d => d.dotnet != d.engine)
            .Select(d => $"{d.name}: dotnet test {d.dotnet}, engine {d.engine}")
            .ToList();
        TestContext.Out.WriteLine($"parity {tree}: {expected.Count} tests in the TRX, {actual.Count} in the engine, {differences.Count} differ");
        Assert.That(differences, Is.Empty, $"{tree}: the engine and dotnet test disagree");
    }

    /// <summary>Reads per-test outcomes from a TRX file, keyed by the NUnit full name.</summary>
    private static class Trx
    {
        private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

        public static Dictionary<string, Outcome> Outcomes(string path)
        {
            var document = XDocument.Load(path);
            var names = document.Descendants(Ns + "UnitTest").ToDictionary(
                t => (string)t.Attribute("id")!,
                t => FullName(t));
            var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
            foreach (var result in document.Descendants(Ns + "UnitTestResult"))
            {
                var name = names[(string)result.Attribute("testId")!];
                outcomes[name] = (string?)result.Attribute("outcome") switch
                {
                    "Passed" => Outcome.Passed,
                    "NotExecuted" or "Inconclusive" => Outcome.Skipped,
                    _ => Outcome.Failed,
                };
            }
            return outcomes;
        }

        private static string FullName(XElement unitTest)
        {
            var method = unitTest.Element(Ns + "TestMethod")!;
            var className = (string)method.Attribute("className")!;
            var name = (string)unitTest.Attribute("name")!; // the display name, with arguments
            return $"{className}.{name}";
        }
    }
}
