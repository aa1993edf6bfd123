using AsyncKatas.Catalog.Words;
using KataRunner.Modes;

// The kata runner: `dotnet run --project src/KataRunner [-- K05] [--lang zh-Hans|en] [--once | --report FILE [--solutions] | --bench N | --bench-start]`.
var command = RunnerCommand.Parse(args);
Startup.UseLanguage(command);
return command switch
{
    { Error: { } error } => Usage(error),
    { Mode: "once" } c => OnceMode.Run(c),
    { Mode: "report" } c => ReportMode.Run(c),
    { Mode: "bench" } c => BenchMode.Run(c),
    { Mode: "bench-start" } c => BenchMode.Start(c),
    { Mode: "worker", WorkerPipe: { } pipe } => KataRunner.Engine.Running.Worker.WorkerServer.Serve(pipe),
    var c => WatchMode.Run(c),
};

static int Usage(string argument)
{
    Console.Error.WriteLine(KataVocabulary.Format(Vocabulary.UnknownArgument, argument));
    Console.Error.WriteLine(Vocabulary.Usage);
    return 2;
}
