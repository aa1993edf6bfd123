using System.Globalization;

namespace AsyncKatas.Tests;

/// <summary>
/// The kata tests speak the language `dotnet` speaks: DOTNET_CLI_UI_LANGUAGE ("zh-Hans") sets the UI
/// culture for the whole assembly (NUnit carries a culture set in a OneTimeSetUp to every test under it).
/// Unset, or a name the process cannot make a culture of, leaves the culture as it is.
/// </summary>
[SetUpFixture]
public sealed class UiLanguage
{
    /// <summary>The variable `dotnet` reads for its own language.</summary>
    public const string Variable = "DOTNET_CLI_UI_LANGUAGE";

    [OneTimeSetUp]
    public void FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } name) return;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name, predefinedOnly: false);
        }
        catch (CultureNotFoundException)
        {
            // Not a culture name: the messages stay in the culture the process has.
        }
    }
}
