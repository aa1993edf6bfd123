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
    private readonly List<(string Text, string? Thread)> _offTheLoop = [];
    private string? _lineThread;

    // A StringWriter underneath: its async methods write at once, on the caller's thread, through the
    // overrides below (TextWriter's own would hop to the thread pool).
    public LoopThreadWriter(TextWriter inner) : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _inner = inner;
        CoreNewLine = ['\n'];
    }

    /// <summary>The lines written (in part) off the loop thread, with the name of the thread.</summary>
    public IReadOnlyList<(string Text, string? Thread)> OffTheLoop { get { lock (_gate) { return [.. _offTheLoop]; } } }

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
                if (!OnTheLoop()) _lineThread ??= Thread.CurrentThread.Name ?? KataText.Format("K10.ThreadNumber", Environment.CurrentManagedThreadId);
                if (c == '\n')
                {
                    if (_lineThread is not null) _offTheLoop.Add((_line.ToString(), _lineThread));
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

    private static bool OnTheLoop() => Thread.CurrentThread.Name?.StartsWith("virtual loop", StringComparison.Ordinal) == true;
}
