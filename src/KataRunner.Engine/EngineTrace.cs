namespace KataRunner.Engine;

/// <summary>With KATARUNNER_TRACE set, where a run's time went (the compile, the test process), on standard error (bench/PROFILE.md).</summary>
internal static class EngineTrace
{
    private static readonly bool On = Environment.GetEnvironmentVariable("KATARUNNER_TRACE") is not null;

    public static void Write(string line)
    {
        if (On) Console.Error.WriteLine(line);
    }
}
