namespace VirtualTimeLoop;

/// <summary>
/// The threads loops run on: dedicated background threads (not the shared thread pool, whose business
/// the loop watches), kept after a run for the next one so that a run does not pay for a new thread.
/// A thread stuck in a program's step (the run was reported as <see cref="LoopOutcome.LoopBlocked"/>)
/// never comes back; a new one takes its place. A thread idle for 30 s ends.
/// </summary>
internal static class LoopThreads
{
    private static readonly Lock Gate = new();
    private static readonly Stack<LoopThread> Idle = new();
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);
    private static int _created;

    /// <summary>Runs <paramref name="work"/> on an idle loop thread, or on a new one.</summary>
    public static void Run(Action work)
    {
        LoopThread? thread;
        lock (Gate) { Idle.TryPop(out thread); }
        if (thread is null || !thread.TryAssign(work)) new LoopThread(Interlocked.Increment(ref _created)).Start(work);
    }

    /// <summary>Ends the idle threads now (see <see cref="LibraryLifetime"/>); threads at work end after their run.</summary>
    public static void EndIdleThreads()
    {
        List<LoopThread> idle;
        lock (Gate)
        {
            idle = [.. Idle];
            Idle.Clear();
        }
        foreach (var thread in idle) thread.Retire();
    }

    /// <summary>Keeps a thread for the next run; false when the library is unloading (the thread ends).</summary>
    private static bool Park(LoopThread thread)
    {
        lock (Gate)
        {
            if (LibraryLifetime.Unloading) return false;
            Idle.Push(thread);
            return true;
        }
    }

    private static void Forget(LoopThread thread)
    {
        lock (Gate)
        {
            if (!Idle.Contains(thread)) return;
            var rest = Idle.Where(t => t != thread).Reverse().ToList();
            Idle.Clear();
            foreach (var t in rest) Idle.Push(t);
        }
    }

    private sealed class LoopThread(int number)
    {
        private readonly object _gate = new(); // a Monitor, for Wait/Pulse
        private Action? _work;
        private bool _retired;

        public void Start(Action work)
        {
            _work = work;
            new Thread(Serve) { IsBackground = true, Name = $"virtual loop {number}" }.UnsafeStart(); // a thread kept for many runs carries no caller's context
        }

        /// <summary>Hands <paramref name="work"/> to this parked thread; false if it has just retired.</summary>
        public bool TryAssign(Action work)
        {
            lock (_gate)
            {
                if (_retired) return false;
                _work = work;
                Monitor.Pulse(_gate);
                return true;
            }
        }

        public void Retire()
        {
            lock (_gate)
            {
                _retired = true;
                Monitor.Pulse(_gate);
            }
        }

        private void Serve()
        {
            while (true)
            {
                Action? work;
                lock (_gate)
                {
                    if (_work is null && !_retired) Monitor.Wait(_gate, IdleLifetime);
                    if (_work is null)
                    {
                        _retired = true;
                        break;
                    }
                    work = _work;
                    _work = null;
                }
                work!();
                work = null; // a parked thread keeps nothing of the run it served (a program's types may be unloaded)
                if (!Park(this)) break;
            }
            Forget(this);
        }
    }
}
