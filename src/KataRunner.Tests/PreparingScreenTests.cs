using System.Threading.Channels;
using KataRunner.Engine.Session;
using KataRunner.Modes;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// The preparing screen's order of work (PreparingScreen.Open): keys already pressed are answered before the first frame is
/// drawn, and the preparation starts only after that frame.
/// </summary>
public class PreparingScreenTests
{
    [Test]
    public void Keys_pressed_before_the_first_frame_are_answered_before_it_is_drawn()
    {
        var console = ScreenFixture.Console(80, 24);
        var inputs = Channel.CreateUnbounded<RunnerInput>();
        inputs.Writer.TryWrite(new RunnerInput.Key('l'));
        inputs.Writer.TryWrite(new RunnerInput.Key('q'));

        var outcome = new PreparingScreen(console, inputs.Reader, plain: false).Open(RunnerCommand.Parse(["--solutions"]));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Quit, Is.True);
            Assert.That(outcome.Opened, Is.Null);
            Assert.That(console.Output, Is.Empty, "q was waiting: no frame is drawn, and the l before it changed nothing on screen");
        });
    }
}
