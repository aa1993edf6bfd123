using AsyncKatas.K13_AsyncDisposables;

namespace AsyncKatas.Tests.K13_AsyncDisposables;

[Category("K13")]
public class ConnectionTests
{
    [Test]
    public void OpensInOneSecond_ClosesInOneSecond_ClosesOnlyOnce()
    {
        var seen = new List<string>();
        var run = KataLoop.Run("K13", async io =>
        {
            void Note(string what, Connection connection) => seen.Add($"{what} at {io.Time.Elapsed.TotalSeconds:0.0##} s: {(connection.IsOpen ? "open" : "closed")}");
            var connection = await Connection.OpenAsync(io.Time);
            Note("opened", connection);
            await connection.DisposeAsync();
            Note("closed", connection);
            await connection.DisposeAsync();
            Note("closed again", connection);
        });
        AssertCompleted(run);
        Judge.Sequence(seen, ["opened at 1.0 s: open", "closed at 2.0 s: closed", "closed again at 2.0 s: closed"],
            "the connection's life (what the test saw after each step) is wrong.",
            "OpenAsync takes one virtual second and hands out an open connection; DisposeAsync takes one more second and " +
            "leaves it closed; closing a closed connection does nothing (no second sleep, no exception).");
    }
}
