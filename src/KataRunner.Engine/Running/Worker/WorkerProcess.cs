using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using AsyncKatas.Catalog.Words;

namespace KataRunner.Engine.Running.Worker;

/// <summary>
/// One test process and the pipe to it, owned by <see cref="WorkerHost"/>: started with <c>--worker PIPE</c>, its
/// standard output drained and discarded (a learner's Console.WriteLine must not reach the runner's screen), the first
/// lines of its standard error kept for the message when it stops.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int ErrorLinesKept = 2;

    /// <summary>How long the runner waits for a new test process to connect.</summary>
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long it waits for the answer to a run. The kata tests bound themselves (the loop's wall budget, K23's 30 s);
    /// this stops a test process that hangs outside them, where the runner used to hang with it.
    /// </summary>
    private static readonly TimeSpan AnswerLimit = TimeSpan.FromMinutes(5);
    private readonly Process _process;
    private readonly NamedPipeServerStream _pipe;
    private StreamReader? _reader;
    private StreamWriter? _writer;
    private readonly Queue<string> _errors = new();

    private WorkerProcess(Process process, NamedPipeServerStream pipe)
    {
        _process = process;
        _pipe = pipe;
    }

    public int Id => _process.Id;

    /// <summary>Starts the process (<paramref name="command"/> and the arguments before <c>--worker</c>) and waits for it to connect.</summary>
    public static WorkerProcess Start(string command, IReadOnlyList<string> arguments)
    {
        var name = $"kr{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]; // short: it becomes a socket path on Unix
        var pipe = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        var start = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--worker");
        start.ArgumentList.Add(name);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception(command);
        }
        catch (Win32Exception e)
        {
            pipe.Dispose();
            throw new WorkerStoppedException(KataVocabulary.Format(Vocabulary.TestProcessNotStarted, $"{command}: {e.Message}"));
        }
        var worker = new WorkerProcess(process, pipe);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => worker.NoteError(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var connected = pipe.WaitForConnectionAsync();
        var waited = Stopwatch.StartNew();
        while (!connected.Wait(100))
        {
            if (!process.HasExited && waited.Elapsed < ConnectLimit) continue;
            var how = process.HasExited ? worker.Stopped() : KataVocabulary.Format(Vocabulary.TestProcessSilent, ConnectLimit.TotalSeconds);
            worker.Dispose();
            throw new WorkerStoppedException(how);
        }
        worker._reader = new StreamReader(pipe, new UTF8Encoding(false));
        worker._writer = new StreamWriter(pipe, new UTF8Encoding(false)) { AutoFlush = true };
        return worker;
    }

    /// <summary>Sends one request and reads the reply; <see cref="WorkerStoppedException"/> when the process stopped first.</summary>
    public WorkerReply Send(WorkerRequest request)
    {
        string? line;
        try
        {
            _writer!.WriteLine(WorkerJson.Write(request));
            var answer = _reader!.ReadLineAsync();
            if (!answer.Wait(AnswerLimit))
            {
                Kill();
                throw new WorkerStoppedException(KataVocabulary.Format(Vocabulary.TestProcessSilent, AnswerLimit.TotalSeconds));
            }
            line = answer.Result;
        }
        catch (Exception e) when (e is IOException || e.InnerException is IOException)
        {
            line = null;
        }
        if (line is null) throw new WorkerStoppedException(Stopped());
        var reply = WorkerJson.Read<WorkerReply>(line);
        Status = ReadStatus();
        return reply;
    }

    /// <summary>
    /// What the process said after its last answer (<see cref="WorkerStatus"/>), once it has said it; null when it stopped
    /// instead. Completed at once before the first run.
    /// </summary>
    public Task<WorkerStatus?> Status { get; private set; } = Task.FromResult<WorkerStatus?>(new WorkerStatus(false, 0));

    private async Task<WorkerStatus?> ReadStatus()
    {
        try
        {
            return await _reader!.ReadLineAsync().ConfigureAwait(false) is { } line ? WorkerJson.Read<WorkerStatus>(line) : null;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Its exit code and first error lines, once it has stopped (or been stopped).</summary>
    private string Stopped()
    {
        if (!_process.WaitForExit(5000)) Kill();
        _process.WaitForExit(); // the error lines are all read
        lock (_errors) return KataVocabulary.Format(Vocabulary.TestProcessExited, _process.ExitCode) + (_errors.Count == 0 ? "" : ": " + string.Join(" | ", _errors));
    }

    private void NoteError(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        lock (_errors)
        {
            // The first lines say what stopped it ("Stack overflow.", "Process terminated. …"); a stack follows.
            if (_errors.Count < ErrorLinesKept) _errors.Enqueue(line.Length > 200 ? line[..200] + "…" : line);
        }
    }

    private void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it had already exited
    }

    public void Dispose()
    {
        Kill();
        try
        {
            _writer?.Dispose();
        }
        catch (IOException)
        {
            // the pipe broke with the process: nothing left to flush
        }
        _reader?.Dispose();
        _pipe.Dispose();
        _process.Dispose();
    }
}

/// <summary>The test process stopped before it answered (it crashed, or was killed).</summary>
internal sealed class WorkerStoppedException(string how) : Exception(how);
