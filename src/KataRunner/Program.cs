using KataRunner.Modes;

// The kata runner: `dotnet run --project src/KataRunner [-- K05] [--once | --report FILE [--solutions] | --bench N | --bench-start]`.
return RunnerCommand.Parse(args) switch
{
    { Error: { } error } => Usage(error),
    { Mode: "once" } c => OnceMode.Run(c),
    { Mode: "report" } c => ReportMode.Run(c),
    { Mode: "bench" } c => BenchMode.Run(c),
    { Mode: "bench-start" } c => BenchMode.Start(c),
    var c => WatchMode.Run(c),
};

static int Usage(string error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("usage: dotnet run --project src/KataRunner -- [Kxx] [--once | --report FILE [--solutions] | --bench N | --bench-start]");
    return 2;
}
