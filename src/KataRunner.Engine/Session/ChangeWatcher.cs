using System.Threading.Channels;

namespace KataRunner.Engine.Session;

/// <summary>
/// Watches katas/ and tests/ with FileSystemWatcher and writes every changed path into the runner's
/// input channel; the loop classifies and debounces. Only the real console runner uses it.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ChannelWriter<RunnerInput> _inputs;

    public ChangeWatcher(RepositoryPaths paths, ChannelWriter<RunnerInput> inputs)
    {
        _inputs = inputs;
        foreach (var folder in new[] { paths.Katas, paths.Tests })
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += (_, e) => { Write(e.OldFullPath); Write(e.FullPath); };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e) => Write(e.FullPath);

    private void Write(string path) => _inputs.TryWrite(new RunnerInput.FilesChanged([path]));

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
