using System.Text;

namespace AsyncKatas.Tests.K10_MixedSyncAsync;

/// <summary>
/// The program's writer, passed through, noting each line that was written from a thread other than the
/// loop's (a worker of the loop's threads, inside the offloaded work): the harness accepts such lines, but
/// the lesson says the coroutine prints after its await, on the loop.
/// </summary>
internal sealed class LoopThreadWriter : StringWriter
{
    private readonly TextWriter _inner;
    private readonly object _gate = new();
    private readonly StringBuilder _line = new();
    private readonly List<(string Text, WriterThread Thread)> _offTheLoop = [];
    private WriterThread? _lineThread;

    // A StringWriter underneath: its async methods write at once, on the caller's thread, through the
    // overrides below (TextWriter's own would hop to the thread pool).
    public LoopThreadWriter(TextWriter inner) : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _inner = inner;
        CoreNewLine = ['\n'];
    }

    /// <summary>
    /// The lines written (in part) off the loop thread, with the name of the thread. Named here, on the
    /// test's thread, in the test's UI culture: the threads that wrote run the program's invariant one.
    /// </summary>
    public IReadOnlyList<(string Text, string Thread)> OffTheLoop
    {
        get
        {
            lock (_gate)
            {
                return [.. _offTheLoop.Select(l => (l.Text, l.Thread.Name ?? KataText.Format("K10.ThreadNumber", l.Thread.Id)))];
            }
        }
    }

    public override void Write(char value) => Forward([value]);

    public override void Write(string? value) => Forward(value);

    public override void Write(char[] buffer, int index, int count) => Forward(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Forward(buffer);

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Forward(buffer);
        Forward(CoreNewLine);
    }

    private void Forward(ReadOnlySpan<char> text)
    {
        lock (_gate)
        {
            foreach (var c in text)
            {
                if (!OnTheLoop()) _lineThread ??= new WriterThread(Thread.CurrentThread.Name, Environment.CurrentManagedThreadId);
                if (c == '\n')
                {
                    if (_lineThread is { } thread) _offTheLoop.Add((_line.ToString(), thread));
                    _line.Clear();
                    _lineThread = null;
                }
                else
                {
                    _line.Append(c);
                }
                _inner.Write(c);
            }
        }
    }

    private readonly record struct WriterThread(string? Name, int Id);

    private static bool OnTheLoop() => Thread.CurrentThread.Name?.StartsWith("virtual loop", StringComparison.Ordinal) == true;
}
