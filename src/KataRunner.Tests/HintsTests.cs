using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>Hints from a kata README: &lt;details&gt; blocks in the Hints section, else the whole section.</summary>
public class HintsTests
{
    private const string WithDetails = """
        # K01
        Some text.
        ## Hints
        <details><summary>Hint 1 — where to start</summary>

        Start both workers &amp; await them.
        </details>

        <details>
        <summary>Hint 2 — the API</summary>
        `Task.WhenAll(a, b)`
        </details>

        ## Python ↔ C#
        <details><summary>Not a hint</summary>x</details>
        """;

    [Test]
    public void Each_details_block_is_one_hint_in_order()
    {
        var hints = Hints.FromReadme(WithDetails);
        Assert.That(hints, Is.EqualTo(new[]
        {
            new Hint("Hint 1 — where to start", "Start both workers & await them."),
            new Hint("Hint 2 — the API", "`Task.WhenAll(a, b)`"),
        }));
    }

    [Test]
    public void Without_details_the_whole_section_is_one_hint()
    {
        var hints = Hints.FromReadme("# K\n## Hints\n- first\n- second\n## Next\nx\n");
        Assert.That(hints, Is.EqualTo(new[] { new Hint("Hints", "- first\n- second") }));
    }

    [Test]
    public void No_hints_section_no_hints() => Assert.That(Hints.FromReadme("# K\ntext\n"), Is.Empty);
}
