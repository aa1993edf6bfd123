using System.Threading.Channels;

namespace KataRunner.Engine.Session;

/// <summary>
/// The runner's main loop: waits for a key, a file change or the debounce deadline, applies it to the
/// <see cref="RunnerSession"/> and hands the new screen to the UI. Inputs come through a channel
/// (keys from the console, changes from the file watcher, or a test), the clock is injected: a test
/// drives the whole loop with a FakeTimeProvider and no real file events or sleeps. Scroll keys go to
/// <paramref name="scroll"/> (the UI's view of the screen), then the screen is shown again. With
/// <paramref name="checkInBackground"/>, the idle runs that learn the other katas' statuses run on a thread
/// of their own and the loop answers keys meanwhile (the console runner); without, one at a time between
/// inputs (the tests that count runs).
/// </summary>
public sealed class RunnerLoop(RunnerSession session, ChannelReader<RunnerInput> inputs, TimeProvider time, Action<Screen> show,
    Action? testsChanged = null, Action<ScrollKey>? scroll = null, bool checkInBackground = false)
{
    private Task<Action>? _checking;

    public Debouncer Debouncer { get; } = new(time);

    /// <summary>Runs until q (or the end of the inputs); returns the exit code, 0.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        show(session.Screen);
        while (true)
        {
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var input = inputs.WaitToReadAsync(wake.Token).AsTask();
            if (checkInBackground)
            {
                if (_checking is null && Debouncer.DueIn is null && !inputs.TryPeek(out _)) _checking = session.CheckNextInBackground();
            }
            else if (Debouncer.DueIn is null && !inputs.TryPeek(out _) && session.HasUnknown)
            {
                // Idle: learn one more kata's status (not run yet, or stale) for the list and the progress, between inputs.
                session.RunNextUnknown();
                show(session.Screen);
                continue;
            }
            var wakers = new List<Task>(3) { input };
            if (_checking is not null) wakers.Add(_checking);
            if (Debouncer.DueIn is { } due) wakers.Add(Task.Delay(due, time, wake.Token));
            await Task.WhenAny(wakers).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (input.IsCompletedSuccessfully && !input.Result && !inputs.TryPeek(out _)) return 0;

            var changed = false;
            if (_checking is { IsCompleted: true } done)
            {
                _checking = null;
                (await done.ConfigureAwait(false))();
                changed = true;
            }
            while (inputs.TryRead(out var item))
            {
                switch (item)
                {
                    case RunnerInput.Key key:
                        if (!session.HandleKey(key.Char)) return 0;
                        changed = true;
                        break;
                    case RunnerInput.Scroll move:
                        scroll?.Invoke(move.Move);
                        changed = true;
                        break;
                    case RunnerInput.Resized:
                        changed = true;
                        break;
                    case RunnerInput.FilesChanged files:
                        foreach (var path in files.Paths) Notice(path);
                        break;
                    case RunnerInput.LeftRunning:
                        changed |= session.NoteLeftRunning();
                        break;
                }
            }
            if (Debouncer.TryFire())
            {
                session.RunCurrent();
                changed = true;
            }
            if (changed) show(session.Screen);
        }
    }

    private void Notice(string path)
    {
        switch (session.NoteChange(path))
        {
            case ChangeKind.Katas:
                Debouncer.Notify();
                break;
            case ChangeKind.Tests:
                testsChanged?.Invoke();
                Debouncer.Notify();
                break;
        }
    }
}
