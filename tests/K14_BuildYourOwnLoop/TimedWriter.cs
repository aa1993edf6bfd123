using System.Text;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

/// <summary>
/// A console for programs on the learner's loop: keeps the exact text and, for each line, the virtual
/// time at which its newline was written, and whether it was written on a thread other than the loop's.
/// </summary>
internal sealed class TimedWriter : TextWriter
{
    private readonly LoopTestClock _clock;
    private readonly Func<int> _loopThreadId;
    private readonly object _gate = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly List<PrintedLine> _lines = [];
    private bool _lineOffLoop;

    public TimedWriter(LoopTestClock clock, Func<int> loopThreadId) : base(System.Globalization.CultureInfo.InvariantCulture)
    {
        _clock = clock;
        _loopThreadId = loopThreadId;
        CoreNewLine = ['\n'];
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _all.Append(value);
            _lineOffLoop |= Environment.CurrentManagedThreadId != _loopThreadId();
            if (value == '\n')
            {
                _lines.Add(new PrintedLine(_line.ToString(), _clock.Elapsed, _lineOffLoop));
                _line.Clear();
                _lineOffLoop = false;
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            foreach (var c in value) Write(c);
        }
    }

    public string Text { get { lock (_gate) { return _all.ToString(); } } }

    public IReadOnlyList<PrintedLine> Lines
    {
        get
        {
            lock (_gate)
            {
                var lines = new List<PrintedLine>(_lines);
                if (_line.Length > 0) lines.Add(new PrintedLine(_line.ToString(), _clock.Elapsed, _lineOffLoop));
                return lines;
            }
        }
    }
}
