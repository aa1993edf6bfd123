using System.Globalization;

namespace VirtualTimeLoop;

/// <summary>How virtual times read in messages: "1.5 s", "0.0 s", "2.25 s".</summary>
internal static class VirtualTimeFormat
{
    /// <summary>Seconds with one to three decimals and the unit, culture-invariant.</summary>
    internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture) + " s";
}
