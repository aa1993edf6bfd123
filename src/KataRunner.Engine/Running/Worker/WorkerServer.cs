using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running.Worker;

/// <summary>
/// The test process's side (<c>KataRunner --worker PIPE</c>): connects to the runner's pipe, then runs each requested
/// run in a fresh load context (<see cref="InProcessHost"/>) and answers with the outcomes. Then, while the runner
/// shows them, it prepares the next run's context (<see cref="PreparedContext"/>) and checks that the run's context
/// went away, and says so (<see cref="WorkerStatus"/>). When the context did not go away (learner code still running
/// or waiting: a loop that never ends, a thread blocked for ever), it ends the process, and with it that code; the
/// runner starts another one. It ends too when the runner goes away.
/// </summary>
public static class WorkerServer
{
    public static int Serve(string pipeName)
    {
        var code = 0;
        try
        {
            using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut);
            pipe.Connect(TimeSpan.FromSeconds(30));
            using var reader = new StreamReader(pipe, new UTF8Encoding(false));
            using var writer = new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true };
            var prepared = new PreparedContext();
            while (reader.ReadLine() is { } line)
            {
                var request = WorkerJson.Read<WorkerRequest>(line);
                var (reply, context) = RunOne(request, prepared);
                writer.WriteLine(WorkerJson.Write(reply));
                // While the runner shows this run, the next one's context is made and warmed up, and this one's is
                // checked for code of the learner's still running in it.
                prepared.Prepare(TestsOf(request));
                var clock = Stopwatch.StartNew();
                var leftRunning = context is not null && !InProcessHost.Unloaded(context);
                writer.WriteLine(WorkerJson.Write(new WorkerStatus(leftRunning, clock.Elapsed.TotalMilliseconds)));
                if (leftRunning) break;
            }
        }
        catch (IOException)
        {
            code = 1; // the runner went away mid-message
        }
        // Exit, not return: a foreground thread the learner's code started would keep the process alive.
        Environment.Exit(code);
        return code;
    }

    private static TestsImage TestsOf(WorkerRequest request) => new(request.TestsPath, request.Dependencies);

    private static (WorkerReply Reply, WeakReference? Context) RunOne(WorkerRequest request, PreparedContext prepared)
    {
        try
        {
            Environment.SetEnvironmentVariable(UiLanguage.Variable, request.Language);
            var katas = request.Katas.Select(KataCatalog.Get).ToList();
            var clock = Stopwatch.StartNew();
            var load = prepared.Take(TestsOf(request), request.Image, request.Pdb);
            var outcomes = InProcessHost.RunIn(load, katas, request.WorkDirectory, out var context);
            return (new WorkerReply([.. outcomes], null, clock.Elapsed.TotalMilliseconds), context);
        }
        catch (Exception e)
        {
            return (new WorkerReply([], e.ToString()), null);
        }
    }
}
