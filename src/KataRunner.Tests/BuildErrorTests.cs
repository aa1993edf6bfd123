using System.Diagnostics;

namespace KataRunner.Tests;

/// <summary>
/// `dotnet build` / `dotnet test` of katas/ when a kata does not compile (solutions/KataBuildErrors.targets):
/// the build names the kata and its hints, and a run filtered on another kata says why it cannot run and
/// how to run past it. Builds a copy of katas/ (with the repository's build files) in a temporary folder.
/// </summary>
[NonParallelizable]
public class BuildErrorTests
{
    [Test]
    public void An_analyzer_error_names_its_kata_and_a_filtered_run_of_another_kata_says_how_to_run_past_it()
    {
        var root = SharedEngine.Paths.Root;
        var copy = Path.Combine(Path.GetTempPath(), "katas-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Build.rsp", "Directory.Packages.props", "global.json", ".editorconfig" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(Directory.CreateDirectory(copy).FullName, file));
            }
            CopyTree(Path.Combine(root, "katas"), Path.Combine(copy, "katas"));
            CopyTree(Path.Combine(root, "solutions"), Path.Combine(copy, "solutions"));
            var k10 = Path.Combine(copy, "katas", "K10_MixedSyncAsync", "ImageDownloads.cs");
            // async void: VSTHRD100, a warning made an error by TreatWarningsAsErrors.
            File.WriteAllText(k10, File.ReadAllText(k10).Replace(
                "public static async Task RunAsync(", "public static async void Fire() => await Task.Yield();\n\n    public static async Task RunAsync(", StringComparison.Ordinal));

            // `dotnet test --filter TestCategory=K03` hands its filter to the build as VSTestTestCaseFilter.
            var (exit, output) = Dotnet(copy, "build", "katas/Katas.csproj", "-nologo", "-v:q", "-p:VSTestTestCaseFilter=TestCategory=K03");
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Not.Zero);
                Assert.That(output, Does.Contain("VSTHRD100"));
                Assert.That(output, Does.Contain("katas/K10_MixedSyncAsync/README.md : error KATA: K10 MixedSyncAsync does not compile: 1 error(s) above, in katas/K10_MixedSyncAsync/. Its hints: katas/K10_MixedSyncAsync/README.md#hints"));
                Assert.That(output, Does.Contain("so K03 cannot run while K10 does not compile").And.Contain("dotnet run --project src/KataRunner -- K03"));
                // Only K10 is named: the compiler's notes and warnings elsewhere (CA2016 in K06 …) are not errors.
                Assert.That(System.Text.RegularExpressions.Regex.Matches(output, @"error KATA: (K\d\d) \w+ does not compile").Select(m => m.Groups[1].Value).Distinct(),
                    Is.EqualTo(new[] { "K10" }));
            });

            // The same build for a Chinese learner: the kata's lines, its advice and its hints in Chinese.
            var (_, chinese) = Dotnet(copy, ("DOTNET_CLI_UI_LANGUAGE", "zh-Hans"), "build", "katas/Katas.csproj", "-nologo", "-v:q", "-p:VSTestTestCaseFilter=TestCategory=K03");
            Assert.Multiple(() =>
            {
                Assert.That(chinese, Does.Contain("error KATA: K10 MixedSyncAsync 编译不通过：上面有 1 个错误，在 katas/K10_MixedSyncAsync/ 里。它的提示：katas/K10_MixedSyncAsync/README.zh-CN.md#提示"));
                Assert.That(chinese, Does.Contain("error KATA: K10, VSTHRD100: async void：没人能 await 它"));
                Assert.That(chinese, Does.Contain("所以 K10 编译不通过时，K03 无法运行").And.Contain("dotnet run --project src/KataRunner -- K03"));
            });
        }
        finally
        {
            try { Directory.Delete(copy, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Exit, string Output) Dotnet(string directory, params string[] args) => Dotnet(directory, ("DOTNET_CLI_UI_LANGUAGE", "en"), args);

    private static (int Exit, string Output) Dotnet(string directory, (string Name, string Value) variable, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment[variable.Name] = variable.Value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.GetAwaiter().GetResult());
    }
}
