using KataRunner.Engine;
var paths = RepositoryPaths.Find(Environment.CurrentDirectory)!;
var engine = new KataEngine(paths);
var sw = System.Diagnostics.Stopwatch.StartNew();
Console.WriteLine(engine.Prepare() ?? "prepared " + sw.ElapsedMilliseconds);
foreach (var p in engine.Compiler.LoadProblems) Console.WriteLine(p);

for (int i = 0; i < 12; i++)
{
    sw.Restart();
    var r = engine.Run(args.Length > 0 ? args : ["K01"]);
    Console.WriteLine($"run {sw.ElapsedMilliseconds} ms compile {r.Compile?.Elapsed.TotalMilliseconds} test {r.TestTime.TotalMilliseconds} {r.Problem} analyzers {engine.Compiler.ActiveAnalyzerCount}/{engine.Compiler.AnalyzerCount}");
    foreach (var e in r.Compile?.Errors ?? []) Console.WriteLine(e);
    foreach (var t in r.Tests.Take(3)) Console.WriteLine($"{t.Category} {t.ShortName} {t.Outcome}\n{t.Message}");
}
