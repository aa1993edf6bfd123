using System.Text;

namespace VirtualTimeLoop;

/// <summary>
/// The program's console: keeps the exact text written and, for each line, the virtual time at which
/// its newline was written. Safe to use from worker threads.
/// </summary>
internal sealed class RecordingWriter : TextWriter
{
    private readonly RunningLoop _loop;
    private readonly object _gate = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly List<PrintedLine> _lines = [];
    private bool _lineOutsideLoop;
    private bool _lineOnUnknownThread;

    public RecordingWriter(RunningLoop loop) : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _loop = loop;
        CoreNewLine = ['\n'];
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate) { Append(value); }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value) Append(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    // A line is written whole, as Console.Out writes it: two threads printing at once never mix their lines.
    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Write(value);
            Append('\n');
        }
    }

    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    public override void WriteLine(char[] buffer, int index, int count) => WriteLine(new string(buffer, index, count));

    public override void WriteLine(char value) => WriteLine(value.ToString());

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    // TextWriter's default async methods hop to the thread pool; a console on the loop writes at once,
    // in order, on the caller's thread (as StringWriter does).
    public override Task WriteAsync(char value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }
    public override Task WriteAsync(char[] buffer, int index, int count) { Write(buffer, index, count); return Task.CompletedTask; }
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return Task.CompletedTask; }
    public override Task WriteLineAsync() { WriteLine(); return Task.CompletedTask; }
    public override Task WriteLineAsync(char value) { WriteLine(value); return Task.CompletedTask; }
    public override Task WriteLineAsync(string? value) { WriteLine(value); return Task.CompletedTask; }
    public override Task WriteLineAsync(char[] buffer, int index, int count) { WriteLine(buffer, index, count); return Task.CompletedTask; }
    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) { WriteLine(buffer.Span); return Task.CompletedTask; }
    public override Task FlushAsync() => Task.CompletedTask;
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Append(char c)
    {
        _all.Append(c);
        _lineOutsideLoop |= _loop.IsOutsideLoop();
        _lineOnUnknownThread |= _loop.IsOnUnknownThread();
        if (c == '\n')
        {
            _lines.Add(new PrintedLine(_line.ToString(), _loop.Clock.Elapsed, _lineOutsideLoop, _lineOnUnknownThread));
            _loop.Timeline?.Printed(_lines[^1].Text, _lines[^1].At);
            _line.Clear();
            _lineOutsideLoop = false;
            _lineOnUnknownThread = false;
        }
        else
        {
            _line.Append(c);
        }
    }

    public string Text { get { lock (_gate) { return _all.ToString(); } } }

    /// <summary>The lines; an unterminated last line is included with the time it was last written to.</summary>
    public IReadOnlyList<PrintedLine> Lines
    {
        get
        {
            lock (_gate)
            {
                var lines = new List<PrintedLine>(_lines);
                if (_line.Length > 0) lines.Add(new PrintedLine(_line.ToString(), _loop.Clock.Elapsed, _lineOutsideLoop, _lineOnUnknownThread));
                return lines;
            }
        }
    }
}
