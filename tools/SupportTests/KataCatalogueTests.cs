using System.Globalization;
using AsyncKatas.Catalog.Words;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// The kata layer's catalogue (tests/Support/Text/KataText.resx): every key the support code asks for
/// has English text, every entry a Simplified Chinese one with the same placeholders, no entry is left
/// unused, and a verdict is said in the UI culture DOTNET_CLI_UI_LANGUAGE names.
/// </summary>
[Category("Support")]
public class KataCatalogueTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans", predefinedOnly: false);

    [Test]
    public void Every_entry_has_a_translation_with_the_same_placeholders()
    {
        var english = KataText.Entries("");
        Assert.That(english, Is.Not.Empty);
        foreach (var language in KataText.Translations)
        {
            var translated = KataText.Entries(language);
            Assert.Multiple(() =>
            {
                Assert.That(translated.Keys, Is.EquivalentTo(english.Keys), $"{language}: the keys differ from the English catalogue's");
                foreach (var (key, text) in english)
                {
                    if (!translated.TryGetValue(key, out var other)) continue;
                    Assert.That(other, Is.Not.Empty, $"{language}: {key} is empty");
                    Assert.That(Placeholders(other), Is.EqualTo(Placeholders(text)), $"{language}: {key} has other placeholders than the English \"{text}\"");
                }
            });
        }
    }

    [Test]
    public void Every_key_the_support_code_names_is_in_the_catalogue_and_every_entry_is_named()
    {
        // The support code and the kata tests (tests/Kxx_Name) name keys; build output is left out.
        var tests = Path.Combine(KataVerifier.RepositoryRoot(ThisFile())!, "tests");
        var named = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteralPattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var english = KataText.Entries("");
        Assert.That(named, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(named.Where(k => !english.ContainsKey(k)), Is.Empty, "keys the code names that the catalogue lacks");
            Assert.That(english.Keys.Where(k => !named.Contains(k)), Is.Empty, "entries no code names");
        });
    }

    [Test]
    public void A_verdict_is_said_in_the_UI_culture_with_the_library_s_evidence_in_the_same_language()
    {
        var run = KataLoop.Run(KataCatalog.Get("K04"), io =>
        {
            _ = Task.Delay(TimeSpan.FromSeconds(3), io.Time);
            return Task.CompletedTask;
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.LeftoverWork), run.Explain);

        var english = KataExplanation.ExplainOutcome(run);
        var chinese = InCulture(Chinese, () => KataExplanation.ExplainOutcome(run));
        Assert.Multiple(() =>
        {
            Assert.That(english, Does.StartWith("the program ended while work it started was still running: when the main task completed at 0.0 s: 1 timer(s) still scheduled (due at 3.0 s)."));
            Assert.That(english, Does.Contain("\n  Likely cause: a sleep or timer the program armed was neither awaited nor cancelled"));
            Assert.That(chinese, Does.StartWith("程序结束时，它启动的工作仍在运行：主任务在 0.0 s 完成时：1 个定时器仍在计划中（到期于 3.0 s）。"));
            Assert.That(chinese, Does.Contain("\n  可能的原因：程序设定的休眠或定时器").And.Contain("\n  修复：await 你启动的每个任务"));
        });
    }

    [Test]
    public void DOTNET_CLI_UI_LANGUAGE_sets_the_UI_culture_and_a_name_no_language_has_leaves_English()
    {
        var before = (Environment.GetEnvironmentVariable(UiLanguage.Variable), CultureInfo.CurrentUICulture);
        try
        {
            Environment.SetEnvironmentVariable(UiLanguage.Variable, "zh-Hans");
            new UiCultureSetup().FromEnvironment();
            Assert.That(KataText.Text("Verdict.Fix"), Is.EqualTo("修复：{0}"));
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Environment.SetEnvironmentVariable(UiLanguage.Variable, "no such language");
            new UiCultureSetup().FromEnvironment();
            Assert.That(KataText.Text("Verdict.Fix"), Is.EqualTo("Fix: {0}"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(UiLanguage.Variable, before.Item1);
            CultureInfo.CurrentUICulture = before.CurrentUICulture;
        }
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> what)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try { return what(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern.Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static string ThisFile([CallerFilePath] string file = "") => file;

    // Plain Regex objects, not [GeneratedRegex]: the watch runner compiles the tests without source generators.
    private static readonly Regex PlaceholderPattern = new(@"\{\d+(:[^}]*)?\}", RegexOptions.CultureInvariant);

    /// <summary>A string literal that is a catalogue key: "Verdict.Fix", "Fix.LeaveNoThread.Threads".</summary>
    private static readonly Regex KeyLiteralPattern = new(@"""((?:Verdict|Verifier|Console|Message|Listing|Judge|Observed|Cause|Fix|At|Escaped|Diff|Timeline|K\d{2})\.[A-Za-z.]+)""", RegexOptions.CultureInvariant);
}
