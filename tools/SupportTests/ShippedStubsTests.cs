using System.Runtime.CompilerServices;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// katas/shipped.sha256 lists the kata files as shipped (src/AsyncKatas.Catalog/ShippedStubs.cs): it matches katas/
/// as it is in the repository, and it tells an untouched kata from one whose files were edited, added or removed,
/// whatever the line ends.
/// </summary>
[Category("Support")]
public class ShippedStubsTests
{
    private static string Katas([CallerFilePath] string file = "") => Path.Combine(KataVerifier.RepositoryRoot(file)!, "katas");

    [Test]
    public void The_list_matches_the_stubs_as_shipped()
    {
        var listed = Parse(File.ReadAllText(Path.Combine(Katas(), ShippedStubs.FileName)));
        var present = Parse(ShippedStubs.Listing(Katas()));
        Assert.That(listed, Is.EquivalentTo(present), "a stub changed: run tools/ship-stubs.sh and commit katas/shipped.sha256");
        var stubs = ShippedStubs.Load(Katas())!;
        Assert.That(KataCatalog.All.Where(k => !stubs.Untouched(k)).Select(k => k.Id), Is.Empty, "every kata is untouched as shipped");
    }

    [Test]
    public void A_kata_is_untouched_until_a_file_of_it_is_edited_added_or_removed()
    {
        var root = Path.Combine(TestContext.CurrentContext.WorkDirectory, "shipped-" + Guid.NewGuid().ToString("N"));
        var kata = KataCatalog.Get("K01");
        var folder = Path.Combine(root, kata.Folder);
        Directory.CreateDirectory(folder);
        try
        {
            var stub = Path.Combine(folder, "Stub.cs");
            File.WriteAllText(stub, "class A\n{\n}\n");
            File.WriteAllText(Path.Combine(root, ShippedStubs.FileName), ShippedStubs.Listing(root));
            var stubs = ShippedStubs.Load(root)!;
            Assert.That(stubs.Untouched(kata), Is.True, "as shipped");
            File.WriteAllText(stub, "class A\r\n{\r\n}\r\n");
            Assert.That(stubs.Untouched(kata), Is.True, "CRLF line ends (a Windows checkout) are the same text");
            File.WriteAllText(stub, "class A\n{\n    int x;\n}\n");
            Assert.That(stubs.Untouched(kata), Is.False, "edited");
            File.WriteAllText(stub, "class A\n{\n}\n");
            File.WriteAllText(Path.Combine(folder, "Mine.cs"), "class B { }\n");
            Assert.That(stubs.Untouched(kata), Is.False, "a file added");
            File.Delete(Path.Combine(folder, "Mine.cs"));
            File.Delete(stub);
            Assert.That(stubs.Untouched(kata), Is.False, "a file removed");
            Assert.That(stubs.Untouched(KataCatalog.Get("K02")), Is.False, "a kata the list does not hold");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToDictionary(l => l[(l.IndexOf("  ", StringComparison.Ordinal) + 2)..], l => l[..l.IndexOf("  ", StringComparison.Ordinal)]);
}
