using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// The library's catalogue of sentences: every key the code asks for has English text, every English
/// entry has a Simplified Chinese one with the same placeholders, and a run's explanation renders in
/// the current UI culture.
/// </summary>
public partial class CatalogueTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans", predefinedOnly: false);

    [Test]
    public void Every_entry_has_a_translation_with_the_same_placeholders()
    {
        var english = Entries("");
        Assert.That(english, Is.Not.Empty);
        foreach (var language in Catalogue.Translations)
        {
            var translated = Entries(language);
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
    public void Every_key_has_its_entry()
    {
        Assert.Multiple(() =>
        {
            foreach (var cause in Enum.GetValues<LoopCause>()) Assert.That(Catalogue.Find($"Cause.{cause}"), Is.Not.Null, $"Cause.{cause}");
            foreach (var fix in Enum.GetValues<LoopFix>()) Assert.That(Catalogue.Find($"Fix.{fix}"), Is.Not.Null, $"Fix.{fix}");
            foreach (var outcome in Enum.GetValues<LoopOutcome>()) Assert.That(Catalogue.Find($"Observed.{outcome}"), Is.Not.Null, $"Observed.{outcome}");
            foreach (var stall in Enum.GetValues<ThreadStall>()) Assert.That(Catalogue.Find($"Evidence.ThreadStall.{stall}"), Is.Not.Null, $"ThreadStall.{stall}");
            foreach (var site in Enum.GetValues<ThrowSite>()) Assert.That(Catalogue.Find($"Evidence.Thrown.{site}"), Is.Not.Null, $"Thrown.{site}");
            foreach (var evidence in EveryKindOfEvidence())
            {
                Assert.That(() => LoopText.Describe(evidence), Throws.Nothing, evidence.GetType().Name);
            }
        });
    }

    [Test]
    public void Evidence_is_said_in_the_current_UI_culture()
    {
        var evidence = new HorizonPassed(TimeSpan.FromHours(24), TimeSpan.FromHours(25), 1234);
        Assert.That(LoopText.Describe(evidence), Is.EqualTo("virtual time passed 86400.0 s (the next timer is due at 90000.0 s, after 1,234 timer(s) fired)"));
        var chinese = InCulture(Chinese, () => LoopText.Describe(evidence));
        Assert.That(chinese, Does.Contain("86400.0 s").And.Contain("1,234").And.Contain("虚拟时间"));
    }

    [Test]
    public void A_run_explains_itself_in_Chinese_under_a_Chinese_UI_culture()
    {
        var run = VirtualLoop.Run(async io => await new TaskCompletionSource().Task, Budgets.Short);

        var english = run.ExplainOutcome();
        var chinese = InCulture(Chinese, run.ExplainOutcome);
        var china = InCulture(CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false), run.ExplainOutcome);
        Assert.That(english, Does.StartWith("the main task can never complete"));
        Assert.That(chinese, Does.StartWith("主任务永远无法完成").And.Contain("TaskCompletionSource"));
        Assert.That(china, Is.EqualTo(chinese));
    }

    private static IEnumerable<LoopEvidence> EveryKindOfEvidence()
    {
        var pending = new PendingWork([TimeSpan.FromSeconds(1)], 1, 1);
        var second = TimeSpan.FromSeconds(1);
        return
        [
            new MainTaskCancelled(), new ExceptionThrown(ThrowSite.Loop), new NothingToRun(), new OtherClockTimer("T", null), new OtherClockTimer("T", "C"),
            new WorkLeftPending(null, second, pending), new WorkLeftPending(pending, second, null), new WorkLeftPending(pending, second, pending with { Jobs = 2 }),
            new SleepPastHorizon(second, second, second, second), new OnlyPeriodicTimersFired(null, second, 1, 2), new OnlyPeriodicTimersFired(second, second, 1, 2),
            new HorizonPassed(second, second, 1), new StepCapReached(10, null), new StepCapReached(10, second), new RealClockTimerArmed(second, second, 1),
            new RealClockTimerArmed(second, second, 2), new ThreadStuck(null, ThreadStall.BlockedInWait), new ThreadStuck("w", ThreadStall.BusyWithoutYielding),
            new StrangerArmedTimer(true, "p"), new StrangerArmedTimer(false, "t"), new PoolThreadBlockedOnClock(second), new SharedPoolThreadsBusy(1, second),
            new SharedPoolItemsNotStarted(1, second, 2, 3), new ThreadsExhausted(16, 4), new WallBudgetExceeded(second), new RunCancelledByCaller(),
            new WatchdogFailed("E", "m"),
        ];
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> what)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try { return what(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private static Dictionary<string, string> Entries(string language) =>
        Catalogue.Set(language).Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static List<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
