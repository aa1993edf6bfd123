using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// What a kata test tells the learner comes from the kata layer's catalogue (tests/Support/Text/KataText.resx and
/// its zh-Hans translation), so that a Chinese learner reads Chinese: no string literal in a kata's tests
/// (tests/Kxx_Name) or in their support (tests/Support) holds three or more English words, apart from what is
/// data or for the maintainer, not a sentence to the learner: the article's printed lines (a literal found in one
/// of the kata's snapshots), attribute arguments (test names and descriptions), what a thrown exception says (the
/// harness's own errors) and the few listed below with the reason.
/// </summary>
[Category("Support")]
public partial class InlineVerdictWordsTests
{
    /// <summary>The literals allowed to stay, by folder ("K15_Scale", "Support") and text, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // A kata test without its snapshot, or whose line times do not fit it: the repository is broken, which a
        // maintainer mends (tools/check.sh fails on it), never the learner.
        ["Support:{}: there is no verified snapshot {} yet. "] = "",
        ["Support:Write it from the article's expected output (never from a run)."] = "",
        ["Support:{}: the test gives {} line times but the snapshot has {} lines."] = "",
        // Support/Verifier.cs: the generic snapshot check of tools/SupportTests' own tests (kata tests use KataVerifier).
        ["Support:No verified snapshot yet: {}"] = "",
        ["Support:The text differs from the verified snapshot."] = "",
        // What follows is data, not a sentence to the learner: by kata, what it is.
        // K06_TimeoutsAndCancellation: a line the program prints, compared with its output.
        ["K06_TimeoutsAndCancellation:pending: MY_COROUTINE_2"] = "",
        // K08_ThreadPoolExecutor: what a future's ToString() returns (Python's repr), compared with it.
        ["K08_ThreadPoolExecutor:<Future state=finished returned Int32>"] = "",
        ["K08_ThreadPoolExecutor:<Future state=finished raised InvalidOperationException>"] = "",
        // K09_RunInExecutor: the names of the library's threads, compared with a thread's name.
        ["K09_RunInExecutor:virtual-loop worker"] = "",
        ["K09_RunInExecutor:virtual-loop dedicated thread"] = "",
        // K10_MixedSyncAsync: the name of the library's worker threads, compared with a thread's name.
        ["K10_MixedSyncAsync:virtual-loop worker"] = "",
        // K11_CallbacksAndResults: the article's do_work result, data the program returns.
        ["K11_CallbacksAndResults:Done at once"] = "",
        // K12_ConcurrentVsSequential: a fix that is code only: the same in every language.
        ["K12_ConcurrentVsSequential:await Task.Delay(TimeSpan.FromSeconds(x), time)."] = "",
        // K13_AsyncDisposables: the message of an exception the test makes the body throw: data it compares, no verdict shows it.
        ["K13_AsyncDisposables:the query failed"] = "",
        // K14_BuildYourOwnLoop: the name of the thread the test runs your loop on.
        ["K14_BuildYourOwnLoop:your event loop"] = "",
        // K15_Scale: lines the program prints, compared with its output.
        ["K15_Scale:{} tasks finished at 1.0 s"] = "",
        ["K15_Scale:{} blocking jobs on {} threads finished at {}.0 s"] = "",
        // K18_StructuredConcurrency: a line the program prints, compared with its output.
        ["K18_StructuredConcurrency:failed: One or more errors occurred"] = "",
        // K19_Deadlines: a line the program prints, compared with its output.
        ["K19_Deadlines:third timed out"] = "",
        // K20_CompletionOrder: the fake downloads' results and the lines the program prints with them, compared with its output.
        ["K20_CompletionOrder:failed d: connection reset"] = "",
        ["K20_CompletionOrder:got-it: 10 bytes"] = "",
        ["K20_CompletionOrder:gone: connection reset"] = "",
        ["K20_CompletionOrder:got got-it: 10 bytes"] = "",
        ["K20_CompletionOrder:failed gone: connection reset"] = "",
        ["K20_CompletionOrder:got cached: 20 bytes"] = "",
        ["K20_CompletionOrder:failed y: connection reset"] = "",
        ["K20_CompletionOrder:failed x: connection reset"] = "",
        ["K20_CompletionOrder:failed One or more errors occurred"] = "",
        // K21_AsyncStreams: a line the test's own consumer prints, compared with the output.
        ["K21_AsyncStreams:the feed ended by itself"] = "",
        // K22_SignalsAndLocks: lines the test's own program prints, compared with the output.
        ["K22_SignalsAndLocks:one deposited 10, balance 10"] = "",
        ["K22_SignalsAndLocks:other deposited 20, balance 20"] = "",
        ["K22_SignalsAndLocks:one deposited 1, balance 11"] = "",
        ["K22_SignalsAndLocks:other deposited 2, balance 22"] = "",
        ["K22_SignalsAndLocks:set (waiters done before: {})"] = "",
        ["K22_SignalsAndLocks:set (waiters done before: 0)"] = "",
        ["K22_SignalsAndLocks:set twice, IsSet {}"] = "",
        ["K22_SignalsAndLocks:WaitAsync already done: {}"] = "",
        ["K22_SignalsAndLocks:set twice, IsSet True"] = "",
        ["K22_SignalsAndLocks:WaitAsync already done: False"] = "",
        ["K22_SignalsAndLocks:WaitAsync already done: True"] = "",
        ["K22_SignalsAndLocks:cleared, IsSet False"] = "",
        ["K22_SignalsAndLocks:after clear woke"] = "",
        // K23_TestingTime: names of the fake clients (test case names) and what the broken one answers, data.
        ["K23_TestingTime:no answer in time"] = "",
        ["K23_TestingTime:limits attempts on the real clock"] = "",
        ["K23_TestingTime:leaves each attempt's timer running"] = "",
    };

    [Test]
    public void No_English_sentence_is_written_inline_in_a_kata_s_tests()
    {
        var tests = Path.Combine(KataVerifier.RepositoryRoot(ThisFile())!, "tests");
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(tests, "K*").Order(StringComparer.Ordinal).Append(Path.Combine(tests, "Support")))
        {
            var kata = Path.GetFileName(folder);
            var snapshots = string.Join("\n", Directory.EnumerateFiles(folder, "*.verified.txt").Select(File.ReadAllText));
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
            {
                foreach (var (line, text) in Literals(File.ReadAllText(file)))
                {
                    // A literal of several lines is named in the list by its first line.
                    if (Words(text) < 3 || Allowed.ContainsKey($"{kata}:{text.Split('\n')[0]}")) continue;
                    if (text.Split('\n').All(l => l.Trim().Length == 0 || snapshots.Contains(l.Trim(), StringComparison.Ordinal))) continue;
                    if (found.Count < 40) found.Add($"tests/{kata}/{Path.GetFileName(file)}({line}): \"{text}\"");
                    else if (found.Count == 40) found.Add("… (first 40 shown)");
                }
            }
        }
        Assert.That(found, Is.Empty, "put each sentence in tests/Support/Text/KataText.resx with its Chinese in KataText.zh-Hans.resx:\n" + string.Join('\n', found));
    }

    [TestCase("the token never reached the sleep.", 6)]
    [TestCase("DoWorkAsync({}) slept {} s", 2)]
    [TestCase("执行协程函数内部代码", 0)]
    [TestCase("Fix.FinishWhatYouStart.Timeouts", 0)]
    public void Words_are_counted_outside_values(string text, int words) => Assert.That(Words(text), Is.EqualTo(words));

    /// <summary>The text of every string literal outside attributes and throws (an interpolated one with "{}" for each value) and its line.</summary>
    private static IEnumerable<(int Line, string Text)> Literals(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes(n => n is not (AttributeListSyntax or ThrowStatementSyntax or ThrowExpressionSyntax)))
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{}")),
                _ => null,
            };
            if (text is not null) yield return (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text);
        }
    }

    /// <summary>The English words (two letters or more) of <paramref name="text"/>; none in a text without a space (a key, a path, a name).</summary>
    private static int Words(string text) => text.Contains(' ', StringComparison.Ordinal) ? Word().Matches(text).Count : 0;

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")]
    private static partial Regex Word();

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
